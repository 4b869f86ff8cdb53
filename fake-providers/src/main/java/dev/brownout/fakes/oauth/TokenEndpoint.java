package dev.brownout.fakes.oauth;

import dev.brownout.fakes.admin.BehaviourStore;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /token}: client_credentials, refresh_token with rotation, authorization_code with PKCE.
 * The behaviour's faults come first, as an outage hits every request whatever it says; then the request
 * is validated in the order of RFC 6749 §5.2's error codes.
 */
final class TokenEndpoint {

    private final BehaviourStore<OAuthBehaviour> behaviour;
    private final TokenEndpointFaults faults;
    private final ClientAuthentication clients;
    private final AccessTokenIssuer accessTokens;
    private final RefreshTokens refreshTokens;
    private final AuthorizationCodes codes;
    private final Revocations revocations;
    private final RequestJournal journal;

    TokenEndpoint(BehaviourStore<OAuthBehaviour> behaviour, TokenEndpointFaults faults, ClientAuthentication clients,
                  AccessTokenIssuer accessTokens, RefreshTokens refreshTokens, AuthorizationCodes codes,
                  Revocations revocations, RequestJournal journal) {
        this.behaviour = behaviour;
        this.faults = faults;
        this.clients = clients;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.codes = codes;
        this.revocations = revocations;
        this.journal = journal;
    }

    void handle(Context ctx) {
        Exchange exchange = new Exchange("token", "POST");
        OAuthBehaviour now = behaviour.current();
        boolean hung = false;
        try {
            if (now.tokenEndpoint().hang()) {
                hung = true;
                exchange.outcome("hang", true);
                journal.record(exchange, 0);
                throw faults.hang(exchange);
            }
            faults.delayOrFail(now.tokenEndpoint(), exchange);
            FormParameters form = FormParameters.read(ctx);
            exchange.grant(form.get("grant_type"));
            String grantName = form.require("grant_type");
            GrantType grant = GrantType.fromWire(grantName);
            if (grant == null) {
                throw OAuthError.unsupportedGrantType("grant_type '" + FormParameters.printable(grantName) + "' is not supported");
            }
            RegisteredClient client = clients.authenticate(ctx, form, exchange);
            if (!client.allows(grant)) {
                throw OAuthError.unauthorizedClient("client '" + client.clientId() + "' may not use " + grant.wireName());
            }
            revocations.applyRound(now.revocationRound());
            Map<String, Object> response = switch (grant) {
                case CLIENT_CREDENTIALS -> clientCredentials(form, client, now);
                case REFRESH_TOKEN -> refresh(form, client, now, exchange);
                case AUTHORIZATION_CODE -> authorizationCode(form, client, now);
            };
            ctx.status(200).header("Cache-Control", "no-store").header("Pragma", "no-cache").json(response);
        } catch (OAuthError e) {
            fail(ctx, exchange, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(ctx, exchange, OAuthError.temporarilyUnavailable("the server is stopping"));
        } catch (Exception e) {
            fail(ctx, exchange, OAuthError.serverError("unexpected failure: " + e.getClass().getSimpleName()));
        } finally {
            if (!hung) {
                journal.record(exchange, ctx.statusCode());
            }
        }
    }

    private Map<String, Object> clientCredentials(FormParameters form, RegisteredClient client, OAuthBehaviour now) {
        List<String> scopes = Scopes.grant(Scopes.parse(form.get("scope")), client.scopes());
        String token = accessTokens.mint(client.clientId(), client.clientId(), scopes, client.audiences(), null,
                now.clockSkew().offset());
        return response(token, scopes, null);
    }

    private Map<String, Object> refresh(FormParameters form, RegisteredClient client, OAuthBehaviour now, Exchange exchange) {
        if (now.refreshFails()) {
            exchange.outcome("invalid_grant", true);
            throw OAuthError.invalidGrant("the refresh token is no longer valid; sign in again");
        }
        String presented = form.require("refresh_token");
        var requested = Scopes.parse(form.get("scope"));
        RefreshTokens.Issued next = refreshTokens.rotate(presented, client.clientId(),
                family -> Scopes.grant(requested, family.scopes()));
        RefreshTokenFamily family = next.family();
        List<String> scopes = Scopes.grant(requested, family.scopes());
        String token = accessTokens.mint(client.clientId(), family.subject(), scopes, family.audiences(), family.id(),
                now.clockSkew().offset());
        return response(token, scopes, next.token());
    }

    private Map<String, Object> authorizationCode(FormParameters form, RegisteredClient client, OAuthBehaviour now) {
        String code = form.require("code");
        String verifier = form.require("code_verifier");
        String redirectUri = form.get("redirect_uri");
        AuthorizationCodes.Pending pending = codes.redeem(code, client.clientId(), revocations);
        String expected = pending.redirectUri();
        if (expected != null ? !expected.equals(redirectUri) : redirectUri != null && !client.redirectUris().contains(redirectUri)) {
            throw OAuthError.invalidGrant("redirect_uri does not match the authorization request");
        }
        PkceVerifier.verify(verifier, pending.challenge());
        RefreshTokenFamily family = RefreshTokens.newFamily(client.clientId(), client.clientId(), pending.scopes(),
                client.audiences());
        codes.remember(code, family.id());
        String refresh = client.allows(GrantType.REFRESH_TOKEN) ? refreshTokens.first(family, null).token() : null;
        String token = accessTokens.mint(client.clientId(), family.subject(), pending.scopes(), family.audiences(),
                family.id(), now.clockSkew().offset());
        return response(token, pending.scopes(), refresh);
    }

    private Map<String, Object> response(String accessToken, List<String> scopes, String refreshToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("token_type", "Bearer");
        body.put("expires_in", accessTokens.ttl().toSeconds());
        body.put("scope", Scopes.join(scopes));
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        return body;
    }

    private static void fail(Context ctx, Exchange exchange, OAuthError error) {
        if (!exchange.injected()) {
            exchange.outcome(error.code(), false);
        }
        error.writeTo(ctx);
    }
}
