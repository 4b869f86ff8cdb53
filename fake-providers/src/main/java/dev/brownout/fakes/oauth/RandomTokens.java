package dev.brownout.fakes.oauth;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable values for tokens and codes minted while serving (seeded ones come from {@link SeededSecrets}). */
final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    /** 256 random bits, base64url without padding. */
    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
