package dev.brownout.reports.compare;

import dev.brownout.reports.FailoverResult;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResultFixtures;
import dev.brownout.reports.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunComparisonTest {

    private static MetricChange headline(Runs before, Runs after, Metric metric) {
        return RunComparison.of(before.build(), after.build()).headline(metric);
    }

    @Test
    void anIqLossRiseWithIntervalsApartAndBeyondTheNoiseFloorIsARegression() {
        MetricChange change = headline(Runs.run().iqLoss(0.10, 0.07, 0.13).noiseFloor(0.01),
                Runs.run().iqLoss(0.25, 0.20, 0.30).noiseFloor(0.01), Metric.IQ_LOSS);

        assertThat(change.direction()).isEqualTo(Direction.WORSE);
        assertThat(change.significance()).isEqualTo(Significance.REGRESSION);
        assertThat(change.delta()).isCloseTo(0.15, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(change.basis()).contains("do not overlap").contains("exceeds the noise floor of 1.0 pp");
    }

    @Test
    void anIqLossRiseWithOverlappingIntervalsIsWithinTheNoise() {
        MetricChange change = headline(Runs.run().iqLoss(0.10, 0.05, 0.15).noiseFloor(0.01),
                Runs.run().iqLoss(0.14, 0.09, 0.19).noiseFloor(0.01), Metric.IQ_LOSS);

        assertThat(change.direction()).isEqualTo(Direction.WORSE);
        assertThat(change.significance()).isEqualTo(Significance.NONE);
        assertThat(change.basis()).contains("overlap");
    }

    @Test
    void anIqLossRiseWithinTheNoiseFloorIsNotARegressionEvenWithIntervalsApart() {
        MetricChange change = headline(Runs.run().iqLoss(0.10, 0.095, 0.105).noiseFloor(0.01),
                Runs.run().iqLoss(0.12, 0.115, 0.125).noiseFloor(0.03), Metric.IQ_LOSS);

        assertThat(change.significance()).isEqualTo(Significance.NONE);
        assertThat(change.basis()).contains("within the noise floor of 3.0 pp");
    }

    @Test
    void theNoiseFloorAloneJudgesWhenAnIntervalIsMissing() {
        MetricChange change = headline(Runs.run().iqLoss(0.10, null, null).noiseFloor(0.02),
                Runs.run().iqLoss(0.20, 0.15, 0.25).noiseFloor(null), Metric.IQ_LOSS);

        assertThat(change.significance()).isEqualTo(Significance.REGRESSION);
    }

    @Test
    void anIqLossChangeWithNeitherIntervalsNorNoiseFloorIsUnknownNotFlagged() {
        MetricChange change = headline(Runs.run().iqLoss(0.10, null, null).noiseFloor(null),
                Runs.run().iqLoss(0.40, null, null).noiseFloor(null), Metric.IQ_LOSS);

        assertThat(change.direction()).isEqualTo(Direction.WORSE);
        assertThat(change.significance()).isEqualTo(Significance.UNKNOWN);
        assertThat(change.regression()).isFalse();
    }

    @Test
    void anIqLossFallBeyondTheNoiseIsAnImprovement() {
        MetricChange change = headline(Runs.run().iqLoss(0.25, 0.20, 0.30),
                Runs.run().iqLoss(0.05, 0.02, 0.08), Metric.IQ_LOSS);

        assertThat(change.direction()).isEqualTo(Direction.BETTER);
        assertThat(change.significance()).isEqualTo(Significance.IMPROVEMENT);
        assertThat(change.improvement()).isTrue();
    }

    @Test
    void aQualityDropBeyondTheNoiseIsARegressionBecauseHigherQualityIsBetter() {
        MetricChange change = headline(Runs.run().qualityScore(0.80, 0.83, 0.02),
                Runs.run().qualityScore(0.60, 0.83, 0.02), Metric.QUALITY);

        assertThat(change.direction()).isEqualTo(Direction.WORSE);
        assertThat(change.significance()).isEqualTo(Significance.REGRESSION);
    }

    @Test
    void aQualityDropInsideTheIntervalsIsWithinTheNoise() {
        MetricChange change = headline(Runs.run().qualityScore(0.80, 0.83, 0.05),
                Runs.run().qualityScore(0.75, 0.83, 0.05), Metric.QUALITY);

        assertThat(change.direction()).isEqualTo(Direction.WORSE);
        assertThat(change.significance()).isEqualTo(Significance.NONE);
    }

    @Test
    void aP99LatencyRiseOverTenPercentAndFiftyMillisecondsIsARegression() {
        MetricChange change = headline(Runs.run().p99(1_000.0), Runs.run().p99(1_200.0), Metric.P99_LATENCY);

        assertThat(change.significance()).isEqualTo(Significance.REGRESSION);
    }

    @Test
    void aLatencyRiseOverTenPercentButUnderFiftyMillisecondsIsNotFlagged() {
        MetricChange change = headline(Runs.run().p50(300.0), Runs.run().p50(340.0), Metric.P50_LATENCY);

        assertThat(change.direction()).isEqualTo(Direction.WORSE);
        assertThat(change.significance()).isEqualTo(Significance.NONE);
    }

    @Test
    void aLatencyRiseOverFiftyMillisecondsButUnderTenPercentIsNotFlagged() {
        MetricChange change = headline(Runs.run().p99(3_000.0), Runs.run().p99(3_200.0), Metric.P99_LATENCY);

        assertThat(change.significance()).isEqualTo(Significance.NONE);
    }

    @Test
    void aLatencyFallOverBothThresholdsIsAnImprovement() {
        MetricChange change = headline(Runs.run().ttftP99(900.0), Runs.run().ttftP99(400.0), Metric.TTFT_P99);

        assertThat(change.direction()).isEqualTo(Direction.BETTER);
        assertThat(change.significance()).isEqualTo(Significance.IMPROVEMENT);
    }

    @Test
    void aPhaseThatNoLongerRecoversIsARegressionOfTimeToRecover() {
        MetricChange change = headline(Runs.run().failover(new FailoverResult("primary-down", 1_000L, 2_000L)),
                Runs.run().failover(new FailoverResult("primary-down", 1_000L, null)), Metric.TIME_TO_RECOVER);

        assertThat(change.after()).isInfinite();
        assertThat(change.significance()).isEqualTo(Significance.REGRESSION);
    }

    @Test
    void timeToFailoverIsTheWorstOverThePhases() {
        MetricChange change = headline(
                Runs.run().failover(new FailoverResult("a", 1_000L, 0L), new FailoverResult("b", 4_000L, 0L)),
                Runs.run().failover(new FailoverResult("a", 1_000L, 0L), new FailoverResult("b", 1_500L, 0L)),
                Metric.TIME_TO_FAILOVER);

        assertThat(change.before()).isEqualTo(4_000.0);
        assertThat(change.after()).isEqualTo(1_500.0);
        assertThat(change.significance()).isEqualTo(Significance.IMPROVEMENT);
    }

    @Test
    void anAvailabilityDropBeyondTheProportionsIntervalIsARegression() {
        MetricChange change = headline(Runs.run().availability(118, 120), Runs.run().availability(90, 120),
                Metric.AVAILABILITY);

        assertThat(change.significance()).isEqualTo(Significance.REGRESSION);
    }

    @Test
    void anAvailabilityDropOfOneExchangeInAHundredIsWithinTheNoise() {
        MetricChange change = headline(Runs.run().availability(99, 100), Runs.run().availability(98, 100),
                Metric.AVAILABILITY);

        assertThat(change.direction()).isEqualTo(Direction.WORSE);
        assertThat(change.significance()).isEqualTo(Significance.NONE);
    }

    @Test
    void anyIncreaseOfSecurityFindingsIsARegression() {
        MetricChange change = headline(Runs.run().securityFindings(0), Runs.run().securityFindings(1),
                Metric.SECURITY_FINDINGS);

        assertThat(change.significance()).isEqualTo(Significance.REGRESSION);
    }

    @Test
    void fewerSecurityFindingsIsAnImprovement() {
        MetricChange change = headline(Runs.run().securityFindings(3), Runs.run().securityFindings(1),
                Metric.SECURITY_FINDINGS);

        assertThat(change.significance()).isEqualTo(Significance.IMPROVEMENT);
    }

    @Test
    void aVerdictMovingFromPassToPartialIsARegression() {
        MetricChange change = headline(Runs.run().verdict(Verdict.PASS), Runs.run().verdict(Verdict.PARTIAL),
                Metric.CONDUCT_VERDICT);

        assertThat(change.significance()).isEqualTo(Significance.REGRESSION);
    }

    @Test
    void aVerdictMovingFromSafeToFailIsARegressionAndFromFailToSafeAnImprovement() {
        assertThat(headline(Runs.run().verdict(Verdict.SAFE), Runs.run().verdict(Verdict.FAIL),
                Metric.CONDUCT_VERDICT).significance()).isEqualTo(Significance.REGRESSION);
        assertThat(headline(Runs.run().verdict(Verdict.FAIL), Runs.run().verdict(Verdict.SAFE),
                Metric.CONDUCT_VERDICT).significance()).isEqualTo(Significance.IMPROVEMENT);
    }

    @Test
    void anUnchangedVerdictIsTheSameAndNotFlagged() {
        MetricChange change = headline(Runs.run().verdict(Verdict.SAFE), Runs.run().verdict(Verdict.SAFE),
                Metric.CONDUCT_VERDICT);

        assertThat(change.direction()).isEqualTo(Direction.SAME);
        assertThat(change.significance()).isEqualTo(Significance.NONE);
    }

    @Test
    void figuresThatNeedABaselineAreUnknownAndNeverFlaggedWhenOneRunHasNone() {
        RunComparison comparison = RunComparison.of(Runs.run().noBaseline().build(),
                Runs.run().qualityScore(0.1, 0.83, 0.01).amplification(9.0).build());

        for (Metric metric : new Metric[] {Metric.IQ_LOSS, Metric.COST_AMPLIFICATION,
                Metric.TIME_TO_FAILOVER, Metric.TIME_TO_RECOVER}) {
            MetricChange change = comparison.headline(metric);
            assertThat(change.direction()).as(metric.label()).isEqualTo(Direction.UNKNOWN);
            assertThat(change.significance()).as(metric.label()).isEqualTo(Significance.UNKNOWN);
        }
        assertThat(comparison.regressions()).noneMatch(change -> change.before() == null || change.after() == null);
    }

    @Test
    void aQualityDropWithoutABaselineToTellTheNoiseByIsWorseButNotFlagged() {
        MetricChange change = headline(Runs.run().noBaseline(), Runs.run().qualityScore(0.1, 0.83, 0.01).noBaseline(),
                Metric.QUALITY);

        assertThat(change.direction()).isEqualTo(Direction.WORSE);
        assertThat(change.significance()).isEqualTo(Significance.UNKNOWN);
        assertThat(change.basis()).contains("no interval and no noise floor");
    }

    @Test
    void aMinimalRunComparedWithAFullOneHasNoFlagOnAnyMissingFigure() {
        RunComparison comparison = RunComparison.of(RunResultFixtures.minimal(), RunResultFixtures.full());

        assertThat(comparison.headline()).filteredOn(change -> change.before() == null)
                .isNotEmpty()
                .allSatisfy(change -> {
                    assertThat(change.direction()).isEqualTo(Direction.UNKNOWN);
                    assertThat(change.significance()).isEqualTo(Significance.UNKNOWN);
                });
    }

    @Test
    void runsOfAnotherScenarioAndSeedAreNotComparableAndTheWarningsNameWhatDiffers() {
        RunComparison comparison = RunComparison.of(Runs.run().scenario("primary-outage", 42, 0.05, 0.5).build(),
                Runs.run().scenario("slow-stream", 7, 0.05, 1.0).build());

        assertThat(comparison.comparable()).isFalse();
        assertThat(comparison.warnings())
                .anySatisfy(w -> assertThat(w).contains("scenario").contains("primary-outage").contains("slow-stream"))
                .anySatisfy(w -> assertThat(w).contains("seed").contains("42").contains("7"))
                .anySatisfy(w -> assertThat(w).contains("load scale").contains("0.5").contains("1.0"))
                .noneSatisfy(w -> assertThat(w).contains("time scale"));
    }

    @Test
    void incomparableRunsAreStillComparedFigureByFigure() {
        RunComparison comparison = RunComparison.of(Runs.run().securityFindings(0).build(),
                Runs.run().scenario("other", 1, 1.0, 1.0).securityFindings(2).build());

        assertThat(comparison.headline(Metric.SECURITY_FINDINGS).regression()).isTrue();
    }

    @Test
    void runsOfTheSameScenarioSeedAndScalesAreComparableWithoutWarnings() {
        RunComparison comparison = RunComparison.of(Runs.run().build(), Runs.run().sut("litellm-patched").build());

        assertThat(comparison.comparable()).isTrue();
        assertThat(comparison.warnings()).isEmpty();
    }

    @Test
    void anIncompleteRunIsNamedInTheWarnings() {
        RunComparison comparison = RunComparison.of(Runs.run().build(),
                Runs.run().completed(false, "stopped by Ctrl-C").build());

        assertThat(comparison.comparable()).isTrue();
        assertThat(comparison.warnings()).singleElement().asString()
                .contains("after").contains("incomplete").contains("stopped by Ctrl-C");
    }

    @Test
    void phasesInBothRunsAreComparedAndAPhaseInOneRunOnlyIsAWarning() {
        RunResult before = Runs.run().build();
        RunResult after = Runs.run().phases(before.phases().get(1), RunResultFixtures.unplayedPhase()).build();

        RunComparison comparison = RunComparison.of(before, after);

        assertThat(comparison.phases()).extracting(PhaseComparison::phase).containsExactly("primary-down");
        assertThat(comparison.phases().getFirst().changes()).extracting(MetricChange::metric)
                .containsExactly(Metric.QUALITY, Metric.IQ_LOSS, Metric.AVAILABILITY, Metric.P99_LATENCY);
        assertThat(comparison.warnings()).contains("phase 'steady' is only in the run before",
                "phase 'recovery' is only in the run after");
    }

    @Test
    void aPhaseIqLossRegressionAndP99RegressionAreFlaggedInThatPhase() {
        RunComparison comparison = RunComparison.of(
                Runs.run().phase(Runs.outagePhase(1_000, 0.10, 0.05, 0.15)).build(),
                Runs.run().phase(Runs.outagePhase(2_000, 0.40, 0.33, 0.47)).build());

        PhaseComparison outage = comparison.phases().stream().filter(p -> p.phase().equals("primary-down"))
                .findFirst().orElseThrow();
        assertThat(outage.changes()).filteredOn(MetricChange::regression).extracting(MetricChange::metric)
                .containsExactlyInAnyOrder(Metric.QUALITY, Metric.IQ_LOSS, Metric.P99_LATENCY);
        assertThat(comparison.hasRegression()).isTrue();
    }

    @Test
    void aPhaseWithoutFiguresComparesAsUnknown() {
        RunComparison comparison = RunComparison.of(
                Runs.run().phases(RunResultFixtures.unplayedPhase()).build(),
                Runs.run().phases(Runs.outagePhaseNamed("recovery")).build());

        assertThat(comparison.phases().getFirst().changes()).allSatisfy(change ->
                assertThat(change.significance()).isEqualTo(Significance.UNKNOWN));
    }

    @Test
    void identicalRunsHaveNoRegressionAndNoImprovement() {
        RunComparison comparison = RunComparison.of(Runs.run().build(), Runs.run().build());

        assertThat(comparison.regressions()).isEmpty();
        assertThat(comparison.improvements()).isEmpty();
        assertThat(comparison.headline()).extracting(MetricChange::direction).containsOnly(Direction.SAME);
    }
    /** The closed-model fixture with its goodput set to the given loss and interval, for the whole run and every phase. */
    private static RunResult withGoodputLoss(double value, double low, double high) {
        RunResult closed = RunResultFixtures.closedModel();
        dev.brownout.reports.Goodput goodput = new dev.brownout.reports.Goodput(88, 12, 200L, 12.0,
                new dev.brownout.reports.Estimate(value, low, high), 240L, 120);
        dev.brownout.reports.Quality q = closed.quality();
        return dev.brownout.reports.gate.ResultCopies.withQuality(closed, new dev.brownout.reports.Quality(q.score(),
                q.baselineScore(), q.iqLoss(), q.noiseFloor(), goodput));
    }

    @Test
    void aGoodputLossRiseWithIntervalsApartIsARegressionShownRightAfterIqLoss() {
        RunComparison comparison = RunComparison.of(withGoodputLoss(0.10, 0.05, 0.15), withGoodputLoss(0.56, 0.43, 0.66));

        MetricChange change = comparison.headline(Metric.GOODPUT_LOSS);
        assertThat(change.regression()).as("goodput loss 10%% -> 56%%: %s", change.basis()).isTrue();
        assertThat(change.basis()).contains("do not overlap");
        assertThat(comparison.headline()).extracting(MetricChange::metric).as("headline order")
                .startsWith(Metric.IQ_LOSS, Metric.GOODPUT_LOSS, Metric.QUALITY);
    }

    @Test
    void aGoodputLossChangeWithinOverlappingIntervalsIsNotFlagged() {
        MetricChange change = RunComparison.of(withGoodputLoss(0.50, 0.40, 0.60), withGoodputLoss(0.56, 0.43, 0.66))
                .headline(Metric.GOODPUT_LOSS);

        assertThat(change.significance()).as("6 points within overlapping intervals").isEqualTo(Significance.NONE);
    }

    @Test
    void eachPhaseComparesItsGoodputLoss() {
        RunResult before = RunResultFixtures.closedModel();

        PhaseComparison down = RunComparison.of(before, before).phases().stream()
                .filter(phase -> phase.phase().equals("primary-down")).findFirst().orElseThrow();

        assertThat(down.changes()).extracting(MetricChange::metric).as("the phase's figures")
                .containsExactly(Metric.QUALITY, Metric.IQ_LOSS, Metric.GOODPUT_LOSS, Metric.AVAILABILITY,
                        Metric.P99_LATENCY);
    }

    @Test
    void aRunWithGoodputAgainstOneWithoutComparesAsUnknown() {
        MetricChange change = RunComparison.of(Runs.run().build(), RunResultFixtures.closedModel())
                .headline(Metric.GOODPUT_LOSS);

        assertThat(change.significance()).isEqualTo(Significance.UNKNOWN);
        assertThat(change.basis()).isEqualTo("no figure before");
    }
}
