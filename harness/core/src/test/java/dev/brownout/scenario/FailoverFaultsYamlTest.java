package dev.brownout.scenario;

import dev.brownout.fakes.behaviour.CutFault;
import dev.brownout.fakes.behaviour.CutMode;
import dev.brownout.fakes.behaviour.ErrorFault;
import dev.brownout.fakes.behaviour.Fault;
import dev.brownout.fakes.behaviour.FaultCondition;
import dev.brownout.fakes.behaviour.HangFault;
import dev.brownout.fakes.behaviour.LatencyFault;
import dev.brownout.fakes.behaviour.StallFault;
import dev.brownout.fakes.behaviour.StreamErrorFault;
import dev.brownout.fakes.behaviour.UnterminatedFault;
import dev.brownout.input.FileProblem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The provider faults a failover scenario needs, as a scenario file writes them: attempt-scoped and
 * conditional faults, abrupt ends, a missing terminator, latency after the headers, error fields and a hang
 * that ends. Good files read into the fakes' records and back; bad ones get one problem at the field.
 */
class FailoverFaultsYamlTest {

    private static final String ORIGIN = "failover.yaml";

    /** Line numbers matter: the bad-input tests expect problems at them. */
    private static final String VALID = """
            name: failover-faults
            description: Every provider fault a failover pack uses.
            seed: 3
            world:
              providers:
                - { name: primary, dialect: openai, models: [frontier] }
                - { name: backup, dialect: anthropic, models: [mid] }
            workload:
              tasks: canary-arithmetic
              rate: 10/s
              duration: 2m
              timeout: 30s
            timeline:
              - at: 0s
                phase: errors-once
                faults:
                  - target: primary
                    http:
                      faults:
                        - { type: error, status: 429, retry_after: 2s, attempts: [1] }
                        - { type: error, status: 400, code: context_length_exceeded, param: messages, error_type: invalid_request_error, attempts: [2, 3] }
                        - { type: error, status: 400, message: "Prefill is not supported.", when: assistant_prefill }
              - at: 30s
                phase: broken-streams
                faults:
                  - target: primary
                    http:
                      faults:
                        - { type: cut, after_tokens: 5, mode: abort, attempts: [1] }
                        - { type: stall, after_tokens: 3, duration: 20s, then: reset }
                        - { type: unterminated, probability: 0.5 }
                        - { type: stream_error, after_tokens: 2, status: 529, error_type: overloaded_error, code: overloaded }
              - at: 60s
                phase: slow-backup
                faults:
                  - target: backup
                    http:
                      faults:
                        - { type: latency, extra_ttft: 10s, where: after_headers }
                        - { type: hang, duration: 40s, attempts: [1] }
            """;

    private static String with(String piece, String replacement) {
        if (!VALID.contains(piece)) {
            throw new IllegalArgumentException("the test scenario has no '" + piece + "'");
        }
        return VALID.replace(piece, replacement);
    }

    private static List<Fault> faults(Scenario scenario, int phase, String target) {
        return scenario.timeline().get(phase).faultsOn(target).orElseThrow().providerBehaviour().faults();
    }

