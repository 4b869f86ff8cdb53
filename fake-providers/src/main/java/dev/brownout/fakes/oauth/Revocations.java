package dev.brownout.fakes.oauth;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the server has revoked: single access tokens (by {@code jti}), whole refresh-token families (and
 * the access tokens minted from them, which carry the family as {@code sid}), and, for "revoke
 * everything", every token stamped up to a watermark. Every issued token gets an increasing stamp, so
 * "everything issued so far" is exact even within one second.
 */
final class Revocations {

    private final AtomicLong stamps = new AtomicLong();
    private final Set<String> revokedAccessTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> revokedFamilies = ConcurrentHashMap.newKeySet();
    private volatile long revokedThroughStamp;
    private int appliedRound;

    /** The next issue stamp. */
    long stamp() {
        return stamps.incrementAndGet();
    }

    /**
     * Applies the behaviour's revocation round: a round higher than the last one seen revokes everything
     * stamped so far. Called before every decision, so no token can be issued or accepted in between.
     */
    synchronized void applyRound(int round) {
        if (round > appliedRound) {
            revokedThroughStamp = stamps.get();
        }
        appliedRound = round;
    }

    void revokeAccessToken(String jti) {
        revokedAccessTokens.add(jti);
    }

    void revokeFamily(String familyId) {
        revokedFamilies.add(familyId);
    }

    boolean isFamilyRevoked(String familyId) {
        return familyId != null && revokedFamilies.contains(familyId);
    }

    boolean isStampRevoked(long stamp) {
        return stamp <= revokedThroughStamp;
    }

    boolean isAccessTokenRevoked(String jti, String familyId) {
        return jti == null || revokedAccessTokens.contains(jti) || isFamilyRevoked(familyId)
                || isStampRevoked(AccessTokenIssuer.stampOf(jti));
    }
}
