package dev.brownout.fakes.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.List;

/** A client as the server knows it: its configuration resolved against the world, and its secret. */
final class RegisteredClient {

    private final String clientId;
    private final String secret;
    private final byte[] secretBytes;
    private final List<String> scopes;
    private final List<String> audiences;
    private final EnumSet<GrantType> grants;
    private final List<String> redirectUris;

    RegisteredClient(OAuthClientConfig config, String secret, List<String> worldProviders) {
        this.clientId = config.clientId();
        this.secret = secret;
        this.secretBytes = secret.getBytes(StandardCharsets.UTF_8);
        this.scopes = config.scopes();
        this.audiences = config.audiences() == null ? List.copyOf(worldProviders) : config.audiences();
        this.grants = config.grantSet();
        this.redirectUris = config.redirectUris();
    }

    String clientId() {
        return clientId;
    }

    String secret() {
        return secret;
    }

    List<String> scopes() {
        return scopes;
    }

    List<String> audiences() {
        return audiences;
    }

    boolean allows(GrantType grant) {
        return grants.contains(grant);
    }

    List<String> redirectUris() {
        return redirectUris;
    }

    /** Constant-time comparison, so response timing does not reveal how much of a guess was right. */
    boolean secretMatches(String presented) {
        return MessageDigest.isEqual(secretBytes, presented.getBytes(StandardCharsets.UTF_8));
    }
}
