package dev.brownout.scenario;

import dev.brownout.input.FileProblem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A sequential workload (one agent with a pace) and the check on the probe after the run, as a scenario file
 * writes them: read, written back, scaled, and refused with one problem at the field when wrong.
 */
class SequentialWorkloadYamlTest {

    private static final String ORIGIN = "flapping.yaml";

    /** Line numbers matter: the bad-input tests expect problems at them. */
    private static final String VALID = """
            name: flapping-primary
            description: The primary answers 503 for a minute, then is healthy, under one request at a time.
            seed: 5
            world:
              providers:
                - { name: primary, dialect: openai, models: [frontier] }
                - { name: backup, dialect: anthropic, models: [mid] }
            workload:
              tasks: canary-arithmetic
              concurrency: 1
              pace: 4s
              duration: 2m
              timeout: 30s
            timeline:
              - at: 0s
                phase: flapping
                faults:
                  - target: primary
                    http:
                      faults:
                        - { type: error, status: 503 }
              - { at: 60s, phase: healthy }
            checks:
              required: { alive_after: 10s }
            """;

    private static String with(String piece, String replacement) {
        if (!VALID.contains(piece)) {
            throw new IllegalArgumentException("the test scenario has no '" + piece + "'");
        }
        return VALID.replace(piece, replacement);
    }

    private static FileProblem onlyProblem(String yaml) {
        ScenarioException failure = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.parse(yaml, ORIGIN));
        assertThat(failure).as("loading should fail for:\n" + yaml).isNotNull();
        assertThat(failure.problems()).as("problems found").hasSize(1);
        return failure.problems().getFirst();
    }

    @Test
    void aPacedAgentAndTheAliveCheckReadIntoTheModel() {
        Scenario scenario = ScenarioLoader.parse(VALID, ORIGIN);

        assertThat(scenario.workload().concurrency()).as("agents").isEqualTo(1);
        assertThat(scenario.workload().pace()).as("pace").isEqualTo(Duration.ofSeconds(4));
        assertThat(scenario.checks().required()).as("required checks")
                .containsExactly(new Check(CheckKind.ALIVE_AFTER, Duration.ofSeconds(10)));
    }

    @Test
    void aWorkloadWithoutAPaceHasNone() {
        Scenario scenario = ScenarioLoader.parse(with("  pace: 4s\n", ""), ORIGIN);

        assertThat(scenario.workload().pace()).as("pace of a workload that names none").isNull();
    }

    @Test
    void thePaceAndTheAliveCheckRoundTripThroughYaml() {
        Scenario scenario = ScenarioLoader.parse(VALID, ORIGIN);

        String written = scenario.toYaml();

        assertThat(ScenarioLoader.parse(written, "written " + ORIGIN)).as("read back from its own YAML:\n" + written)
                .isEqualTo(scenario);
    }

    @Test
    void thePaceAndTheAliveCheckScaleWithTheClockButNotWithTheLoad() {
        Scenario scenario = ScenarioLoader.parse(VALID, ORIGIN);

        Scenario fast = scenario.scaled(0.05);
        Scenario light = scenario.loadScaled(0.25);

        assertThat(fast.workload().pace()).as("a 4s pace at time scale 0.05").isEqualTo(Duration.ofMillis(200));
        assertThat(fast.checks().required().getFirst().setting()).as("alive_after 10s at time scale 0.05")
                .isEqualTo(Duration.ofMillis(500));
        assertThat(light.workload().pace()).as("the pace at load scale 0.25").isEqualTo(Duration.ofSeconds(4));
        assertThat(light.workload().concurrency()).as("one agent at load scale 0.25 stays one").isEqualTo(1);
    }

    @Test
    void theBaselineKeepsThePace() {
        assertThat(ScenarioLoader.parse(VALID, ORIGIN).withoutFaults().workload().pace()).as("the baseline's pace")
                .isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void aPaceWithAnOpenModelRateIsRefused() {
        assertThat(onlyProblem(with("  concurrency: 1\n", "  rate: 2/s\n"))).as("problem for pace with rate")
                .isEqualTo(new FileProblem(ORIGIN, 11, 3, "workload.pace", "pace spaces the tasks of each agent of the "
                        + "closed model; use it with concurrency (e.g. concurrency: 1, pace: 4s), not with rate, whose "
                        + "arrivals are already spaced"));
    }

    @Test
    void aZeroPaceIsRefusedSayingHowToHaveNone() {
        assertThat(onlyProblem(with("pace: 4s", "pace: 0s"))).as("problem for pace 0s")
                .isEqualTo(new FileProblem(ORIGIN, 11, 9, "workload.pace", "a pace must be longer than 0s, e.g. "
                        + "pace: 4s; leave it out for agents that send their next task as soon as the last one ends"));
    }

    @Test
    void aPaceThatIsNotADurationIsRefusedByTheSchema() {
        FileProblem problem = onlyProblem(with("pace: 4s", "pace: every 4 seconds"));

        assertThat(problem.field()).as("field").isEqualTo("workload.pace");
        assertThat(problem.line()).as("line").isEqualTo(11);
        assertThat(problem.message()).as("message").startsWith("must be a duration >= 0 like 250ms, 2s, 1.5s or 1m30s");
    }

    @Test
    void anAliveCheckOfZeroIsRefused() {
        assertThat(onlyProblem(with("alive_after: 10s", "alive_after: 0s"))).as("problem for alive_after 0s")
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("checks.required.alive_after");
                    assertThat(problem.message()).isEqualTo("the probe after the run needs more than 0s to be answered, "
                            + "e.g. alive_after: 10s");
                });
    }

    @Test
    void anAliveCheckThatIsAFlagIsRefusedByTheSchema() {
        FileProblem problem = onlyProblem(with("alive_after: 10s", "alive_after: true"));

        assertThat(problem.field()).as("field").isEqualTo("checks.required.alive_after");
        assertThat(problem.message()).as("message").startsWith("must be a duration >= 0 like 250ms, 2s, 1.5s or 1m30s");
    }

    @Test
    void theAliveCheckIsNamedAmongTheChecksOfATypo() {
        FileProblem problem = onlyProblem(with("alive_after: 10s", "alive_afer: 10s"));

        assertThat(problem.message()).as("message for alive_afer").contains("did you mean 'alive_after'?");
    }
}
