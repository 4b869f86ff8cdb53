package dev.brownout.fakes.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization codes waiting for their exchange: single use, short-lived, bound to the client, the
 * redirect URI and the PKCE challenge. A code presented twice revokes the tokens its first exchange
 * issued (RFC 6749 §4.1.2).
 */
final class AuthorizationCodes {

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, String> redeemedToFamily = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    AuthorizationCodes(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** @param redirectUri the URI the authorization request named, {@code null} when it named none */
    String issue(String clientId, String redirectUri, String challenge, List<String> scopes) {
        forgetExpired();
        String code = "bo_ac_" + RandomTokens.next();
        pending.put(code, new Pending(clientId, redirectUri, challenge, List.copyOf(scopes), clock.instant().plus(ttl)));
        return code;
    }

    /** Takes the code out, so it can never be exchanged twice; throws {@code invalid_grant} otherwise. */
    Pending redeem(String code, String clientId, Revocations revocations) {
        Pending found = pending.remove(code);
        if (found == null) {
            String family = redeemedToFamily.get(code);
            if (family != null) {
                revocations.revokeFamily(family);
                throw OAuthError.invalidGrant("authorization code was already used; the tokens it issued are revoked");
            }
            throw OAuthError.invalidGrant("unknown or expired authorization code");
        }
        if (!found.clientId().equals(clientId)) {
            throw OAuthError.invalidGrant("authorization code was issued to another client");
        }
        if (!clock.instant().isBefore(found.expiresAt())) {
            throw OAuthError.invalidGrant("authorization code expired");
        }
        return found;
    }

    void remember(String code, String familyId) {
        redeemedToFamily.put(code, familyId);
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        pending.values().removeIf(p -> !now.isBefore(p.expiresAt()));
    }

    record Pending(String clientId, String redirectUri, String challenge, List<String> scopes, Instant expiresAt) {
    }
}