    private static FileProblem onlyProblem(String yaml) {
        ScenarioException failure = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.parse(yaml, ORIGIN));
        assertThat(failure).as("loading should fail for:\n" + yaml).isNotNull();
        assertThat(failure.problems()).as("problems found").hasSize(1);
        return failure.problems().getFirst();
    }

    @Test
    void attemptScopedAndConditionalErrorsReadIntoTheirRecords() {
        List<Fault> errors = faults(ScenarioLoader.parse(VALID, ORIGIN), 0, "primary");

        assertThat(errors.get(0)).as("429 on a task's first attempt")
                .isEqualTo(new ErrorFault(429, null, null, Duration.ofSeconds(2), null, null, null, null, null, null,
                        List.of(1), null));
        assertThat(errors.get(1)).as("400 context_length_exceeded on attempts 2 and 3")
                .isEqualTo(new ErrorFault(400, null, null, null, null, null, null, "invalid_request_error",
                        "context_length_exceeded", "messages", List.of(2, 3), null));
        assertThat(errors.get(2)).as("400 only for requests ending in an assistant prefill")
                .isEqualTo(new ErrorFault(400, null, null, null, null, "Prefill is not supported.", null, null, null,
                        null, null, FaultCondition.ASSISTANT_PREFILL));
    }

    @Test
    void streamEndingsReadIntoTheirRecords() {
        List<Fault> streams = faults(ScenarioLoader.parse(VALID, ORIGIN), 1, "primary");

        assertThat(streams).as("the broken-streams phase").containsExactly(
                new CutFault(5, CutMode.ABORT, null, null, List.of(1), null),
                new StallFault(3, Duration.ofSeconds(20), CutMode.RESET, null, null, null, null),
                new UnterminatedFault(0.5, null, null, null),
                new StreamErrorFault(2, 529, null, null, null, "overloaded_error", "overloaded", null, null, null));
    }

    @Test
    void latencyAfterTheHeadersAndABoundedHangReadIntoTheirRecords() {
        List<Fault> slow = faults(ScenarioLoader.parse(VALID, ORIGIN), 2, "backup");

        assertThat(slow).as("the slow-backup phase").containsExactly(
                new LatencyFault(Duration.ofSeconds(10), LatencyFault.Where.AFTER_HEADERS, null, null, null, null),
                new HangFault(Duration.ofSeconds(40), null, null, List.of(1), null));
    }

    @Test
    void leftOutTheNewFieldsKeepTheOldMeaning() {
        Scenario scenario = ScenarioLoader.parse(with("mode: abort, ", "").replace("where: after_headers", "")
                .replace("duration: 40s, ", ""), ORIGIN);

        assertThat(((CutFault) faults(scenario, 1, "primary").getFirst()).mode()).as("a cut without a mode")
                .isEqualTo(CutMode.CLEAN);
        assertThat(((LatencyFault) faults(scenario, 2, "backup").get(0)).where()).as("latency without where")
                .isEqualTo(LatencyFault.Where.BEFORE_HEADERS);
        assertThat(((HangFault) faults(scenario, 2, "backup").get(1)).duration()).as("a hang without a duration")
                .isNull();
        assertThat(faults(scenario, 1, "primary").get(2).attempts()).as("attempts of a fault that names none")
                .isEmpty();
    }

    @Test
    void theNewFaultsRoundTripThroughYaml() {
        Scenario scenario = ScenarioLoader.parse(VALID, ORIGIN);

        String written = scenario.toYaml();

        assertThat(ScenarioLoader.parse(written, "written " + ORIGIN)).as("read back from its own YAML:\n" + written)
                .isEqualTo(scenario);
    }

    @Test
    void hangAndLatencyDurationsScaleWhileAttemptsAndConditionsStay() {
        Scenario fast = ScenarioLoader.parse(VALID, ORIGIN).scaled(0.05);

        List<Fault> slow = faults(fast, 2, "backup");
        assertThat(((HangFault) slow.get(1)).duration()).as("a 40s hang at scale 0.05").isEqualTo(Duration.ofSeconds(2));
        assertThat(((LatencyFault) slow.get(0)).extraTtft()).as("10s after the headers at scale 0.05")
                .isEqualTo(Duration.ofMillis(500));
        assertThat(((LatencyFault) slow.get(0)).where()).as("where the latency sits, scaled").isEqualTo(LatencyFault.Where.AFTER_HEADERS);
        StallFault stall = (StallFault) faults(fast, 1, "primary").get(1);
        assertThat(stall.duration()).as("a 20s stall at scale 0.05").isEqualTo(Duration.ofSeconds(1));
        assertThat(stall.then()).as("how the stall ends, scaled").isEqualTo(CutMode.RESET);
        ErrorFault prefill = (ErrorFault) faults(fast, 0, "primary").get(2);
        assertThat(prefill.when()).as("condition, scaled").isEqualTo(FaultCondition.ASSISTANT_PREFILL);
        ErrorFault context = (ErrorFault) faults(fast, 0, "primary").get(1);
        assertThat(context.attempts()).as("attempts, scaled").containsExactly(2, 3);
        assertThat(context.code()).as("code, scaled").isEqualTo("context_length_exceeded");
    }

    @Test
    void anUnknownCutModeListsTheModes() {
        assertThat(onlyProblem(with("mode: abort", "mode: rst"))).as("problem for cut mode 'rst'")
                .isEqualTo(new FileProblem(ORIGIN, 29, 51, "timeline[1].faults[0].http.faults[0].mode",
                        "is not a way to end a cut answer; use clean (the body ends, no terminator), abort (connection "
                                + "closed before the body's end) or reset (RST) (got 'rst')"));
    }

    @Test
    void anUnknownStallEndingListsTheModes() {
        assertThat(onlyProblem(with("then: reset", "then: close"))).as("problem for stall then 'close'")
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("timeline[1].faults[0].http.faults[1].then");
                    assertThat(problem.message()).startsWith("is not a way to end a cut answer; use clean")
                            .endsWith("(got 'close')");
                });
    }

    @Test
    void attemptZeroIsRefusedWithTheNumbering() {
        assertThat(onlyProblem(with("retry_after: 2s, attempts: [1]", "retry_after: 2s, attempts: [0]")))
                .as("problem for attempt 0")
                .isEqualTo(new FileProblem(ORIGIN, 20, 71, "timeline[0].faults[0].http.faults[0].attempts[0]",
                        "must be an attempt number from 1 (a task's first call to the provider) (got 0)"));
    }

    @Test
    void anAttemptNamedTwiceIsRefused() {
        assertThat(onlyProblem(with("attempts: [2, 3]", "attempts: [2, 2]"))).as("problem for attempts [2, 2]")
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("timeline[0].faults[0].http.faults[1].attempts");
                    assertThat(problem.message()).isEqualTo("names an attempt twice; list each attempt once, e.g. [1, 2]");
                });
    }

    @Test
    void anUnknownConditionNamesTheCondition() {
        assertThat(onlyProblem(with("when: assistant_prefill", "when: prefill"))).as("problem for when 'prefill'")
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("timeline[0].faults[0].http.faults[2].when");
                    assertThat(problem.message()).isEqualTo("is not a fault condition; use assistant_prefill (got 'prefill')");
                });
    }

    @Test
    void anUnknownLatencyPositionNamesBoth() {
        assertThat(onlyProblem(with("where: after_headers", "where: during_body"))).as("problem for where 'during_body'")
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("timeline[2].faults[0].http.faults[0].where");
                    assertThat(problem.message()).isEqualTo("must be before_headers or after_headers (got 'during_body')");
                });
    }

    @Test
    void anEmptyErrorCodeIsRefused() {
        assertThat(onlyProblem(with("code: context_length_exceeded", "code: \"\""))).as("problem for an empty code")
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("timeline[0].faults[0].http.faults[1].code");
                    assertThat(problem.message()).isEqualTo("must not be empty (got '')");
                });
    }

    @Test
    void aNegativeHangIsRefusedAsADuration() {
        assertThat(onlyProblem(with("duration: 40s", "duration: -40s"))).as("problem for a hang of -40s")
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("timeline[2].faults[0].http.faults[1].duration");
                    assertThat(problem.message()).isEqualTo("must be a duration >= 0 like 250ms, 2s, 1.5s or 1m30s (got '-40s')");
                });
    }

    @Test
    void anUnterminatedStreamTakesOnlyTheScopeFields() {
        assertThat(onlyProblem(with("type: unterminated, probability: 0.5", "type: unterminated, after_tokens: 3")))
                .as("problem for after_tokens on unterminated")
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("timeline[1].faults[0].http.faults[2].after_tokens");
                    assertThat(problem.message()).isEqualTo("unknown field 'after_tokens'. Valid fields here: type, "
                            + "probability, models, attempts, when");
                });
    }

    @Test
    void errorFieldsBelongToErrorsOnly() {
        assertThat(onlyProblem(with("mode: abort", "mode: abort, code: overloaded"))).as("problem for a code on a cut")
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("timeline[1].faults[0].http.faults[0].code");
                    assertThat(problem.message()).isEqualTo("unknown field 'code'; did you mean 'mode'? Valid fields "
                            + "here: type, probability, models, attempts, when, after_tokens, mode");
                });
    }
}
