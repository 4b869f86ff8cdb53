package dev.brownout.fakes.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Mints access tokens as signed JWTs in the RFC 9068 profile ({@code typ: at+jwt}). The {@code jti}
 * starts with the token's issue stamp so "revoke everything issued so far" can be decided from the
 * token alone; the {@code sid} names the refresh-token family a token descends from, if any.
 */
final class AccessTokenIssuer {

    static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");

    private final String issuer;
    private final SigningKeys keys;
    private final Revocations revocations;
    private final Duration ttl;
    private final Clock clock;

    AccessTokenIssuer(String issuer, SigningKeys keys, Revocations revocations, Duration ttl, Clock clock) {
        this.issuer = issuer;
        this.keys = keys;
        this.revocations = revocations;
        this.ttl = ttl;
        this.clock = clock;
    }

    Duration ttl() {
        return ttl;
    }

    /** @param skew the behaviour's clock offset: the server believes its clock, so only the claims move */
    String mint(String clientId, String subject, List<String> scopes, List<String> audiences, String familyId,
                Duration skew) {
        // JWT times are whole seconds; truncating here keeps exp - iat exactly the configured lifetime
        Instant issuedAt = clock.instant().plus(skew).truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(audiences)
                .claim("client_id", clientId)
                .claim("scope", Scopes.join(scopes))
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(ttl)))
                .jwtID(revocations.stamp() + "." + UUID.randomUUID());
        if (familyId != null) {
            claims.claim("sid", familyId);
        }
        JWK key = keys.current();
        JWSHeader header = new JWSHeader.Builder(keys.algorithm().jws()).keyID(key.getKeyID()).type(TYPE).build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(keys.signer(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing an access token failed", e);
        }
        return jwt.serialize();
    }

    /** The issue stamp a {@code jti} of ours starts with; for any other, a stamp no revocation round reaches. */
    static long stampOf(String jti) {
        int dot = jti.indexOf('.');
        if (dot < 1 || dot > 18) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(jti.substring(0, dot));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
