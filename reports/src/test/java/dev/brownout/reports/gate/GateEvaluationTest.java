package dev.brownout.reports.gate;

import dev.brownout.reports.Cost;
import dev.brownout.reports.Estimate;
import dev.brownout.reports.FailoverResult;
import dev.brownout.reports.GateSpec;
import dev.brownout.reports.Latency;
import dev.brownout.reports.Quality;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResultFixtures;
import dev.brownout.reports.Security;
import dev.brownout.reports.Summary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GateEvaluationTest {

    /** The full fixture, completed: iq_loss 22.9% (95% CI 16% to 30%), p99 2950 ms, amplification 1.5439. */
    private static final RunResult FULL = ResultCopies.completed(RunResultFixtures.full());

    private static GateOutcome judge(RunResult result, String metric, String condition) {
        return judge(result, metric, condition, Bound.POINT);
    }

    private static GateOutcome judge(RunResult result, String metric, String condition, Bound bound) {
        Gate gate = Gate.parse(metric, condition);
        return GateEvaluation.evaluate(result, List.of(gate), bound).outcomes().getFirst();
    }

    private static RunResult withIqLoss(double value, Double low, Double high) {
        return ResultCopies.withQuality(FULL, new Quality(0.64, 0.83, new Estimate(value, low, high), null));
    }

    @Test
    void aGateTheRunMeetsPasses() {
        GateOutcome outcome = judge(FULL, "iq_loss", "< 30%");

        assertThat(outcome.status()).isEqualTo(GateOutcome.PASSED);
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.message()).isEqualTo("iq_loss 22.9% (95% CI 16% to 30%) is < 30%");
    }

    @Test
    void aGateTheRunMissesFailsWithThresholdObservedAndInterval() {
        GateOutcome outcome = judge(withIqLoss(0.073, 0.051, 0.095), "iq_loss", "< 5%");

        assertThat(outcome.status()).isEqualTo(GateOutcome.FAILED);
        assertThat(outcome.observed()).isEqualTo(0.073);
        assertThat(outcome.low()).isEqualTo(0.051);
        assertThat(outcome.high()).isEqualTo(0.095);
        assertThat(outcome.message()).isEqualTo("iq_loss 7.3% (95% CI 5.1% to 9.5%) is not < 5%");
    }

    @Test
    void iqLossWithoutABaselineIsUnknownAndFailsSayingWhy() {
        GateOutcome outcome = judge(RunResultFixtures.minimal(), "iq_loss", "< 5%");

        assertThat(outcome.status()).isEqualTo(GateOutcome.UNKNOWN);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.observed()).isNull();
        assertThat(outcome.message()).contains("iq_loss is unknown", "< 5% fails", "no baseline");
    }

    @Test
    void anUnknownGateFailsTheReport() {
        GateReport report = GateEvaluation.evaluate(ResultCopies.completed(RunResultFixtures.minimal()),
                List.of(Gate.parse("iq_loss", "< 5%")), Bound.POINT);

        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).hasSize(1);
    }

    @Test
    void pointBoundPassesAnIntervalThatStraddlesTheThresholdWhenTheEstimateIsBelowIt() {
        GateOutcome outcome = judge(withIqLoss(0.04, 0.02, 0.07), "iq_loss", "< 5%", Bound.POINT);

        assertThat(outcome.status()).isEqualTo(GateOutcome.PASSED);
    }

    @Test
    void pessimisticBoundFailsTheSameIntervalOnItsUpperEnd() {
        GateOutcome outcome = judge(withIqLoss(0.04, 0.02, 0.07), "iq_loss", "< 5%", Bound.PESSIMISTIC);

        assertThat(outcome.status()).isEqualTo(GateOutcome.FAILED);
        assertThat(outcome.message()).isEqualTo("iq_loss 4% (95% CI 2% to 7%): its upper bound 7% is not < 5%");
    }

    @Test
    void pessimisticBoundJudgesTheLowerEndForAGreaterThanGate() {
        GateOutcome outcome = judge(withIqLoss(0.04, 0.02, 0.07), "iq_loss", "> 3%", Bound.PESSIMISTIC);

        assertThat(outcome.status()).isEqualTo(GateOutcome.FAILED);
        assertThat(outcome.message()).contains("its lower bound 2% is not > 3%");
    }

    @Test
    void pessimisticBoundWithoutAnIntervalJudgesThePointEstimateAndSaysSo() {
        GateOutcome outcome = judge(withIqLoss(0.04, null, null), "iq_loss", "< 5%", Bound.PESSIMISTIC);

        assertThat(outcome.status()).isEqualTo(GateOutcome.PASSED);
        assertThat(outcome.message()).contains("no interval could be estimated");
    }

    @Test
    void aValueJustUnderTheThresholdIsPrintedWithEnoughDigitsToTellThemApart() {
        GateOutcome outcome = judge(withIqLoss(0.04996, null, null), "iq_loss", "< 5%");

        assertThat(outcome.message()).isEqualTo("iq_loss 4.996% is < 5%");
    }

    @Test
    void availabilityIsAPercentOfTheSummary() {
        GateOutcome outcome = judge(FULL, "availability", ">= 99%");

        assertThat(outcome.observed()).isEqualTo(101 / 118.0);
        assertThat(outcome.status()).isEqualTo(GateOutcome.FAILED);
        assertThat(outcome.message()).isEqualTo("availability 85.6% is not >= 99%");
    }

    @Test
    void p99LatencyIsReadInMillisecondsAndJudgedInSeconds() {
        GateOutcome outcome = judge(FULL, "p99_latency", "< 3s");

        assertThat(outcome.observed()).isEqualTo(2.95);
        assertThat(outcome.status()).isEqualTo(GateOutcome.PASSED);
        assertThat(outcome.message()).isEqualTo("p99_latency 2.95s is < 3s");
    }

    @Test
    void p50LatencyAgainstAMillisecondThreshold() {
        GateOutcome outcome = judge(FULL, "p50_latency", "< 400ms");

        assertThat(outcome.observed()).isEqualTo(0.4125);
        assertThat(outcome.status()).isEqualTo(GateOutcome.FAILED);
        assertThat(outcome.message()).isEqualTo("p50_latency 413ms is not < 400ms");
    }

    @Test
    void ttftP99IsTheTimeToFirstTokenNotTheEndToEndLatency() {
        GateOutcome outcome = judge(FULL, "ttft_p99", "< 1s");

        assertThat(outcome.observed()).isEqualTo(0.64);
        assertThat(outcome.status()).isEqualTo(GateOutcome.PASSED);
    }

    @Test
    void latencyWithNothingAnsweredIsUnknown() {
        RunResult none = ResultCopies.withSummary(FULL,
                new Summary(10, 0, 10, 0, 0, 0, 0, 0.0, Latency.EMPTY, Latency.EMPTY));

        GateOutcome outcome = judge(none, "p99_latency", "< 8s");

        assertThat(outcome.status()).isEqualTo(GateOutcome.UNKNOWN);
        assertThat(outcome.message()).contains("no exchange was answered");
    }

    @Test
    void timeToFailoverIsTheWorstOverTheFaultedPhases() {
        RunResult twoOutages = ResultCopies.withFailover(FULL, List.of(
                new FailoverResult("primary-down", 1_850L, 2_400L),
                new FailoverResult("backup-down", 12_500L, 900L)));

        GateOutcome outcome = judge(twoOutages, "time_to_failover", "< 10s");

        assertThat(outcome.observed()).isEqualTo(12.5);
        assertThat(outcome.status()).isEqualTo(GateOutcome.FAILED);
        assertThat(outcome.message()).isEqualTo("time_to_failover 12.5s (worst: phase backup-down) is not < 10s");
    }

    @Test
    void timeToRecoverIsTheWorstOverTheFaultedPhases() {
        RunResult twoOutages = ResultCopies.withFailover(FULL, List.of(
                new FailoverResult("primary-down", 1_850L, 2_400L),
                new FailoverResult("backup-down", 12_500L, 900L)));

        GateOutcome outcome = judge(twoOutages, "time_to_recover", "< 3s");

        assertThat(outcome.observed()).isEqualTo(2.4);
        assertThat(outcome.status()).isEqualTo(GateOutcome.PASSED);
    }

    @Test
    void aPhaseTheSutNeverFailedOverFromFailsTheGate() {
        RunResult stuck = ResultCopies.withFailover(FULL, List.of(
                new FailoverResult("primary-down", 1_850L, 2_400L),
                new FailoverResult("backup-down", null, null)));

        GateOutcome outcome = judge(stuck, "time_to_failover", "< 30s");

        assertThat(outcome.status()).isEqualTo(GateOutcome.FAILED);
        assertThat(outcome.observed()).isNull();
        assertThat(outcome.message()).isEqualTo("time_to_failover < 30s failed: the SUT never failed over in phase backup-down");
    }

    @Test
    void aPhaseTheSutNeverRecoveredAfterFailsTheGate() {
        RunResult stuck = ResultCopies.withFailover(FULL, List.of(new FailoverResult("primary-down", 1_850L, null)));

        GateOutcome outcome = judge(stuck, "time_to_recover", "< 60s");

        assertThat(outcome.status()).isEqualTo(GateOutcome.FAILED);
        assertThat(outcome.message()).contains("never recovered in phase primary-down");
    }

    @Test
    void timeToFailoverWithoutAFaultedPhaseIsUnknown() {
        GateOutcome outcome = judge(ResultCopies.withFailover(FULL, List.of()), "time_to_failover", "< 30s");

        assertThat(outcome.status()).isEqualTo(GateOutcome.UNKNOWN);
        assertThat(outcome.message()).contains("no faulted phase");
    }

    @Test
    void costAmplificationIsARatio() {
        GateOutcome outcome = judge(FULL, "cost_amplification", "< 1.3");

        assertThat(outcome.observed()).isEqualTo(1.5439);
        assertThat(outcome.status()).isEqualTo(GateOutcome.FAILED);
        assertThat(outcome.message()).isEqualTo("cost_amplification 1.54× is not < 1.3");
    }

    @Test
    void costAmplificationWithoutABaselineIsUnknown() {
        GateOutcome outcome = judge(RunResultFixtures.minimal(), "cost_amplification", "< 1.3");

        assertThat(outcome.status()).isEqualTo(GateOutcome.UNKNOWN);
        assertThat(outcome.message()).contains("no baseline");
    }

    @Test
    void wastedSpendInDollarsIsTheWastedAmount() {
        RunResult costly = ResultCopies.withCost(FULL, new Cost(10.0, 8.0, 1.25, 0.1, 3.2, List.of()));

        GateOutcome outcome = judge(costly, "wasted_spend", "< $2.50");

        assertThat(outcome.observed()).isEqualTo(3.2);
        assertThat(outcome.status()).isEqualTo(GateOutcome.FAILED);
        assertThat(outcome.message()).isEqualTo("wasted_spend $3.20 is not < $2.50");
    }

    @Test
    void wastedSpendAsAPercentIsTheShareOfTheTotal() {
        RunResult costly = ResultCopies.withCost(FULL, new Cost(10.0, 8.0, 1.25, 0.1, 0.5, List.of()));

        GateOutcome outcome = judge(costly, "wasted_spend", "< 10%");

        assertThat(outcome.observed()).isCloseTo(0.05, within(1e-12));
        assertThat(outcome.status()).isEqualTo(GateOutcome.PASSED);
    }

    @Test
    void wastedSpendAsAPercentOfNothingSpentIsUnknown() {
        GateOutcome outcome = judge(RunResultFixtures.minimal(), "wasted_spend", "< 10%");

        assertThat(outcome.status()).isEqualTo(GateOutcome.UNKNOWN);
        assertThat(outcome.message()).contains("nothing was spent");
    }

    @Test
    void securityFindingsIsACount() {
        GateOutcome outcome = judge(FULL, "security_findings", "== 0");

        assertThat(outcome.observed()).isEqualTo(1.0);
        assertThat(outcome.status()).isEqualTo(GateOutcome.FAILED);
        assertThat(outcome.message()).isEqualTo("security_findings 1 is not == 0");
    }

    @Test
    void noSecurityFindingsPassesEqualsZero() {
        GateOutcome outcome = judge(ResultCopies.withSecurity(FULL, new Security(0, List.of())), "security_findings", "== 0");

        assertThat(outcome.status()).isEqualTo(GateOutcome.PASSED);
    }

    @Test
    void aGateOnAMetricNoBrownoutKnowsIsUnknownAndListsTheKnownOnes() {
        GateSpec odd = new GateSpec("p95_latency", "<", 1, "duration", "< 1s");

        GateOutcome outcome = GateEvaluation.evaluate(ResultCopies.withGates(FULL, List.of(odd)), Bound.POINT)
                .outcomes().getFirst();

        assertThat(outcome.status()).isEqualTo(GateOutcome.UNKNOWN);
        assertThat(outcome.message()).contains("p95_latency is not a gate metric", "p99_latency", "security_findings");
    }

    @Test
    void aGateWhoseUnitDoesNotFitItsMetricIsUnknown() {
        GateSpec odd = new GateSpec("p99_latency", "<", 0.05, "percent", "< 5%");

        GateOutcome outcome = GateEvaluation.evaluate(ResultCopies.withGates(FULL, List.of(odd)), Bound.POINT)
                .outcomes().getFirst();

        assertThat(outcome.status()).isEqualTo(GateOutcome.UNKNOWN);
        assertThat(outcome.message()).contains("takes a duration");
    }

    @Test
    void evaluatingWithoutGatesUsesTheGatesTheResultDeclares() {
        GateReport report = GateEvaluation.evaluate(FULL, Bound.POINT);

        assertThat(report.outcomes()).extracting(GateOutcome::gate).isEqualTo(FULL.gates());
    }

    @Test
    void outcomesKeepTheOrderOfTheGates() {
        List<Gate> gates = List.of(Gate.parse("security_findings", "== 0"),
                Gate.parse("iq_loss", "< 50%"), Gate.parse("p99_latency", "< 8s"));

        GateReport report = GateEvaluation.evaluate(FULL, gates, Bound.POINT);

        assertThat(report.outcomes()).extracting(o -> o.gate().metric())
                .containsExactly("security_findings", "iq_loss", "p99_latency");
    }
}
