package dev.brownout.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.DurationText;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phase's faults take effect within 100 ms of their planned offset on Gatling's clock: the provider starts
 * answering 500 at its second phase (1 s into the measured population, at timeScale 0.05), under an open constant
 * arrival rate of 40 users a second. The run's phase record starts the phase on time, and the exchanges' send times,
 * counted from the first injected user, bracket the switch: plain requests, and streamed ones (whose refused connect
 * Gatling reports only as "Server returned http response with code 500").
 */
class PhaseOnGatlingClockTest {

    private static final double TOLERANCE_MS = 100;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gatling-phase.yaml", "gatling-phase-stream.yaml"})
    void theFailingPhaseTakesEffectWithin100MsOfItsOffset(String scenario, @TempDir Path workDir) throws Exception {
        ForkedGatling.Result gatling = ForkedGatling.in(workDir).scenario(scenario).sut("anthropic-direct.yaml")
                .with("probe.timeScale", 0.05).run();
        assertThat(gatling.exitCode()).as("Gatling's exit code; %s", gatling).isZero();
        Path runFolder = gatling.runFolder();

        JsonNode failing = phase(runFolder, "failing");
        double plannedMs = DurationText.parse(failing.path("planned_at").asText()).toNanos() / 1e6;
        double startedMs = DurationText.parse(failing.path("started_at").asText()).toNanos() / 1e6;
        assertThat(plannedMs).as("the failing phase's planned offset (20 s at timeScale 0.05)").isEqualTo(1000.0);
        assertThat(startedMs).as("when the failing phase started, ms from the first injected user")
                .isBetween(plannedMs - TOLERANCE_MS, plannedMs + TOLERANCE_MS);

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

    private static JsonNode phase(Path runFolder, String name) throws Exception {
        for (JsonNode phase : RunFiles.json(runFolder.resolve("summary.json")).path("phases")) {
            if (phase.path("name").asText().equals(name)) {
                return phase;
            }
        }
        throw new AssertionError("no phase " + name + " in " + runFolder.resolve("summary.json"));
    }
}
