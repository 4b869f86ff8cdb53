package dev.brownout.assertj;

import dev.brownout.reports.CheckLevel;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.Estimate;
import dev.brownout.reports.Finding;
import dev.brownout.reports.FindingKind;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.Verdict;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every run assertion passes on a run that meets it and fails with a message that says what, how much, and where. */
class RunResultAssertTest {

    private static final Path REPORT = Path.of("/runs/2026-03-14-oauth-outage/report.html");
    private static final String RUN = "run of oauth-outage against litellm";

    private static RunResultAssert onRun(RunResult result) {
        return BrownoutAssertions.assertThat(result).reportedAt(REPORT);
    }

    @Test
    void iqLossBelowItsThresholdPasses() {
        assertThatCode(() -> BrownoutAssertions.assertThat(Results.run().build()).hasIqLossBelow(0.05))
                .as("IQ loss 3%% against a threshold of 5%%").doesNotThrowAnyException();
    }

    @Test
    void iqLossAboveItsThresholdFailsQuotingTheLossWithItsInterval() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(Results.run().build()).hasIqLossBelow(0.02))
                .as("IQ loss 3%% against a threshold of 2%%, on a result with no report").isInstanceOf(AssertionError.class)
                .hasMessage("\nExpecting IQ loss of " + RUN + ":\n  3% (95% CI 1% to 5.5%)\nto be below:\n  2%");
    }

    @Test
    void aRunsFailureEndsWithItsReportPath() {
        assertThatThrownBy(() -> onRun(Results.run().build()).hasIqLossBelow(0.02)).as("a failure on a run with a report")
                .hasMessageEndingWith("\nto be below:\n  2%\nReport: " + REPORT.toAbsolutePath());
    }

    @Test
    void aLossThatRoundsToTheThresholdIsPrintedWithTheDigitsThatTellThemApart() {
        RunResult result = Results.run().iqLoss(new Estimate(0.05004, 0.04, 0.06)).build();

        assertThatThrownBy(() -> BrownoutAssertions.assertThat(result).hasIqLossBelow(0.05)).as("5.004%% against 5%%")
                .hasMessageContaining("  5.004% (95% CI 4% to 6%)\nto be below:\n  5%");
    }

    @Test
    void iqLossWithoutABaselineFailsSayingThereIsNone() {
        RunResult result = Results.run().noBaseline().build();

        assertThatThrownBy(() -> onRun(result).hasIqLossBelow(0.05)).as("IQ loss of a run with baseline mode none")
                .hasMessage("\nExpecting IQ loss of " + RUN + " to be below 5%, but it has no IQ loss: the run had no"
                        + " baseline (baseline mode none), and IQ loss is measured against one; run with a baseline"
                        + "\nReport: " + REPORT.toAbsolutePath());
    }

    @Test
    void theUpperBoundOfTheIntervalFailsWhereThePointEstimatePasses() {
        RunResult result = Results.run().build();

        assertThatCode(() -> BrownoutAssertions.assertThat(result).hasIqLossBelow(0.05)).as("point estimate 3%% < 5%%")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(result).hasIqLossUpperBoundBelow(0.05))
                .as("upper end 5.5%% against 5%%")
                .hasMessage("\nExpecting IQ loss of " + RUN + ", judged on the upper end of its 95% interval:\n"
                        + "  5.5% (IQ loss 3%, 95% CI 1% to 5.5%)\nto be below:\n  5%");
    }

    @Test
    void theUpperBoundPassesWhenTheWholeIntervalIsBelow() {
        assertThatCode(() -> BrownoutAssertions.assertThat(Results.run().build()).hasIqLossUpperBoundBelow(0.06))
                .as("upper end 5.5%% against 6%%").doesNotThrowAnyException();
    }

    @Test
    void theUpperBoundFailsWhenNoIntervalCouldBeEstimated() {
        RunResult result = Results.run().iqLoss(new Estimate(0.01, null, null)).build();

        assertThatThrownBy(() -> BrownoutAssertions.assertThat(result).hasIqLossUpperBoundBelow(0.05))
                .as("an IQ loss of 1%% from a single paired task")
                .hasMessageContaining("but no interval could be estimated (fewer than 2 tasks were paired with the baseline)")
                .hasMessageContaining("the point estimate is 1%");
    }

    @Test
    void availabilityBelowItsThresholdFailsWithWhatWasAnswered() {
        RunResult result = Results.run().availability(0.9).build();

        assertThatThrownBy(() -> onRun(result).hasAvailabilityAtLeast(0.99)).as("availability 90%% against 99%%")
                .hasMessage("\nExpecting availability of " + RUN + ":\n  90% (108 of 120 exchanges answered)\n"
                        + "to be at least:\n  99%\nReport: " + REPORT.toAbsolutePath());
    }

    @Test
    void availabilityAtItsThresholdPasses() {
        assertThatCode(() -> BrownoutAssertions.assertThat(Results.run().availability(0.99).build())
                .hasAvailabilityAtLeast(0.99)).as("availability 99%% against at least 99%%").doesNotThrowAnyException();
    }

    @Test
    void availabilityOfARunWithoutExchangesFails() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(Results.run().availability(null).build())
                .hasAvailabilityAtLeast(0.5)).as("a run that sent nothing")
                .hasMessageContaining("but it has none: no exchange was measured, so there is no availability");
    }

    @Test
    void p99AboveItsThresholdFailsQuotingTheLatency() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(Results.run().build()).hasP99Below(Duration.ofSeconds(2)))
                .as("p99 2.95 s against 2 s")
                .hasMessage("\nExpecting p99 latency of " + RUN + ":\n  2.95s (end to end, over 118 answers)\n"
                        + "to be below:\n  2s");
    }

    @Test
    void p99BelowItsThresholdPasses() {
        assertThatCode(() -> BrownoutAssertions.assertThat(Results.run().build()).hasP99Below(Duration.ofSeconds(3)))
                .as("p99 2.95 s against 3 s").doesNotThrowAnyException();
    }

    @Test
    void p99OfARunThatAnsweredNothingFails() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(Results.run().p99Ms(null).build())
                .hasP99Below(Duration.ofSeconds(8))).as("no answer, so no latency")
                .hasMessageContaining("to be below 8s, but it has none: nothing was answered, so there is no latency");
    }

    @Test
    void anotherVerdictFailsListingTheChecksThatFailed() {
        CheckResult retries = new CheckResult("max_attempts_per_task", true, "3", "7", false,
                "task t-0031 made 7 calls to primary; 4 tasks went over 3 on some provider");
        RunResult result = Results.run().conduct(Verdict.FAIL, retries).build();

        assertThatThrownBy(() -> onRun(result).hasVerdict(Verdict.PASS)).as("verdict fail, expected pass")
                .hasMessage("\nExpecting conduct verdict of " + RUN + ":\n  fail\nto be:\n  pass\nChecks that failed:\n"
                        + "  max_attempts_per_task (required): task t-0031 made 7 calls to primary; 4 tasks went over 3"
                        + " on some provider\nReport: " + REPORT.toAbsolutePath());
    }

    @Test
    void anotherVerdictFailsGivingItsReasonBeforeTheChecks() {
        CheckResult informational = new CheckResult("max_attempts_per_second", false, "10", "14", false, "busy")
                .atLevel(CheckLevel.INFORMATIONAL);
        RunResult result = Results.run().conduct(Verdict.SAFE, "phase down: answered 0% of 20 tasks against the"
                + " baseline's 100%, more than the 5-point margin below it; every one of the 20 unanswered tasks ended"
                + " in a clean error within 30s", informational).build();

        assertThatThrownBy(() -> onRun(result).hasVerdict(Verdict.PASS)).as("verdict safe, expected pass")
                .hasMessage("\nExpecting conduct verdict of " + RUN + ":\n  safe\nto be:\n  pass\nBecause: phase down:"
                        + " answered 0% of 20 tasks against the baseline's 100%, more than the 5-point margin below it;"
                        + " every one of the 20 unanswered tasks ended in a clean error within 30s\nReport: "
                        + REPORT.toAbsolutePath());
    }

    @Test
    void theExpectedVerdictPasses() {
        assertThatCode(() -> BrownoutAssertions.assertThat(Results.run().build()).hasVerdict(Verdict.PASS))
                .as("verdict pass, expected pass").doesNotThrowAnyException();
    }

    @Test
    void aRunThatNeverStartedHasNoVerdictAndFails() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(Results.run().neverStarted().build()).hasVerdict(Verdict.SAFE))
                .as("a run whose SUT never started")
                .hasMessage("\nExpecting conduct verdict of " + RUN + " to be safe, but the run has no verdict: the run"
                        + " never started (starting the system under test failed: cannot start the SUT process)");
    }

    @Test
    void aSecurityFindingFailsListingIt() {
        RunResult result = Results.run().findings(new Finding(FindingKind.CREDENTIAL_LEAK, "backup",
                "the primary API key was presented to backup in an x-api-key header", 3)).build();

        assertThatThrownBy(() -> onRun(result).hasNoSecurityFindings()).as("one credential leak")
                .hasMessage("\nExpecting " + RUN + " to have no security findings, but it has 1:\n  credential_leak at"
                        + " backup: the primary API key was presented to backup in an x-api-key header (3 times)"
                        + "\nReport: " + REPORT.toAbsolutePath());
    }

    @Test
    void noSecurityFindingPasses() {
        assertThatCode(() -> BrownoutAssertions.assertThat(Results.run().build()).hasNoSecurityFindings())
                .as("a run without findings").doesNotThrowAnyException();
    }

    @Test
    void aRunThatStoppedEarlyIsNotCompletedAndSaysWhy() {
        RunResult result = Results.run().incomplete("stopped by a signal (Ctrl-C or SIGTERM)").build();

        assertThatThrownBy(() -> onRun(result).isCompleted()).as("a run stopped by Ctrl-C")
                .hasMessage("\nExpecting " + RUN + " to have completed, but it ended early:\n  stopped by a signal"
                        + " (Ctrl-C or SIGTERM)\nReport: " + REPORT.toAbsolutePath());
    }

    @Test
    void aCompletedRunIsCompleted() {
        assertThatCode(() -> BrownoutAssertions.assertThat(Results.run().build()).isCompleted()).as("a completed run")
                .doesNotThrowAnyException();
    }

    @Test
    void costAmplificationIsAnAssertJDoubleAssertionNamingTheRunAndItsReport() {
        assertThatCode(() -> onRun(Results.run().build()).costAmplification().isLessThan(1.3).isGreaterThan(1.1))
                .as("amplification 1.12 between 1.1 and 1.3").doesNotThrowAnyException();
        assertThatThrownBy(() -> onRun(Results.run().build()).costAmplification().isLessThan(1.1))
                .as("amplification 1.12 against less than 1.1")
                .hasMessageStartingWith("[cost amplification of " + RUN + ", report " + REPORT.toAbsolutePath() + "] ")
                .hasMessageContaining("1.12").hasMessageContaining("1.1");
    }

    @Test
    void costAmplificationWithoutABaselineFailsSayingSo() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(Results.run().noBaseline().build()).costAmplification())
                .as("a run with baseline mode none")
                .hasMessage("\nExpecting " + RUN + " to have a cost amplification, but it has none: the run had no"
                        + " baseline, so there is no baseline cost to compare with");
    }

    @Test
    void aDescriptionGivenWithAsLeadsTheMessage() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(Results.run().build()).as("nightly failover")
                .hasIqLossBelow(0.02)).as("a failure of a described assertion")
                .hasMessageStartingWith("[nightly failover] \nExpecting IQ loss of " + RUN);
    }

    @Test
    void aNullRunFailsAsAssertJDoesForNull() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat((RunResult) null).hasIqLossBelow(0.05)).as("a null result")
                .isInstanceOf(AssertionError.class).hasMessageContaining("Expecting actual not to be null");
    }

    @Test
    void aThresholdWrittenAsAPercentageIsTheTestsMistake() {
        RunResultAssert run = BrownoutAssertions.assertThat(Results.run().build());

        assertThatThrownBy(() -> run.hasIqLossBelow(5)).as("hasIqLossBelow(5) meant as 5%%")
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the IQ loss to stay below is a fraction between"
                        + " 0 and 1 (0.05 for 5%), not 5.0");
        assertThatThrownBy(() -> run.hasAvailabilityAtLeast(99)).as("hasAvailabilityAtLeast(99)")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.05 for 5%");
    }

    @Test
    void aMissingOrNonPositiveDurationOrVerdictIsTheTestsMistake() {
        RunResultAssert run = BrownoutAssertions.assertThat(Results.run().build());

        assertThatThrownBy(() -> run.hasP99Below(Duration.ZERO)).as("p99 below zero")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a duration above zero");
        assertThatThrownBy(() -> run.hasP99Below(null)).as("p99 below null")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not null");
        assertThatThrownBy(() -> run.hasVerdict(null)).as("verdict null")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PASS, PARTIAL, SAFE or FAIL");
    }
}
