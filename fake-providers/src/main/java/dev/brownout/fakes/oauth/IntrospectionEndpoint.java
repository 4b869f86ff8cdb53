package dev.brownout.fakes.oauth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.brownout.fakes.admin.BehaviourStore;
import io.javalin.http.Context;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /introspect} (RFC 7662): any authenticated client may ask whether a token is active.
 * Unknown, expired, revoked or badly signed tokens are simply inactive, with no reason given.
 */
final class IntrospectionEndpoint {

    private final BehaviourStore<OAuthBehaviour> behaviour;
    private final ClientAuthentication clients;
    private final RefreshTokens refreshTokens;
    private final AccessTokenVerifier verifier;
    private final Revocations revocations;
    private final RequestJournal journal;

    IntrospectionEndpoint(BehaviourStore<OAuthBehaviour> behaviour, ClientAuthentication clients,
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
        Exchange exchange = new Exchange("introspect", "POST");
        journal.handle(ctx, exchange, () -> {
            FormParameters form = FormParameters.read(ctx);
            clients.authenticate(ctx, form, exchange);
            String token = form.require("token");
            int round = behaviour.current().revocationRound();
            revocations.applyRound(round);
            ctx.header("Cache-Control", "no-store").json(describe(token, round));
        });
    }

    private Map<String, Object> describe(String token, int round) {
        Map<String, Object> body = new LinkedHashMap<>();
        RefreshTokens.Issued refresh = refreshTokens.lookup(token);
        if (refresh != null) {
            boolean active = refreshTokens.isActive(refresh);
            body.put("active", active);
            if (active) {
                body.put("token_type", "refresh_token");
                body.put("client_id", refresh.family().clientId());
                body.put("sub", refresh.family().subject());
                body.put("scope", Scopes.join(refresh.family().scopes()));
                body.put("exp", refresh.expiresAt().getEpochSecond());
            }
            return body;
        }
        JWTClaimsSet claims;
        try {
            claims = verifier.verifySignature(token);
            verifier.checkTime(claims, Duration.ZERO);
            verifier.checkNotRevoked(claims, round);
        } catch (AccessTokenVerifier.Refusal refusal) {
            body.put("active", false);
            return body;
        }
        body.put("active", true);
        body.put("token_type", "Bearer");
        body.put("scope", AccessTokenVerifier.stringClaim(claims, "scope"));
        body.put("client_id", AccessTokenVerifier.stringClaim(claims, "client_id"));
        body.put("sub", claims.getSubject());
        body.put("aud", claims.getAudience());
        body.put("iss", claims.getIssuer());
        body.put("exp", claims.getExpirationTime().toInstant().getEpochSecond());
        body.put("iat", claims.getIssueTime().toInstant().getEpochSecond());
        body.put("nbf", claims.getNotBeforeTime().toInstant().getEpochSecond());
        body.put("jti", claims.getJWTID());
        return body;
    }
}
