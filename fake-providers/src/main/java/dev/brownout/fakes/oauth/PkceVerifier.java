package dev.brownout.fakes.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * PKCE (RFC 7636) with S256 only: {@code plain} would let anyone who saw the authorization request
 * redeem the code, so it is refused at the authorization endpoint.
 */
final class PkceVerifier {

    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9\\-_]{43}");

    private PkceVerifier() {
    }

    static boolean isWellFormedChallenge(String challenge) {
        return challenge != null && S256_CHALLENGE.matcher(challenge).matches();
    }

    static void verify(String verifier, String challenge) {
        if (!VERIFIER.matcher(verifier).matches()) {
            throw OAuthError.invalidRequest("code_verifier must be 43 to 128 characters of [A-Za-z0-9-._~]");
        }
        byte[] expected = challenge.getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, s256(verifier).getBytes(StandardCharsets.US_ASCII))) {
            throw OAuthError.invalidGrant("code_verifier does not match the code_challenge");
        }
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
