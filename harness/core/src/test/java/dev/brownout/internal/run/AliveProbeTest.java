package dev.brownout.internal.run;

import dev.brownout.fakes.canary.Canaries;
import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ProbeRecord;
import dev.brownout.internal.tasks.Task;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The probe's task, its bound, and which calls of a ledger are the probe's. */
class AliveProbeTest {

    private static final String SCENARIO = """
            name: probe-bound
            description: A scenario whose checks set the probe's bound.
            world:
              providers:
                - { name: primary, dialect: openai, models: [frontier] }
            workload: { tasks: canary-json, rate: 1/s, duration: 1m, timeout: 30s }
            timeline:
              - { at: 0s, phase: steady }
            """;

    private static final ProbeRecord PROBE = new ProbeRecord(AliveProbe.TASK_ID, 60_000, 10_000, "answered", 200, null,
            120, "frontier", false, 1, Map.of("primary", 40L));

    private static ProviderCall call(long seq, String provider, String taskId) {
        return new ProviderCall(seq, Instant.EPOCH, provider, "openai", "frontier", "frontier", null, null, 200,
                CallOutcome.COMPLETE, false, 10, 10, BigDecimal.ZERO, taskId, null, null, null, null, List.of(), null, 0,
                null, null);
    }

    @Test
    void theProbeIsAnArithmeticCanaryUnderItsOwnIdInItsHeader() {
        Task task = AliveProbe.task(42);

        assertThat(task.id()).as("the probe's task id").isEqualTo("alive-probe");
        assertThat(Canaries.find(task.prompt())).as("the canary the fakes find in the probe's prompt").hasValueSatisfying(
                canary -> {
                    assertThat(canary.taskId()).as("its header's id").isEqualTo("alive-probe");
                    assertThat(canary.kind().label()).as("its kind").isEqualTo("arithmetic");
                });
        assertThat(task.score("ANSWER: " + task.expected())).as("the grader on the right answer").isEqualTo(1.0);
        assertThat(AliveProbe.task(42)).as("the same seed, the same probe").isEqualTo(task);
    }

    @Test
    void theBoundIsTheShortestAliveAfterDeclared() {
        Scenario scenario = ScenarioLoader.parse(SCENARIO + """
                checks:
                  required: { alive_after: 10s }
                  advisory: { alive_after: 4s }
                """, "probe-bound.yaml");

        assertThat(AliveProbe.bound(scenario)).as("bound with alive_after 10s required and 4s advisory")
                .isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void withoutAliveAfterTheBoundIsTheTaskTimeout() {
        Scenario scenario = ScenarioLoader.parse(SCENARIO, "probe-bound.yaml");

        assertThat(AliveProbe.bound(scenario)).as("bound without alive_after").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void callsAfterTheProbeLeftWithItsIdOrNoneAreItsOwnAndTheRunsStragglersAreNot() {
        assertThat(AliveProbe.isProbeCall(call(41, "primary", "alive-probe"), PROBE)).as("the probe's own call").isTrue();
        assertThat(AliveProbe.isProbeCall(call(42, "primary", null), PROBE))
                .as("a call without a task id (refused before its body was read) after the probe left").isTrue();
        assertThat(AliveProbe.isProbeCall(call(43, "primary", "ari-2a-000040"), PROBE))
                .as("a late retry of a run task after the probe left").isFalse();
        assertThat(AliveProbe.isProbeCall(call(40, "primary", null), PROBE))
                .as("a call without a task id before the probe left").isFalse();
        assertThat(AliveProbe.isProbeCall(call(41, "backup", "alive-probe"), PROBE))
                .as("a call on a provider the probe's positions do not name").isFalse();
    }
}
