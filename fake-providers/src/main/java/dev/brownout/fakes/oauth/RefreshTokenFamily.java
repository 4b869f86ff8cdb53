package dev.brownout.fakes.oauth;

import java.util.List;

/**
 * All refresh tokens descending from one login (an authorization code, or the seeded token). Rotation
 * keeps the family; presenting a token of the family that was already spent is the signature of a
 * stolen or raced token, and revokes the whole family, as real servers do.
 */
record RefreshTokenFamily(String id, String clientId, String subject, List<String> scopes, List<String> audiences) {
}
