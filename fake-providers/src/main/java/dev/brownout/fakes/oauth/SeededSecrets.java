package dev.brownout.fakes.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Secrets derived from the world's seed, the server's name, the client and the purpose: the same world
 * and seed give the same credentials (reproducible runs), while two clients, two purposes or two
 * servers never share one (the credential registry refuses a secret with two owners).
 */
final class SeededSecrets {

    private final long seed;
    private final String server;

    SeededSecrets(long seed, String server) {
        this.seed = seed;
        this.server = server;
    }

    String clientSecret(String clientId) {
        return "bo_cs_" + derive("client-secret", clientId);
    }

    String refreshToken(String clientId) {
        return "bo_rt_" + derive("seeded-refresh-token", clientId);
    }

    private String derive(String purpose, String clientId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String material = seed + "\u0000" + server + "\u0000" + purpose + "\u0000" + clientId;
            byte[] digest = sha256.digest(material.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
