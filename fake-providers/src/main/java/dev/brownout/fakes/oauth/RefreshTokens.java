package dev.brownout.fakes.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The refresh tokens issued so far, with rotation: each token may be exchanged once; the exchange
 * spends it and issues its successor in the same family. Reuse of a spent token revokes the family.
 */
final class RefreshTokens {

    private final Map<String, Issued> byToken = new ConcurrentHashMap<>();
    private final Revocations revocations;
    private final Duration ttl;
    private final Clock clock;
    private final Consumer<String> onIssued;

    /** @param onIssued told every new token, so the world's credential registry knows its owner */
    RefreshTokens(Revocations revocations, Duration ttl, Clock clock, Consumer<String> onIssued) {
        this.revocations = revocations;
        this.ttl = ttl;
        this.clock = clock;
        this.onIssued = onIssued;
    }

    /** A new login of a client: the family its refresh and access tokens will share. */
    static RefreshTokenFamily newFamily(String clientId, String subject, List<String> scopes, List<String> audiences) {
        return new RefreshTokenFamily("fam-" + UUID.randomUUID(), clientId, subject, List.copyOf(scopes), List.copyOf(audiences));
    }

    /** The first token of a family; {@code token} is given for a seeded one, else random. */
    Issued first(RefreshTokenFamily family, String token) {
        return issue(family, token == null ? newToken() : token);
    }

    /**
     * Spends {@code token} and issues its successor. Throws {@code invalid_grant} when the token is unknown,
     * not the client's, expired or revoked; when it was already spent, the family is revoked first. The
     * requested scope is checked before the token is spent, so a bad request does not cost the token.
     */
    Issued rotate(String token, String clientId, Consumer<RefreshTokenFamily> checkRequest) {
        Issued presented = find(token, clientId);
        checkRequest.accept(presented.family);
        if (!presented.spent.compareAndSet(false, true)) {
            revocations.revokeFamily(presented.family.id());
            throw OAuthError.invalidGrant("refresh token was already used; its whole family is revoked");
        }
        return issue(presented.family, newToken());
    }

    /** What the server knows of a refresh token, spent or not; {@code null} for a value it never issued. */
    Issued lookup(String token) {
        return token == null ? null : byToken.get(token);
    }

    /** Whether the token could be exchanged right now (introspection's {@code active}). */
    boolean isActive(Issued issued) {
        return !issued.spent.get() && !isDead(issued);
    }

    private Issued find(String token, String clientId) {
        Issued presented = byToken.get(token);
        if (presented == null || !presented.family.clientId().equals(clientId)) {
            throw OAuthError.invalidGrant("unknown refresh token");
        }
        if (revocations.isFamilyRevoked(presented.family.id()) || revocations.isStampRevoked(presented.stamp)) {
            throw OAuthError.invalidGrant("refresh token was revoked");
        }
        if (!clock.instant().isBefore(presented.expiresAt)) {
            throw OAuthError.invalidGrant("refresh token expired");
        }
        return presented;
    }

    private boolean isDead(Issued issued) {
        return revocations.isFamilyRevoked(issued.family.id()) || revocations.isStampRevoked(issued.stamp)
                || !clock.instant().isBefore(issued.expiresAt);
    }

    private Issued issue(RefreshTokenFamily family, String token) {
        Issued issued = new Issued(token, family, revocations.stamp(), clock.instant().plus(ttl));
        byToken.put(token, issued);
        onIssued.accept(token);
        return issued;
    }

    private static String newToken() {
        return "bo_rt_" + RandomTokens.next();
    }

    static final class Issued {
        private final String token;
        private final RefreshTokenFamily family;
        private final long stamp;
        private final Instant expiresAt;
        private final AtomicBoolean spent = new AtomicBoolean();

        private Issued(String token, RefreshTokenFamily family, long stamp, Instant expiresAt) {
            this.token = token;
            this.family = family;
            this.stamp = stamp;
            this.expiresAt = expiresAt;
        }

        String token() {
            return token;
        }

        RefreshTokenFamily family() {
            return family;
        }

        Instant expiresAt() {
            return expiresAt;
        }
    }
}
