package dev.brownout.internal.measure;

import dev.brownout.fakes.oauth.OAuthClient;
import dev.brownout.world.OAuthEndpoint;
import dev.brownout.world.ProviderEndpoint;
import dev.brownout.world.WorldEndpoints;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The world's long-lived secrets, each with the owner it is named by in findings and redactions: the
 * providers' api keys (owned by the provider) and the OAuth clients' secrets and seeded refresh tokens
 * (owned by {@code oauth}). Access tokens are minted during the run and expire; they are not listed.
 * {@link #toString()} never shows a secret.
 */
public final class WorldSecrets {

    public static final String OAUTH = "oauth";

    /** One secret and its owner. */
    public record Secret(String value, String owner) {

        @Override
        public String toString() {
            return "Secret[" + owner + "]";
        }
    }

    private final List<Secret> secrets;

    private WorldSecrets(List<Secret> secrets) {
        // longest first, so a secret that contains another is found and replaced whole
        this.secrets = secrets.stream().sorted(Comparator.comparingInt((Secret s) -> s.value().length()).reversed())
                .toList();
    }

    public static WorldSecrets of(WorldEndpoints world) {
        Map<String, Secret> byValue = new LinkedHashMap<>();
        for (ProviderEndpoint provider : world.providers()) {
            add(byValue, provider.apiKey(), provider.name());
        }
        world.oauth().map(OAuthEndpoint::clients).orElse(List.of()).forEach(client -> addClient(byValue, client));
        return new WorldSecrets(new ArrayList<>(byValue.values()));
    }

    /** Secrets given directly; blank values are ignored. */
    public static WorldSecrets of(List<Secret> secrets) {
        Map<String, Secret> byValue = new LinkedHashMap<>();
        secrets.forEach(secret -> add(byValue, secret.value(), secret.owner()));
        return new WorldSecrets(new ArrayList<>(byValue.values()));
    }

    private static void addClient(Map<String, Secret> byValue, OAuthClient client) {
        add(byValue, client.clientSecret(), OAUTH);
        add(byValue, client.refreshToken(), OAUTH);
    }

    private static void add(Map<String, Secret> byValue, String value, String owner) {
        if (value != null && !value.isBlank()) {
            byValue.putIfAbsent(value, new Secret(value, owner));
        }
    }

    /** Every secret, longest first. */
    public List<Secret> all() {
        return secrets;
    }

    @Override
    public String toString() {
        return "WorldSecrets[" + secrets.size() + " secrets]";
    }
}
