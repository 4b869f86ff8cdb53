package dev.brownout.world;

import java.util.List;

/**
 * One provider as the system under test sees it: reached only through its fault proxy.
 *
 * @param baseUrl exactly what the dialect's official SDK takes as its base URL, on the proxy's address
 * @param dialect {@code openai}, {@code anthropic} or {@code gemini}
 * @param auth    {@code api-key}, {@code oauth} (a bearer token from the world's OAuth server) or {@code none}
 * @param apiKey  the provider's key, or null when it authenticates with OAuth tokens or not at all
 */
public record ProviderEndpoint(String name, String dialect, String auth, String baseUrl, String apiKey, List<String> models) {

    public ProviderEndpoint {
        models = List.copyOf(models);
    }
}
