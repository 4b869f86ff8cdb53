package dev.brownout.world;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Every endpoint and credential of a proxied world, as handed to the system under test. */
public record WorldEndpoints(List<ProviderEndpoint> providers, Optional<OAuthEndpoint> oauth) {

    public WorldEndpoints {
        providers = List.copyOf(providers);
    }

    public ProviderEndpoint provider(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no provider named '" + name + "'"));
    }
}
