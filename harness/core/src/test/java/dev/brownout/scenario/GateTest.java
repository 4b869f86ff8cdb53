package dev.brownout.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GateTest {

    @Test
    void percentageIsStoredAsAFraction() {
        Gate gate = Gate.parse(GateMetric.IQ_LOSS, "< 5%");
        assertThat(gate).as("iq_loss < 5%").isEqualTo(new Gate(GateMetric.IQ_LOSS, GateComparator.LESS, 0.05, GateUnit.PERCENT));
        assertThat(gate.condition()).as("written back").isEqualTo("< 5%");
    }

    @Test
    void durationIsStoredInSeconds() {
        Gate gate = Gate.parse(GateMetric.P99_LATENCY, "<= 250ms");
        assertThat(gate.threshold()).as("p99 <= 250ms in seconds").isCloseTo(0.25, within(1e-12));
        assertThat(gate.comparator()).as("comparator").isEqualTo(GateComparator.LESS_OR_EQUAL);
        assertThat(gate.condition()).as("written back").isEqualTo("<= 250ms");
    }

    @Test
    void ratioAcceptsAPlainNumberOrAnX() {
        assertThat(Gate.parse(GateMetric.COST_AMPLIFICATION, "< 1.3").threshold()).as("< 1.3").isEqualTo(1.3);
        assertThat(Gate.parse(GateMetric.COST_AMPLIFICATION, "<1.3x").unit()).as("<1.3x unit").isEqualTo(GateUnit.RATIO);
    }

    @Test
    void wastedSpendTakesAShareOrDollars() {
        assertThat(Gate.parse(GateMetric.WASTED_SPEND, "< $2.50").unit()).as("< $2.50").isEqualTo(GateUnit.USD);
        assertThat(Gate.parse(GateMetric.WASTED_SPEND, "< 10%").unit()).as("< 10%").isEqualTo(GateUnit.PERCENT);
    }

    @Test
    void securityFindingsTakeAWholeCount() {
        assertThat(Gate.parse(GateMetric.SECURITY_FINDINGS, "== 0").holdsFor(0)).as("0 findings against == 0").isTrue();
        assertThatThrownBy(() -> Gate.parse(GateMetric.SECURITY_FINDINGS, "< 0.5")).as("fractional count")
                .hasMessage("'< 0.5': security_findings takes a whole count like \"== 0\"");
    }

    @Test
    void availabilityGateHoldsAtAndAboveItsThreshold() {
        Gate gate = Gate.parse(GateMetric.AVAILABILITY, ">= 99%");
        assertThat(gate.holdsFor(0.99)).as("availability 99%").isTrue();
        assertThat(gate.holdsFor(0.985)).as("availability 98.5%").isFalse();
    }

    @Test
    void percentageAboveAHundredIsRefused() {
        assertThatThrownBy(() -> Gate.parse(GateMetric.AVAILABILITY, ">= 101%")).as(">= 101%")
                .hasMessage("'>= 101%': a percentage must be between 0% and 100%");
    }

    @Test
    void wrongUnitNamesWhatTheMetricTakes() {
        assertThatThrownBy(() -> Gate.parse(GateMetric.P99_LATENCY, "< 5%")).as("p99 < 5%")
                .hasMessage("'< 5%' has the wrong unit; p99_latency takes a duration like \"< 8s\"");
    }
}
