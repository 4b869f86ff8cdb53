package dev.brownout.internal.world;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.scenario.NetworkFaults;
import dev.brownout.scenario.Phase;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLibrary;
import dev.brownout.scenario.TargetFaults;
import dev.brownout.scenario.Toxic;
import dev.brownout.scenario.ToxicKind;
import dev.brownout.scenario.ToxicStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Entering a phase sets exactly that phase's state on every proxy and fake; nothing leaks from the phase before. */
class PhaseApplierTest {

    private static final Phase HEALTHY = new Phase(Duration.ZERO, "healthy", List.of());

    static Stream<Arguments> phasesOfFaultScenarios() {
        List<Arguments> phases = new ArrayList<>();
        for (String name : List.of("primary-hard-down", "provider-brownout", "oauth-outage", "slow-stream")) {
            for (Phase phase : ScenarioLibrary.load(name).timeline()) {
                phases.add(Arguments.of(name, phase.name()));
            }
        }
        return phases.stream();
    }

    private static Phase phase(Scenario scenario, String name) {
        return scenario.timeline().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("phasesOfFaultScenarios")
    void enteringAPhaseSetsExactlyItsFaults(String scenarioName, String phaseName) {
        Scenario scenario = ScenarioLibrary.load(scenarioName);
        try (ProxiedWorld world = TestWorlds.start(scenario)) {
            Phase phase = phase(scenario, phaseName);
            world.phases().apply(phase);
            WorldProbe.assertExactly(world, phase);
        }
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("phasesOfFaultScenarios")
    void aHealthyPhaseAfterAnyPhaseLeavesNoFault(String scenarioName, String phaseName) {
        Scenario scenario = ScenarioLibrary.load(scenarioName);
        try (ProxiedWorld world = TestWorlds.start(scenario)) {
            world.phases().apply(phase(scenario, phaseName));
            world.phases().apply(HEALTHY);
            WorldProbe.assertExactly(world, HEALTHY);
        }
    }

    @Test
    void walkingAWholeTimelineLeavesEachPhaseExactlyItsOwnState() {
        Scenario scenario = ScenarioLibrary.load("provider-brownout");
        try (ProxiedWorld world = TestWorlds.start(scenario)) {
            for (Phase phase : scenario.timeline()) {
                world.phases().apply(phase);
                WorldProbe.assertExactly(world, phase);
            }
        }
    }

    @Test
    void toxicsOfTheNextPhaseReplaceThoseOfThePreviousIncludingTheBlackhole() {
        Toxic latency = new Toxic(ToxicKind.LATENCY, ToxicStream.DOWNSTREAM, 1, Map.of("latency", 200L));
        Toxic blackhole = new Toxic(ToxicKind.BLACKHOLE, ToxicStream.DOWNSTREAM, 0.5, Map.of());
        Toxic bandwidth = new Toxic(ToxicKind.BANDWIDTH, ToxicStream.UPSTREAM, 1, Map.of("rate", 64L));
        Phase first = new Phase(Duration.ZERO, "first", List.of(new TargetFaults("primary",
                new NetworkFaults(false, List.of(latency, blackhole)), null, null)));
        Phase second = new Phase(Duration.ofSeconds(1), "second", List.of(new TargetFaults("primary",
                new NetworkFaults(false, List.of(bandwidth)), null, null)));
        try (ProxiedWorld world = TestWorlds.start("primary-hard-down")) {
            WorldProbe probe = new WorldProbe(world);
            world.phases().apply(first);
            assertThat(probe.allToxics("primary")).as("toxics on primary in the first phase")
                    .extracting(t -> t.path("name").asText() + " " + t.path("type").asText())
                    .containsExactly("first-0-latency latency", "first-1-blackhole brownout.blackhole");
            world.phases().apply(second);
            JsonNode toxics = probe.allToxics("primary");
            assertThat(toxics).as("toxics on primary in the second phase")
                    .extracting(t -> t.path("name").asText() + " " + t.path("stream").asText() + " "
                            + t.path("attributes").path("rate").asLong())
                    .containsExactly("second-0-bandwidth upstream 64");
        }
    }

    @Test
    void reEnteringAPhaseUpdatesItsToxicsInPlace() {
        Phase slow = new Phase(Duration.ZERO, "slow", List.of(new TargetFaults("backup", new NetworkFaults(false,
                List.of(new Toxic(ToxicKind.LATENCY, ToxicStream.DOWNSTREAM, 1, Map.of("latency", 100L)))), null, null)));
        Phase slower = new Phase(Duration.ZERO, "slow", List.of(new TargetFaults("backup", new NetworkFaults(false,
                List.of(new Toxic(ToxicKind.LATENCY, ToxicStream.DOWNSTREAM, 1, Map.of("latency", 900L)))), null, null)));
        try (ProxiedWorld world = TestWorlds.start("primary-hard-down")) {
            world.phases().apply(slow);
            world.phases().apply(slower);
            assertThat(new WorldProbe(world).allToxics("backup")).as("toxics on backup after re-entering 'slow'")
                    .extracting(t -> t.path("name").asText() + " " + t.path("attributes").path("latency").asLong())
                    .containsExactly("slow-0-latency 900");
        }
    }

    @Test
    void everyTargetsTakeEffectInstantIsRecordedInOrderWithinTheCall() {
        try (ProxiedWorld world = TestWorlds.start("oauth-outage")) {
            Scenario scenario = ScenarioLibrary.load("oauth-outage");
            Instant before = Instant.now();
            PhaseApplied applied = world.phases().apply(phase(scenario, "oauth-down"));
            Instant after = Instant.now();
            assertThat(applied.phase()).as("phase recorded").isEqualTo("oauth-down");
            assertThat(applied.tookEffect().keySet()).as("targets recorded, in world order")
                    .containsExactly("primary", "backup", "oauth");
            List<Instant> instants = List.copyOf(applied.tookEffect().values());
            assertThat(instants).as("take-effect instants")
                    .allSatisfy(at -> assertThat(at).isBetween(before, after))
                    .isSorted();
            assertThat(world.phases().history()).as("history of applied phases").containsExactly(applied);
        }
    }

    @Test
    void aPhaseNamingAnUnknownTargetIsRefusedBeforeAnythingChanges() {
        Phase stray = new Phase(Duration.ZERO, "stray", List.of(
                new TargetFaults("primary", new NetworkFaults(true, List.of()), null, null),
                new TargetFaults("nobody", new NetworkFaults(true, List.of()), null, null)));
        try (ProxiedWorld world = TestWorlds.start("primary-hard-down")) {
            assertThatThrownBy(() -> world.phases().apply(stray)).as("applying a phase with an unknown target")
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
            assertThat(new WorldProbe(world).enabled("primary")).as("primary proxy enabled after the refusal").isTrue();
        }
    }
}
