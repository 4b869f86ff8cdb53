package dev.brownout.fakes.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** API-key mode: exactly this provider's key is accepted; another fake's key is a leak. */
public final class ApiKeyAuthenticator implements Authenticator {

    private final String provider;
    private final byte[] key;
    private final CredentialRegistry registry;

    public ApiKeyAuthenticator(String provider, String key, CredentialRegistry registry) {
        this.provider = provider;
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.registry = registry;
    }

    @Override
    public AuthResult authenticate(String credential) {
        if (credential == null || credential.isBlank()) {
            return AuthResult.refuse(AuthFailure.MISSING, "no API key");
        }
        if (MessageDigest.isEqual(key, credential.getBytes(StandardCharsets.UTF_8))) {
            return AuthResult.accept(provider + "-key");
        }
        return registry.ownerOf(credential)
                .map(owner -> AuthResult.leak(owner, owner + "-key"))
                .orElseGet(() -> AuthResult.refuse(AuthFailure.UNKNOWN, "not a key of this world"));
    }
}
