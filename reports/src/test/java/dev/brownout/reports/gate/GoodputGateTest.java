package dev.brownout.reports.gate;

import dev.brownout.reports.BaselineInfo;
import dev.brownout.reports.Estimate;
import dev.brownout.reports.Goodput;
import dev.brownout.reports.Quality;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResultFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate {@code goodput_loss}, and what an {@code iq_loss} gate says of the tasks a run never sent. */
class GoodputGateTest {

    /** Goodput loss 56% (95% CI 43.2% to 66.2%); 120 of 240 baseline tasks never sent; IQ loss 22.9%. */
    private static final RunResult CLOSED = RunResultFixtures.closedModel();

    private static GateOutcome judge(RunResult result, String metric, String condition, Bound bound) {
        return GateEvaluation.evaluate(result, List.of(Gate.parse(metric, condition)), bound).outcomes().getFirst();
    }

    private static RunResult withGoodput(Goodput goodput) {
        Quality q = CLOSED.quality();
        return ResultCopies.withQuality(CLOSED, new Quality(q.score(), q.baselineScore(), q.iqLoss(), q.noiseFloor(), goodput));
    }

    @Test
    void aGoodputLossAboveItsThresholdFailsWithItsInterval() {
        GateOutcome outcome = judge(CLOSED, "goodput_loss", "< 10%", Bound.POINT);

        assertThat(outcome.status()).as("status").isEqualTo(GateOutcome.FAILED);
        assertThat(outcome.message()).as("message").isEqualTo("goodput_loss 56% (95% CI 43.2% to 66.2%) is not < 10%");
    }

    @Test
    void aGoodputLossBelowItsThresholdPasses() {
        assertThat(judge(CLOSED, "goodput_loss", "< 60%", Bound.POINT).passed()).as("56% against < 60%").isTrue();
    }

    @Test
    void thePessimisticBoundJudgesTheUpperEndOfTheInterval() {
        GateOutcome outcome = judge(CLOSED, "goodput_loss", "< 60%", Bound.PESSIMISTIC);

        assertThat(outcome.passed()).as("upper end 66.2% against < 60%").isFalse();
        assertThat(outcome.message()).contains("its upper bound 66.2% is not < 60%");
    }

    @Test
    void withoutABaselineTheGateIsUnknownAndFailsSayingWhy() {
        RunResult noBaseline = ResultCopies.withBaseline(CLOSED, BaselineInfo.none(), new Quality(0.64, null, null, null,
                new Goodput(88, 12, null, null, null, null, 0)));

        GateOutcome outcome = judge(noBaseline, "goodput_loss", "< 10%", Bound.POINT);

        assertThat(outcome.status()).isEqualTo(GateOutcome.UNKNOWN);
        assertThat(outcome.message()).as("message").contains("goodput_loss is unknown, so < 10% fails")
                .contains("no baseline");
    }

    @Test
    void aBaselineWithNoCorrectAnswerMakesTheGateUnknown() {
        GateOutcome outcome = judge(withGoodput(new Goodput(0, 12, 0L, 12.0, null, 240L, 0)), "goodput_loss", "< 10%",
                Bound.POINT);

        assertThat(outcome.status()).isEqualTo(GateOutcome.UNKNOWN);
        assertThat(outcome.message()).contains("the baseline had no correct answer");
    }

    @Test
    void aResultWrittenBeforeGoodputWasMeasuredMakesTheGateUnknown() {
        GateOutcome outcome = judge(ResultCopies.completed(RunResultFixtures.full()), "goodput_loss", "< 10%", Bound.POINT);

        assertThat(outcome.status()).isEqualTo(GateOutcome.UNKNOWN);
        assertThat(outcome.message()).contains("written before goodput was measured");
    }

    @Test
    void anIqLossGateSaysHowManyBaselineTasksItsFigureLeavesOut() {
        GateOutcome outcome = judge(CLOSED, "iq_loss", "< 30%", Bound.POINT);

        assertThat(outcome.passed()).as("IQ loss 22.9% against < 30%").isTrue();
        assertThat(outcome.message()).as("message").isEqualTo("iq_loss 22.9% (95% CI 16% to 30%) (over the tasks both"
                + " runs sent; 120 of 240 baseline tasks were never sent and are not in it: see goodput_loss) is < 30%");
    }

    @Test
    void anIqLossGateOfARunThatSentEveryBaselineTaskSaysNothingMore() {
        RunResult allSent = withGoodput(new Goodput(88, 12, 90L, 12.0, new Estimate(0.0222, -0.3, 0.3), 120L, 0));

        assertThat(judge(allSent, "iq_loss", "< 30%", Bound.POINT).message())
                .isEqualTo("iq_loss 22.9% (95% CI 16% to 30%) is < 30%");
    }

    @Test
    void aGoodputLossGateTakesOnlyAPercentage() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Gate.parse("goodput_loss", "< 2s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'< 2s' has the wrong unit; goodput_loss takes a percentage like \"< 10%\"");
    }
}
