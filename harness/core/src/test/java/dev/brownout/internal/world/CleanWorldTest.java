package dev.brownout.internal.world;

import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.oauth.OAuthBehaviour;
import dev.brownout.scenario.NetworkFaults;
import dev.brownout.scenario.Phase;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLibrary;
import dev.brownout.scenario.TargetFaults;
import dev.brownout.scenario.Toxic;
import dev.brownout.scenario.ToxicKind;
import dev.brownout.scenario.ToxicStream;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code clear()} and {@code close()} leave a clean world; closing frees every port. */
class CleanWorldTest {

    /** Every kind of fault at once: a downed proxy, toxics including the blackhole, http faults on provider and OAuth. */
    private static Phase everything(Scenario brownout) {
        Phase failing = brownout.timeline().stream().filter(p -> p.name().equals("failing")).findFirst().orElseThrow();
        TargetFaults primary = failing.faultsOn("primary").orElseThrow();
        return new Phase(Duration.ZERO, "everything", List.of(
                new TargetFaults("primary", new NetworkFaults(false, List.of(
                        new Toxic(ToxicKind.LATENCY, ToxicStream.DOWNSTREAM, 1, Map.of("latency", 50L)),
                        new Toxic(ToxicKind.BLACKHOLE, ToxicStream.DOWNSTREAM, 0.1, Map.of()))),
                        primary.providerBehaviour(), null),
                new TargetFaults("backup", new NetworkFaults(true, List.of()), null, null)));
    }

    @Test
    void clearRestoresACleanWorld() {
        Scenario scenario = ScenarioLibrary.load("provider-brownout");
        try (ProxiedWorld world = TestWorlds.start(scenario)) {
            world.phases().apply(everything(scenario));
            world.phases().clear();
            WorldProbe probe = new WorldProbe(world);
            for (String target : List.of("primary", "backup")) {
                assertThat(probe.enabled(target)).as("%s proxy enabled after clear", target).isTrue();
                assertThat(probe.allToxics(target)).as("%s toxics after clear", target).isEmpty();
                assertThat(probe.behaviour(target)).as("%s behaviour after clear", target)
                        .isEqualTo(WorldProbe.asJson(ProviderBehaviour.healthy()));
            }
        }
    }

    @Test
    void clearRestoresAHealthyOAuthServerBehindAnEnabledProxy() {
        Scenario scenario = ScenarioLibrary.load("oauth-outage");
        try (ProxiedWorld world = TestWorlds.start(scenario)) {
            world.phases().apply(new Phase(Duration.ZERO, "oauth-sick", List.of(new TargetFaults(TargetFaults.OAUTH,
                    new NetworkFaults(true, List.of()), null, OAuthBehaviour.healthy()))));
            world.phases().clear();
            WorldProbe probe = new WorldProbe(world);
            assertThat(probe.enabled(TargetFaults.OAUTH)).as("oauth proxy enabled after clear").isTrue();
            assertThat(probe.behaviour(TargetFaults.OAUTH)).as("oauth behaviour after clear")
                    .isEqualTo(WorldProbe.asJson(OAuthBehaviour.healthy()));
        }
    }

    @Test
    void closeFreesEveryProxyAndEveryFakePort() {
        Scenario scenario = ScenarioLibrary.load("oauth-outage");
        ProxiedWorld world = TestWorlds.start(scenario);
        List<Integer> ports = new ArrayList<>();
        world.endpoints().providers().forEach(p -> ports.add(TestWorlds.portOf(p.baseUrl())));
        ports.add(TestWorlds.portOf(world.endpoints().oauth().orElseThrow().tokenUrl()));
        world.fakes().providers().stream().map(FakeProvider::port).forEach(ports::add);
        ports.add(world.fakes().oauth().orElseThrow().port());
        ports.add(world.backend().controlUrl().getPort());
        assertThat(ports).as("ports open before close").allMatch(TestWorlds::accepts);

        world.phases().apply(everything(ScenarioLibrary.load("provider-brownout")));
        world.close();

        assertThat(ports).as("ports refusing connections after close").noneMatch(TestWorlds::accepts);
    }
}
