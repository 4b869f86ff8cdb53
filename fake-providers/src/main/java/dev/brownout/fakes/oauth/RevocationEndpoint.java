package dev.brownout.fakes.oauth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.brownout.fakes.admin.BehaviourStore;
import io.javalin.http.Context;

/**
 * {@code POST /revoke} (RFC 7009): a client revokes one of its own tokens. A refresh token takes its
 * whole family along, access tokens minted from it included. An unknown or invalid token is answered
 * 200 like a revoked one, so the endpoint tells nobody which tokens exist.
 */
final class RevocationEndpoint {

    private final BehaviourStore<OAuthBehaviour> behaviour;
    private final ClientAuthentication clients;
    private final RefreshTokens refreshTokens;
    private final AccessTokenVerifier verifier;
    private final Revocations revocations;
    private final RequestJournal journal;

    RevocationEndpoint(BehaviourStore<OAuthBehaviour> behaviour, ClientAuthentication clients,
                       RefreshTokens refreshTokens, AccessTokenVerifier verifier, Revocations revocations,
                       RequestJournal journal) {
        this.behaviour = behaviour;
        this.clients = clients;
        this.refreshTokens = refreshTokens;
        this.verifier = verifier;
        this.revocations = revocations;
        this.journal = journal;
    }

    void handle(Context ctx) {
        Exchange exchange = new Exchange("revoke", "POST");
        journal.handle(ctx, exchange, () -> {
            FormParameters form = FormParameters.read(ctx);
            RegisteredClient client = clients.authenticate(ctx, form, exchange);
            String token = form.require("token");
            revocations.applyRound(behaviour.current().revocationRound());
            revoke(token, client);
            ctx.status(200).header("Cache-Control", "no-store").result("");
        });
    }

    private void revoke(String token, RegisteredClient client) {
        RefreshTokens.Issued refresh = refreshTokens.lookup(token);
        if (refresh != null) {
            requireOwner(refresh.family().clientId(), client);
            revocations.revokeFamily(refresh.family().id());
            return;
        }
        JWTClaimsSet claims;
        try {
            claims = verifier.verifySignature(token);
        } catch (AccessTokenVerifier.Refusal refusal) {
            return;
        }
        requireOwner(AccessTokenVerifier.stringClaim(claims, "client_id"), client);
        if (claims.getJWTID() != null) {
            revocations.revokeAccessToken(claims.getJWTID());
        }
    }

    private static void requireOwner(String owner, RegisteredClient client) {
        if (!client.clientId().equals(owner)) {
            throw OAuthError.unauthorizedClient("the token was issued to another client");
        }
    }
}
