package dev.brownout.reports.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresTest {

    @Test
    void aPercentageHasAtMostOneDecimalAndNoTrailingZero() {
        assertThat(Figures.percent(0.2291)).as("0.2291 as a percentage").isEqualTo("22.9%");
        assertThat(Figures.percent(0.16)).as("0.16 as a percentage").isEqualTo("16%");
        assertThat(Figures.percent(-0.012)).as("a negative share, a gain").isEqualTo("-1.2%");
        assertThat(Figures.percent(0.0004)).as("a share that rounds to nothing").isEqualTo("0%");
        assertThat(Figures.percent(0.04996, 2)).as("0.04996 with two extra decimals").isEqualTo("4.996%");
    }

    @Test
    void aDurationIsInMillisecondsBelowASecondAndInSecondsOrMinutesAbove() {
        assertThat(Figures.millis(412.4)).as("412.4 ms").isEqualTo("412ms");
        assertThat(Figures.millis(2_950)).as("2950 ms").isEqualTo("2.95s");
        assertThat(Figures.millis(2_400)).as("2400 ms").isEqualTo("2.4s");
        assertThat(Figures.millis(41_530)).as("41530 ms").isEqualTo("41.5s");
        assertThat(Figures.millis(200_000)).as("200 s").isEqualTo("3m 20s");
        assertThat(Figures.seconds(0.4)).as("0.4 s").isEqualTo("400ms");
        assertThat(Figures.seconds(179.96, 2)).as("179.96 s with two extra decimals").isEqualTo("179.96s");
    }

    @Test
    void dollarsKeepTheirCentsAndShowSmallSums() {
        assertThat(Figures.usd(12.345)).as("$12.345").isEqualTo("$12.35");
        assertThat(Figures.usd(3.2)).as("$3.2").isEqualTo("$3.20");
        assertThat(Figures.usd(0.0633)).as("six cents").isEqualTo("$0.0633");
        assertThat(Figures.usd(0.05)).as("five cents").isEqualTo("$0.05");
        assertThat(Figures.usd(0.0087)).as("under a cent").isEqualTo("$0.0087");
        assertThat(Figures.usd(0.000679)).as("a fraction of a cent").isEqualTo("$0.000679");
        assertThat(Figures.usd(0)).as("nothing spent").isEqualTo("$0.00");
        assertThat(Figures.usd(-0.5)).as("a saving").isEqualTo("-$0.50");
    }

    @Test
    void ratiosScoresAndCountsHaveOneFormEach() {
        assertThat(Figures.ratio(1.5439)).as("cost amplification 1.5439").isEqualTo("1.54×");
        assertThat(Figures.ratio(2)).as("a ratio of 2").isEqualTo("2×");
        assertThat(Figures.score(0.64)).as("a score of 0.64").isEqualTo("0.640");
        assertThat(Figures.count(41_230)).as("41230 tokens").isEqualTo("41,230");
    }

    @Test
    void aValueThatIsNotANumberIsWrittenAsJavaWritesIt() {
        assertThat(Figures.percent(Double.NaN)).as("NaN as a percentage").isEqualTo("NaN");
        assertThat(Figures.seconds(Double.POSITIVE_INFINITY)).as("an infinite duration").isEqualTo("Infinity");
    }
}
