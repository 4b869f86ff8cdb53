package dev.brownout.internal.measure;

import dev.brownout.reports.Estimate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IqLossTest {

    @Test
    void deltaMethodIntervalMatchesAHandComputedExampleOfFourPairs() {
        // c = (1, 0, 1, 0.5), b = (1, 1, 1, 0.5): μ_c = 5/8, μ_b = 7/8, R = 5/7, loss = 2/7
        // deviations c: (3/8, -5/8, 3/8, -1/8) -> s_c² = (11/16)/3 = 11/48
        // deviations b: (1/8, 1/8, 1/8, -3/8) -> s_b² = (3/16)/3 = 1/16
        // cross products sum to 1/16 -> s_cb = 1/48
        // bracket = (11/48)/(49/64) + (25/64)(1/16)/(2401/4096) - 2(5/8)(1/48)/(343/512)
        //         = 704/2352 + 100/2401 - 2560/65856 = 2176/7203
        // Var(R) = 2176/7203 / 4 = 544/7203 = 0.0755240871858947...; √Var = 0.274816460907811...
        // interval = 2/7 ∓ 1.96 · 0.274816460907811 = [-0.252925977665025, 0.824354549093596]
        Estimate loss = IqLoss.of(new double[] {1, 0, 1, 0.5}, new double[] {1, 1, 1, 0.5});

        assertThat(loss.value()).isCloseTo(2.0 / 7, within(1e-12));
        assertThat(loss.low()).isCloseTo(-0.252925977665025, within(1e-9));
        assertThat(loss.high()).isCloseTo(0.824354549093596, within(1e-9));
    }

    @Test
    void identicalPairsHaveAZeroWidthInterval() {
        // c = b = (1, 0.5, 0): R = 1, c - R b = 0 for every task, so Var(R) = 0 and the interval is [0, 0]
        Estimate loss = IqLoss.of(new double[] {1, 0.5, 0}, new double[] {1, 0.5, 0});

        assertThat(loss.value()).isZero();
        assertThat(loss.low()).isCloseTo(0, within(1e-12));
        assertThat(loss.high()).isCloseTo(0, within(1e-12));
    }

    @Test
    void onePairHasALossButNoInterval() {
        // c = 0.25, b = 1: loss = 1 - 0.25 = 0.75; n < 2 leaves the interval unknown
        Estimate loss = IqLoss.of(new double[] {0.25}, new double[] {1});

        assertThat(loss).isEqualTo(new Estimate(0.75, null, null));
    }

    @Test
    void aBaselineQualityOfZeroLeavesTheLossUnknown() {
        // Q_baseline = 0: 1 - Q_chaos / 0 has no value, so the loss is null rather than 0
        assertThat(IqLoss.of(new double[] {0, 1}, new double[] {0, 0})).isNull();
    }

    @Test
    void noPairsLeaveTheLossUnknown() {
        assertThat(IqLoss.of(new double[0], new double[0])).isNull();
    }
}
