package dev.brownout.fakes.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret the fakes of one world issued, with its owner. A provider asks it who owns a credential
 * it refused, to tell a typo from a credential leaked from another provider.
 */
public final class CredentialRegistry {

    private final Map<String, String> ownerBySecret = new ConcurrentHashMap<>();

    /** Records that {@code owner} issued {@code secret}; refuses one secret with two owners. */
    public void register(String secret, String owner) {
        String previous = ownerBySecret.putIfAbsent(secret, owner);
        if (previous != null && !previous.equals(owner)) {
            throw new IllegalArgumentException("credential already issued by '" + previous + "', cannot also belong to '" + owner + "'");
        }
    }

    public Optional<String> ownerOf(String secret) {
        return secret == null ? Optional.empty() : Optional.ofNullable(ownerBySecret.get(secret));
    }

    /** Every secret in this world, so reports can check none of them leaked into a file. */
    public java.util.Set<String> secrets() {
        return java.util.Set.copyOf(ownerBySecret.keySet());
    }
}
