package dev.brownout.internal.measure;

import dev.brownout.reports.Estimate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GoodputLossTest {

    @Test
    void theLossIsOneMinusTheRatioOfTheTwoRates() {
        // 45 correct in 12 s against 90 in 10 s: 3.75/s against 9/s, so 1 - 3.75 / 9 = 7/12
        Estimate loss = GoodputLoss.of(45, 12, 90, 10);

        assertThat(loss.value()).as("1 - (45/12) / (90/10)").isCloseTo(7.0 / 12, within(1e-12));
    }

    @Test
    void theIntervalIsTheExactOneForARatioOfPoissonRates() {
        // computed independently with SciPy: binomtest(45, 135).proportion_ci(0.95, method="exact") gives
        // p in [0.2545971023712799, 0.4195632399179303]; R = p / (1 - p) * 10 / 12; loss = 1 - R
        Estimate loss = GoodputLoss.of(45, 12, 90, 10);

        assertThat(loss.low()).as("lower end of the loss (upper end of p)").isCloseTo(0.3976328563071956, within(1e-7));
        assertThat(loss.high()).as("upper end of the loss (lower end of p)").isCloseTo(0.7153696978493045, within(1e-7));
    }

    @Test
    void withNoCorrectAnswerTheLossIsWholeAndItsLowerEndHasAClosedForm() {
        // x1 = 0 of n = 20: the Clopper-Pearson upper end is 1 - 0.025^(1/20) (the beta(1, n) quantile), the lower 0
        double pHigh = 1 - Math.pow(0.025, 1.0 / 20);
        Estimate loss = GoodputLoss.of(0, 5, 20, 5);

        assertThat(loss.value()).as("nothing correct: all of the goodput lost").isEqualTo(1.0);
        assertThat(loss.high()).as("the upper end: a ratio of rates of 0").isEqualTo(1.0);
        assertThat(loss.low()).as("1 - pHigh / (1 - pHigh) with equal times").isCloseTo(1 - pHigh / (1 - pHigh), within(1e-9));
    }

    @Test
    void equalRatesGiveARatioIntervalWhoseEndsAreReciprocal() {
        // x1 = x2 = 30 in equal times: p = 1/2 and its exact interval is symmetric, [a, 1 - a], so the ratio's ends
        // are r and 1/r
        Estimate loss = GoodputLoss.of(30, 10, 30, 10);

        assertThat(loss.value()).as("no loss").isEqualTo(0.0);
        assertThat((1 - loss.low()) * (1 - loss.high())).as("product of the ratio's two ends").isCloseTo(1.0, within(1e-9));
        assertThat(loss.low()).as("the lower end is a gain").isNegative();
        assertThat(loss.high()).as("the upper end is a loss").isPositive();
    }

    @Test
    void moreCorrectAnswersPerSecondThanTheBaselineIsANegativeLoss() {
        Estimate loss = GoodputLoss.of(60, 10, 40, 10);

        assertThat(loss.value()).as("1 - 6/4").isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void aBaselineWithNoCorrectAnswerLeavesTheLossUnknown() {
        assertThat(GoodputLoss.of(5, 10, 0, 10)).as("a ratio to a rate of 0").isNull();
    }

    @Test
    void aSpanThatNeverPlayedLeavesTheLossUnknown() {
        assertThat(GoodputLoss.of(0, 0, 20, 10)).as("no time in the chaos run").isNull();
        assertThat(GoodputLoss.of(5, 10, 20, 0)).as("no time in the baseline").isNull();
    }

    @Test
    void aNegativeCountIsRefusedWithBothCounts() {
        assertThatThrownBy(() -> GoodputLoss.of(-1, 10, 20, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1").hasMessageContaining("20");
    }
}
