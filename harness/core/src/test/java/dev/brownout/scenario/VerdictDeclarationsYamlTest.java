package dev.brownout.scenario;

import dev.brownout.input.FileProblem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a scenario file says about its verdict: a phase whose right outcome is an error, informational checks,
 * the checks that need a SUT capability, and the availability margin. Good files read and round-trip; bad ones
 * get one problem at the field, saying what is valid.
 */
class VerdictDeclarationsYamlTest {

    private static final String ORIGIN = "refusal.yaml";

    /** Line numbers matter: the bad-input tests expect problems at them. */
    private static final String VALID = """
            name: content-refusal
            description: The primary refuses on content policy; the refusal must reach the caller.
            world:
              providers:
                - { name: primary, dialect: openai, models: [frontier] }
                - { name: backup, dialect: anthropic, models: [mid] }
            workload: { tasks: canary-arithmetic, rate: 10/s, duration: 1m, timeout: 20s }
            timeline:
              - { at: 0s, phase: steady }
              - at: 20s
                phase: refused
                expect: error
                faults:
                  - target: primary
                    http:
                      faults:
                        - { type: error, status: 400, code: content_policy_violation }
              - { at: 40s, phase: after }
            checks:
              required: { no_hang_past: 10s }
              advisory: { max_attempts_per_task: 1 }
              informational: { max_attempts_per_second: 20, claimed_model_matches: true }
              needs:
                fallback: [claimed_model_matches, max_attempts_per_task]
            verdict: { availability_margin: 2.5 }
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
    void aPhaseExpectingAnErrorReadsSoAndTheOthersExpectAnswers() {
        Scenario scenario = ScenarioLoader.parse(VALID, ORIGIN);

        assertThat(scenario.timeline()).extracting(Phase::expect).as("expected outcomes of steady, refused, after")
                .containsExactly(ExpectedOutcome.ANSWER, ExpectedOutcome.ERROR, ExpectedOutcome.ANSWER);
    }

    @Test
    void informationalChecksAndTheirCapabilitiesRead() {
        Checks checks = ScenarioLoader.parse(VALID, ORIGIN).checks();

        assertThat(checks.informational()).extracting(Check::kind).as("informational checks")
                .containsExactly(CheckKind.MAX_ATTEMPTS_PER_SECOND, CheckKind.CLAIMED_MODEL_MATCHES);
        assertThat(checks.capabilitiesFor(CheckKind.CLAIMED_MODEL_MATCHES)).as("what claimed_model_matches needs")
                .containsExactly(SutCapability.FALLBACK);
        assertThat(checks.capabilitiesFor(CheckKind.NO_HANG_PAST)).as("what a check named under no capability needs")
                .isEmpty();
    }

    @Test
    void theAvailabilityMarginReadsInPercentagePointsAndDefaultsToFive() {
        assertThat(ScenarioLoader.parse(VALID, ORIGIN).verdict().availabilityMarginShare()).as("margin 2.5 as a share")
                .isEqualTo(0.025);
        assertThat(ScenarioLoader.parse(with("verdict: { availability_margin: 2.5 }\n", ""), ORIGIN).verdict())
                .as("the verdict settings of a scenario that declares none").isEqualTo(VerdictSettings.DEFAULT)
                .extracting(VerdictSettings::availabilityMargin).isEqualTo(5.0);
    }

    @Test
    void everyVerdictDeclarationRoundTripsThroughYaml() {
        Scenario scenario = ScenarioLoader.parse(VALID, ORIGIN);

        String written = scenario.toYaml();

        assertThat(ScenarioLoader.parse(written, "written " + ORIGIN)).as("read back from its own YAML:\n" + written)
                .isEqualTo(scenario);
    }

    @Test
    void scalingKeepsTheDeclarationsAndScalesInformationalChecksLikeTheOthers() {
        Scenario fast = ScenarioLoader.parse(VALID, ORIGIN).scaled(0.5).loadScaled(0.5);

        assertThat(fast.timeline().get(1).expect()).as("expected outcome, scaled").isEqualTo(ExpectedOutcome.ERROR);
        assertThat(fast.verdict().availabilityMargin()).as("margin, scaled").isEqualTo(2.5);
        assertThat(fast.checks().informational().getFirst().setting())
                .as("20 attempts per second on a clock twice as fast at half the load").isEqualTo(20.0);
        assertThat(fast.checks().needs()).as("needs, scaled")
                .containsEntry(CheckKind.CLAIMED_MODEL_MATCHES, Set.of(SutCapability.FALLBACK));
        assertThat(fast.checks().required().getFirst().setting()).as("no_hang_past 10s at scale 0.5")
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theBaselineKeepsWhatEachPhaseExpects() {
        Scenario baseline = ScenarioLoader.parse(VALID, ORIGIN).withoutFaults();

        assertThat(baseline.timeline().get(1).expect()).as("the baseline's refused phase").isEqualTo(ExpectedOutcome.ERROR);
        assertThat(baseline.verdict().availabilityMargin()).as("the baseline's margin").isEqualTo(2.5);
    }

    @Test
    void anUnknownExpectedOutcomeListsTheOutcomes() {
        assertThat(onlyProblem(with("expect: error", "expect: refusal"))).as("problem for expect 'refusal'")
                .isEqualTo(new FileProblem(ORIGIN, 12, 13, "timeline[1].expect", "is not an expected outcome; use "
                        + "answer (the default) or error (the right outcome is a clean error) (got 'refusal')"));
    }

    @Test
    void aPhaseWithoutFaultsCannotExpectAnError() {
        String yaml = with("  - { at: 40s, phase: after }", "  - { at: 40s, phase: after, expect: error }");

        assertThat(onlyProblem(yaml)).as("problem for a healthy phase expecting an error").satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("timeline[2].expect");
            assertThat(problem.message()).isEqualTo("phase 'after' has no faults, so a healthy SUT answers its tasks;"
                    + " only a phase with faults can expect an error");
        });
    }

    @Test
    void theSameCheckMayBeDeclaredAtTwoLevelsAsAHardAndASoftBudget() {
        Scenario scenario = ScenarioLoader.parse(with("advisory: { max_attempts_per_task: 1 }",
                "advisory: { max_attempts_per_task: 1, no_hang_past: 5s }"), ORIGIN);

        assertThat(scenario.checks().advisory()).extracting(Check::kind).as("advisory checks")
                .containsExactly(CheckKind.MAX_ATTEMPTS_PER_TASK, CheckKind.NO_HANG_PAST);
        assertThat(scenario.checks().required()).extracting(Check::kind).as("required checks")
                .containsExactly(CheckKind.NO_HANG_PAST);
    }

    @Test
    void anUnknownCapabilityListsTheCapabilities() {
        assertThat(onlyProblem(with("fallback: [", "failover: ["))).as("problem for capability 'failover'")
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("checks.needs.failover");
                    assertThat(problem.message()).isEqualTo("'failover' is not a SUT capability; use fallback or streaming");
                });
    }

    @Test
    void needsNamingNoCheckListsTheChecks() {
        assertThat(onlyProblem(with("fallback: [claimed_model_matches,", "fallback: [fallback_used,")))
                .as("problem for a check that does not exist").satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("checks.needs.fallback[0]");
                    assertThat(problem.message()).startsWith("'fallback_used' is not a check; checks are max_attempts_per_task,");
                });
    }

    @Test
    void needsNamingACheckTheScenarioDoesNotDeclareIsRefused() {
        assertThat(onlyProblem(with("max_attempts_per_task]", "recovers_within]")))
                .as("problem for needs naming an undeclared check").satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("checks.needs.fallback");
                    assertThat(problem.message()).isEqualTo("check recovers_within is not declared under required, "
                            + "advisory or informational; needs only says which declared checks need fallback");
                });
    }

    @Test
    void aMarginAbove100PointsIsRefused() {
        assertThat(onlyProblem(with("availability_margin: 2.5", "availability_margin: 150")))
                .as("problem for a margin of 150 points").satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("verdict.availability_margin");
                    assertThat(problem.message()).startsWith("must be percentage points between 0 and 100, e.g. 5");
                });
    }
}
