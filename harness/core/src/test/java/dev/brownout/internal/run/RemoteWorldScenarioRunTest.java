package dev.brownout.internal.run;

import dev.brownout.fakes.config.Mappers;
import dev.brownout.faultproxy.backend.FaultProxyBackend;
import dev.brownout.internal.record.PhaseRecord;
import dev.brownout.internal.sut.SutSpec;
import dev.brownout.internal.world.ProxiedWorld;
import dev.brownout.internal.world.RemoteWorld;
import dev.brownout.internal.world.WorldProbe;
import dev.brownout.scenario.Phase;
import dev.brownout.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A run on a world another process started ends like any run, and leaves that world running and clean. */
class RemoteWorldScenarioRunTest {

    private static final Phase CLEAN = new Phase(Duration.ZERO, "clean", List.of());

    @TempDir
    Path out;

    @Test
    void aRunStoppedMidFaultClearsTheFaultsItSetAndLeavesTheWorldUp() throws Exception {
        Scenario scenario = RunFixtures.shortOutage();
        try (ProxiedWorld owner = ProxiedWorld.start(scenario.worldConfig(), FaultProxyBackend.embedded())) {
            RemoteWorld remote = RemoteWorld.parse(Mappers.json().writeValueAsString(owner.describe()), "the test's line");
            AtomicReference<ScenarioRun> run = new AtomicReference<>();
            RunListener stopInSick = new RunListener() {
                @Override
                public void phaseEntered(PhaseRecord phase, ProxiedWorld world) {
                    if (phase.name().equals("sick")) {
                        Thread.ofVirtual().start(() -> run.get().stop("stopped by the test"));
                    }
                }
            };
            run.set(ScenarioRun.of(RunPlan.of(scenario, SutSpec.fromArgument("reference:resilient")).withOut(out)
                    .withWarmup(Duration.ZERO).withRemoteWorld(remote).withListener(stopInSick)));

            RunRecord record = run.get().play();

            assertThat(record.completed()).as("a stopped run is incomplete").isFalse();
            assertThat(record.cpuSeconds())
                    .as("the CPU of an attached world, which runs in another process: not this JVM's, so not recorded")
                    .isNull();
            assertThat(record.phases()).extracting(PhaseRecord::name).as("phases set on the remote world")
                    .containsExactly("steady", "sick");
            WorldProbe.assertExactly(owner, CLEAN);
            assertThat(RunFixtures.jsonLines(record.folder().resolve("ledger-primary.jsonl")))
                    .as("primary's calls during the run, pulled over its admin API").isNotEmpty();
            List<String> worldListeners = RunFixtures.json(record.folder().resolve("world.json")).path("listeners")
                    .valueStream().map(node -> node.asText()).toList();
            assertThat(worldListeners).as("the remote world's proxies, fakes and control API, listed in world.json")
                    .hasSize(5).as("every one still serving after the run").allMatch(RunFixtures::serves);
        }
    }
}
