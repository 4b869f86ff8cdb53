package dev.brownout.internal.world;

import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.WorldConfig;
import dev.brownout.faultproxy.backend.FaultProxyBackend;
import dev.brownout.scenario.ScenarioLibrary;
import dev.brownout.world.ProviderEndpoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting from a scenario, a start that fails part-way, and closing twice. */
class WorldLifecycleTest {

    @Test
    void aScenarioStartsWithItsOwnCatalogBehindTheEmbeddedProxy() {
        try (ProxiedWorld world = ProxiedWorld.start(ScenarioLibrary.load("oauth-outage"))) {
            assertThat(world.endpoints().providers()).as("providers handed out")
                    .extracting(ProviderEndpoint::name).containsExactly("primary", "backup");
            assertThat(world.backend().name()).as("backend").isEqualTo("embedded");
            assertThat(world.environment()).as("environment").containsKeys(
                    "BROWNOUT_PRIMARY_BASE_URL", "BROWNOUT_BACKUP_API_KEY", "BROWNOUT_OAUTH_CLIENT_ID");
        }
    }

    @Test
    void aStartThatFailsStopsTheBackendItWasGiven() {
        FaultProxyBackend backend = FaultProxyBackend.embedded();
        int controlPort = backend.controlUrl().getPort();
        WorldConfig unknownModel = new WorldConfig(1L, WorldConfig.LOOPBACK, null,
                List.of(ProviderConfig.of("primary", DialectKind.OPENAI, "no-such-model")));
        assertThatThrownBy(() -> ProxiedWorld.start(unknownModel, backend)).as("starting a world with an unknown model")
                .hasMessageContaining("no-such-model");
        assertThat(TestWorlds.accepts(controlPort)).as("backend control port accepting after the failed start").isFalse();
    }

    @Test
    void closingTwiceIsHarmless() {
        ProxiedWorld world = TestWorlds.start("primary-hard-down");
        world.close();
        world.close();
        assertThat(TestWorlds.accepts(TestWorlds.portOf(world.endpoints().provider("primary").baseUrl())))
                .as("primary's proxy accepting after closing twice").isFalse();
    }
}
