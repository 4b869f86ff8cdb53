package dev.brownout.internal.world;

import dev.brownout.fakes.oauth.OAuthClient;
import dev.brownout.world.ProviderEndpoint;
import dev.brownout.world.WorldEndpoints;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The environment variables a system under test reads the world from: {@code BROWNOUT_<PROVIDER>_BASE_URL},
 * {@code _API_KEY} (api-key mode only), {@code _DIALECT}, {@code _AUTH}; {@code BROWNOUT_OAUTH_TOKEN_URL}, {@code _ISSUER}, {@code _JWKS_URL},
 * {@code _DISCOVERY_URL}; the first client as {@code BROWNOUT_OAUTH_CLIENT_ID}, {@code _CLIENT_SECRET},
 * {@code _REFRESH_TOKEN}, and every client by its id as {@code BROWNOUT_OAUTH_<CLIENT>_CLIENT_ID} and so on.
 * Names are upper-cased with every character outside {@code [A-Z0-9]} turned into {@code _}.
 */
public final class WorldEnvironment {

    private static final String PREFIX = "BROWNOUT_";

    private WorldEnvironment() {
    }

    public static Map<String, String> of(WorldEndpoints endpoints) {
        Map<String, String> env = new LinkedHashMap<>();
        for (ProviderEndpoint provider : endpoints.providers()) {
            String base = PREFIX + token(provider.name()) + "_";
            env.put(base + "BASE_URL", provider.baseUrl());
            env.put(base + "DIALECT", provider.dialect());
            env.put(base + "AUTH", provider.auth());
            if (provider.apiKey() != null) {
                env.put(base + "API_KEY", provider.apiKey());
            }
        }
        endpoints.oauth().ifPresent(oauth -> {
            String base = PREFIX + "OAUTH_";
            env.put(base + "ISSUER", oauth.issuer());
            env.put(base + "TOKEN_URL", oauth.tokenUrl());
            env.put(base + "JWKS_URL", oauth.jwksUrl());
            env.put(base + "DISCOVERY_URL", oauth.discoveryUrl());
            List<OAuthClient> clients = oauth.clients();
            if (!clients.isEmpty()) {
                putClient(env, base, clients.getFirst());
            }
            for (OAuthClient client : clients) {
                putClient(env, base + token(client.clientId()) + "_", client);
            }
        });
        return env;
    }

    private static void putClient(Map<String, String> env, String base, OAuthClient client) {
        env.put(base + "CLIENT_ID", client.clientId());
        env.put(base + "CLIENT_SECRET", client.clientSecret());
        if (client.refreshToken() != null) {
            env.put(base + "REFRESH_TOKEN", client.refreshToken());
        }
    }

    static String token(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
