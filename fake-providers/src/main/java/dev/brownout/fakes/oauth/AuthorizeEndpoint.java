package dev.brownout.fakes.oauth;

import dev.brownout.fakes.admin.BehaviourStore;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /authorize}: the authorization-code flow with nobody at the screen. It approves or denies
 * as the behaviour says, and answers with the redirect a browser would follow. Errors about the client
 * or its redirect URI are shown here, never redirected (RFC 6749 §4.1.2.1), so a forged request cannot
 * bounce to an attacker's URI; every other error travels back in the redirect.
 */
final class AuthorizeEndpoint {

    private final BehaviourStore<OAuthBehaviour> behaviour;
    private final ClientAuthentication clients;
    private final AuthorizationCodes codes;
    private final RequestJournal journal;

    AuthorizeEndpoint(BehaviourStore<OAuthBehaviour> behaviour, ClientAuthentication clients, AuthorizationCodes codes,
                      RequestJournal journal) {
        this.behaviour = behaviour;
        this.clients = clients;
        this.codes = codes;
        this.journal = journal;
    }

    void handle(Context ctx) {
        Exchange exchange = new Exchange("authorize", ctx.method().name());
        journal.handle(ctx, exchange, () -> {
            FormParameters query = FormParameters.fromQuery(ctx.queryParamMap());
            RegisteredClient client = clients.find(query.get("client_id"));
            exchange.client(query.get("client_id"));
            if (client == null) {
                throw OAuthError.invalidRequest("client_id is missing or unknown");
            }
            String redirectUri = query.get("redirect_uri");
            String target = redirectTarget(client, redirectUri);
            String state = query.get("state");
            try {
                String code = approve(query, client, redirectUri, exchange);
                redirect(ctx, target, Map.of("code", code), state);
            } catch (OAuthError e) {
                if (!exchange.injected()) {
                    exchange.outcome(e.code(), false);
                }
                Map<String, String> error = new LinkedHashMap<>();
                error.put("error", e.code());
                error.put("error_description", e.getMessage());
                redirect(ctx, target, error, state);
            }
        });
    }

    private static String redirectTarget(RegisteredClient client, String redirectUri) {
        if (redirectUri == null) {
            if (client.redirectUris().size() != 1) {
                throw OAuthError.invalidRequest("redirect_uri is required: the client registered several");
            }
            return client.redirectUris().getFirst();
        }
        if (!client.redirectUris().contains(redirectUri)) {
            throw OAuthError.invalidRequest("redirect_uri is not registered for this client (exact match required)");
        }
        return redirectUri;
    }

    private String approve(FormParameters query, RegisteredClient client, String redirectUri, Exchange exchange) {
        if (!"code".equals(query.get("response_type"))) {
            throw OAuthError.authorization("unsupported_response_type", "response_type must be code");
        }
        if (!client.allows(GrantType.AUTHORIZATION_CODE)) {
            throw OAuthError.authorization("unauthorized_client", "this client may not use the authorization code flow");
        }
        List<String> scopes = Scopes.grant(Scopes.parse(query.get("scope")), client.scopes());
        String challenge = query.get("code_challenge");
        if (challenge == null) {
            throw OAuthError.invalidRequest("PKCE is required: send code_challenge with code_challenge_method=S256");
        }
        if (!"S256".equals(query.get("code_challenge_method"))) {
            throw OAuthError.invalidRequest("code_challenge_method must be S256; plain is refused");
        }
        if (!PkceVerifier.isWellFormedChallenge(challenge)) {
            throw OAuthError.invalidRequest("code_challenge must be 43 base64url characters (an S256 digest)");
        }
        if (behaviour.current().authorize() == OAuthBehaviour.AuthorizeDecision.DENY) {
            exchange.outcome("access_denied", true);
            throw OAuthError.authorization("access_denied", "the resource owner denied the request");
        }
        return codes.issue(client.clientId(), redirectUri, challenge, scopes);
    }

    private static void redirect(Context ctx, String target, Map<String, String> parameters, String state) {
        StringBuilder location = new StringBuilder(target).append(target.contains("?") ? '&' : '?');
        Map<String, String> all = new LinkedHashMap<>(parameters);
        if (state != null) {
            all.put("state", state);
        }
        boolean first = true;
        for (Map.Entry<String, String> entry : all.entrySet()) {
            if (!first) {
                location.append('&');
            }
            first = false;
            location.append(entry.getKey()).append('=').append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
        }
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(location.toString(), io.javalin.http.HttpStatus.FOUND);
    }
}
