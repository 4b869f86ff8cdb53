package dev.brownout.scenario;

import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.WorldConfig;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.oauth.OAuthConfig;

import java.util.List;
import java.util.Optional;

/**
 * The fake world of a scenario: the fakes' own {@link WorldConfig} fields (host, catalog, providers)
 * plus the OAuth server's {@link OAuthConfig}. The scenario's seed is the world's seed.
 *
 * @param host    listener address, or null for loopback
 * @param catalog catalog file extending the default catalog, or null
 * @param oauth   the OAuth server, or null when the world has none
 */
public record ScenarioWorld(String host, String catalog, OAuthConfig oauth, List<ProviderConfig> providers) {

    public ScenarioWorld {
        providers = providers == null ? List.of() : List.copyOf(providers);
    }

    public Optional<ProviderConfig> provider(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The world as the fakes start it (providers and OAuth server), seeded with the scenario's seed. */
    public WorldConfig worldConfig(long seed) {
        return new WorldConfig(seed, host, catalog, providers, oauth);
    }

    /** This world with every provider's initial behaviour healthy: no fault, no rate limit. */
    ScenarioWorld healthy() {
        return new ScenarioWorld(host, catalog, oauth,
                providers.stream().map(p -> p.withBehaviour(ProviderBehaviour.healthy())).toList());
    }

    ScenarioWorld loadScaled(double factor) {
        return new ScenarioWorld(host, catalog, oauth,
                providers.stream().map(p -> p.withBehaviour(BehaviourScaling.providerLoad(p.behaviour(), factor))).toList());
    }

    ScenarioWorld scaled(double factor) {
        return new ScenarioWorld(host, catalog, oauth == null ? null : BehaviourScaling.oauthServer(oauth, factor),
                providers.stream().map(p -> p.withBehaviour(BehaviourScaling.provider(p.behaviour(), factor))).toList());
    }
}
