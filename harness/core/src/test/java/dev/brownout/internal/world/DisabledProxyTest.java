package dev.brownout.internal.world;

import dev.brownout.scenario.Phase;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLibrary;
import dev.brownout.world.ProviderEndpoint;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A phase that takes a provider down resets its SDK's connections at once (the fault proxy keeps the port to count
 * them); the next phase brings it back.
 */
class DisabledProxyTest {

    private static Phase phase(Scenario scenario, String name) {
        return scenario.timeline().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aDownedProviderFailsItsSdksConnectionsWhileTheOtherServes() throws Exception {
        Scenario scenario = ScenarioLibrary.load("primary-hard-down");
        try (ProxiedWorld world = TestWorlds.start(scenario)) {
            ProviderEndpoint primary = world.endpoints().provider("primary");
            ProviderEndpoint backup = world.endpoints().provider("backup");
            world.phases().apply(phase(scenario, "primary-down"));
            assertThatThrownBy(() -> TestWorlds.ask(primary, primary.apiKey()))
                    .as("primary's SDK call while its proxy is down: a connection error, no HTTP answer")
                    .hasRootCauseInstanceOf(IOException.class);
            assertThat(TestWorlds.ask(backup, backup.apiKey())).as("backup's SDK call while primary is down")
                    .isEqualTo("mid");
        }
    }

    @Test
    void aReEnabledProviderServesAgain() throws Exception {
        Scenario scenario = ScenarioLibrary.load("primary-hard-down");
        try (ProxiedWorld world = TestWorlds.start(scenario)) {
            ProviderEndpoint primary = world.endpoints().provider("primary");
            world.phases().apply(phase(scenario, "primary-down"));
            world.phases().apply(phase(scenario, "recovery"));
            assertThat(TestWorlds.ask(primary, primary.apiKey())).as("primary's SDK call after recovery")
                    .isEqualTo("frontier");
        }
    }
}
