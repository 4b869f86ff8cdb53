package dev.brownout.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.DurationText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phase's faults take effect within 100 ms of their planned offset on Gatling's clock: the provider starts
 * answering 500 at its second phase (1 s into the measured population, at timeScale 0.05), under an open constant
 * arrival rate of 40 users a second, and the exchanges' send times, counted from the first injected user, bracket
 * the switch.
 */
class PhaseOnGatlingClockTest {

    private static final double TOLERANCE_MS = 100;

    @TempDir
    static Path workDir;

    private static ForkedGatling.Result gatling;
    private static Path runFolder;
    private static double plannedMs;

    @BeforeAll
    static void playTheFailingPhaseUnderGatling() throws Exception {
        gatling = ForkedGatling.in(workDir).scenario("gatling-phase.yaml").sut("anthropic-direct.yaml")
                .with("probe.timeScale", 0.05).run();
        assertThat(gatling.exitCode()).as("Gatling's exit code; %s", gatling).isZero();
        runFolder = gatling.runFolder();
        plannedMs = phase("failing").path("planned_at").isMissingNode() ? -1
                : DurationText.parse(phase("failing").path("planned_at").asText()).toNanos() / 1e6;
    }

    private static JsonNode phase(String name) throws Exception {
        for (JsonNode phase : RunFiles.json(runFolder.resolve("summary.json")).path("phases")) {
            if (phase.path("name").asText().equals(name)) {
                return phase;
            }
        }
        throw new AssertionError("no phase " + name + " in " + runFolder.resolve("summary.json"));
    }

    @Test
    void theFailingPhaseStartedWithin100MsOfItsPlannedOffset() throws Exception {
        Duration started = DurationText.parse(phase("failing").path("started_at").asText());

        assertThat(plannedMs).as("the failing phase's planned offset (20 s at timeScale 0.05)").isEqualTo(1000.0);
        assertThat(started.toNanos() / 1e6).as("when the failing phase started, ms from the first injected user")
                .isBetween(plannedMs - TOLERANCE_MS, plannedMs + TOLERANCE_MS);
    }

    @Test
    void exchangesSentBeforeTheSwitchSucceedAndThoseSentAfterItGet500() throws Exception {
        List<JsonNode> exchanges = RunFiles.exchanges(runFolder);
        List<JsonNode> before = exchanges.stream()
                .filter(e -> e.path("started_ms").asDouble() < plannedMs - TOLERANCE_MS).toList();
        List<JsonNode> after = exchanges.stream()
                .filter(e -> e.path("started_ms").asDouble() > plannedMs + TOLERANCE_MS).toList();

        assertThat(before).as("exchanges sent more than 100 ms before the planned switch (about 36 at 40/s)")
                .hasSizeGreaterThanOrEqualTo(20)
                .allSatisfy(e -> assertThat(e.path("status").asInt()).as("status of %s sent at %s ms",
                        e.path("task_id").asText(), e.path("started_ms").asText()).isEqualTo(200));
        assertThat(after).as("exchanges sent more than 100 ms after the planned switch (about 36 at 40/s)")
                .hasSizeGreaterThanOrEqualTo(20)
                .allSatisfy(e -> assertThat(e.path("status").asInt()).as("status of %s sent at %s ms",
                        e.path("task_id").asText(), e.path("started_ms").asText()).isEqualTo(500));
    }
}
