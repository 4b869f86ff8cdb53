package dev.brownout.fakes.oauth;

import io.javalin.http.Context;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Authenticates the client of a token, introspection or revocation request with
 * {@code client_secret_basic} or {@code client_secret_post} (RFC 6749 §2.3.1); using both at once is
 * refused. An unknown client costs the same secret comparison as a known one, so timing does not tell
 * which client ids exist.
 */
final class ClientAuthentication {

    private final Map<String, RegisteredClient> clients;
    private final RegisteredClient decoy;

    ClientAuthentication(Map<String, RegisteredClient> clients) {
        this.clients = Map.copyOf(clients);
        this.decoy = clients.values().iterator().next();
    }

    RegisteredClient authenticate(Context ctx, FormParameters form, Exchange exchange) {
        List<String> authorization = ctx.req().getHeaders("Authorization") == null
                ? List.of()
                : Collections.list(ctx.req().getHeaders("Authorization"));
        String postId = form.get("client_id");
        String postSecret = form.get("client_secret");
        if (authorization.size() > 1) {
            throw OAuthError.invalidRequest("the Authorization header appears more than once");
        }
        if (authorization.size() == 1) {
            if (postSecret != null) {
                throw OAuthError.invalidRequest("use one client authentication method, not Basic and client_secret together");
            }
            String[] idAndSecret = basic(authorization.getFirst());
            exchange.client(idAndSecret[0]);
            if (postId != null && !postId.equals(idAndSecret[0])) {
                throw OAuthError.invalidRequest("client_id in the body differs from the Basic credentials");
            }
            return check(idAndSecret[0], idAndSecret[1], true);
        }
        if (postId == null) {
            throw OAuthError.invalidClient("client authentication is required (client_secret_basic or client_secret_post)", false);
        }
        exchange.client(postId);
        if (postSecret == null) {
            throw OAuthError.invalidClient("client_secret is required; this server has no public clients", false);
        }
        return check(postId, postSecret, false);
    }

    RegisteredClient find(String clientId) {
        return clientId == null ? null : clients.get(clientId);
    }

    private RegisteredClient check(String clientId, String secret, boolean usedBasic) {
        RegisteredClient client = clients.get(clientId);
        boolean matches = (client == null ? decoy : client).secretMatches(secret);
        if (client == null || !matches) {
            throw OAuthError.invalidClient("unknown client or wrong secret", usedBasic);
        }
        return client;
    }

    private static String[] basic(String header) {
        String trimmed = header.trim();
        if (trimmed.length() < 6 || !trimmed.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
            throw OAuthError.invalidClient("the Authorization header must use the Basic scheme", true);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(trimmed.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidClient("the Basic credentials are not valid base64", true);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw OAuthError.invalidClient("the Basic credentials must be client_id:client_secret", true);
        }
        try {
            // RFC 6749 §2.3.1: both parts are form-encoded before they are joined
            String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            if (id.isEmpty() || secret.isEmpty()) {
                throw OAuthError.invalidClient("the Basic credentials must name a client and a secret", true);
            }
            return new String[] {id, secret};
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidClient("the Basic credentials are not valid form encoding", true);
        }
    }
}
