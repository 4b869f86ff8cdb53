package dev.brownout.fakes.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.brownout.fakes.auth.AuthFailure;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * Checks an access token the way a resource server would, against the server's published keys read
 * in-process (an unavailable JWKS endpoint does not stop tokens already issued). Nimbus verifies the
 * signature; the claims are checked here, one by one, so each refusal has its own reason.
 */
final class AccessTokenVerifier {

    private final String issuer;
    private final Revocations revocations;
    private final Clock clock;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    AccessTokenVerifier(String issuer, SigningKeys keys, Revocations revocations, Clock clock) {
        this.issuer = issuer;
        this.revocations = revocations;
        this.clock = clock;
        JWKSource<SecurityContext> published = (selector, context) -> selector.select(keys.published());
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), published));
        processor.setJWSTypeVerifier((type, context) -> { });
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
    }

    /** Signature, type and issuer; throws {@link Refusal} otherwise. */
    JWTClaimsSet verifySignature(String token) {
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new Refusal(AuthFailure.MALFORMED, "not a JWT");
        }
        if (!(parsed instanceof SignedJWT signed)) {
            throw new Refusal(AuthFailure.BAD_SIGNATURE, "the JWT is not signed");
        }
        if (!AccessTokenIssuer.TYPE.equals(signed.getHeader().getType())) {
            throw new Refusal(AuthFailure.MALFORMED, "not an access token (typ must be at+jwt)");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(signed, null);
        } catch (BadJOSEException | JOSEException e) {
            throw new Refusal(AuthFailure.BAD_SIGNATURE, "signature does not verify against the published keys");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new Refusal(AuthFailure.UNKNOWN, "issued by another issuer");
        }
        return claims;
    }

    /** Expiry and not-before, with {@code leeway} for clocks that differ a little. */
    void checkTime(JWTClaimsSet claims, Duration leeway) {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null || !now.isBefore(exp.toInstant().plus(leeway))) {
            throw new Refusal(AuthFailure.EXPIRED, exp == null ? "the token has no expiry" : "the token expired at " + exp.toInstant());
        }
        Date nbf = claims.getNotBeforeTime() != null ? claims.getNotBeforeTime() : claims.getIssueTime();
        if (nbf != null && now.plus(leeway).isBefore(nbf.toInstant())) {
            throw new Refusal(AuthFailure.NOT_YET_VALID, "the token is not valid before " + nbf.toInstant());
        }
    }

    void checkNotRevoked(JWTClaimsSet claims, int revocationRound) {
        revocations.applyRound(revocationRound);
        if (revocations.isAccessTokenRevoked(claims.getJWTID(), stringClaim(claims, "sid"))) {
            throw new Refusal(AuthFailure.REVOKED, "the token was revoked");
        }
    }

    static String stringClaim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String text ? text : null;
    }

    /** Why a token was refused. */
    static final class Refusal extends RuntimeException {
        private final AuthFailure failure;

        Refusal(AuthFailure failure, String detail) {
            super(detail, null, false, false);
            this.failure = failure;
        }

        AuthFailure failure() {
            return failure;
        }
    }
}
