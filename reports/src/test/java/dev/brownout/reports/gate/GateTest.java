package dev.brownout.reports.gate;

import dev.brownout.reports.GateSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GateTest {

    @Test
    void percentageIsStoredAsAFraction() {
        Gate gate = Gate.parse("iq_loss", "< 5%");
        assertThat(gate).as("iq_loss < 5%").isEqualTo(new Gate(GateMetric.IQ_LOSS, GateComparator.LESS, 0.05, GateUnit.PERCENT, "< 5%"));
        assertThat(gate.written()).as("written back").isEqualTo("< 5%");
    }

    @Test
    void durationIsStoredInSeconds() {
        Gate gate = Gate.parse("p99_latency", "<= 250ms");
        assertThat(gate.threshold()).as("p99 <= 250ms in seconds").isCloseTo(0.25, within(1e-12));
        assertThat(gate.comparator()).as("comparator").isEqualTo(GateComparator.LESS_OR_EQUAL);
        assertThat(gate.written()).as("written back").isEqualTo("<= 250ms");
    }

    @Test
    void ratioAcceptsAPlainNumberOrAnX() {
        assertThat(Gate.parse("cost_amplification", "< 1.3").threshold()).as("< 1.3").isEqualTo(1.3);
        assertThat(Gate.parse("cost_amplification", "<1.3x").unit()).as("<1.3x unit").isEqualTo(GateUnit.RATIO);
    }

    @Test
    void wastedSpendTakesAShareOrDollars() {
        assertThat(Gate.parse("wasted_spend", "< $2.50").unit()).as("< $2.50").isEqualTo(GateUnit.USD);
        assertThat(Gate.parse("wasted_spend", "< 10%").unit()).as("< 10%").isEqualTo(GateUnit.PERCENT);
    }

    @Test
    void securityFindingsTakeAWholeCount() {
        assertThat(Gate.parse("security_findings", "== 0").holdsFor(0)).as("0 findings against == 0").isTrue();
        assertThatThrownBy(() -> Gate.parse("security_findings", "< 0.5")).as("fractional count")
                .hasMessage("'< 0.5': security_findings takes a whole count like \"== 0\"");
    }

    @Test
    void availabilityGateHoldsAtAndAboveItsThreshold() {
        Gate gate = Gate.parse("availability", ">= 99%");
        assertThat(gate.holdsFor(0.99)).as("availability 99%").isTrue();
        assertThat(gate.holdsFor(0.985)).as("availability 98.5%").isFalse();
    }

    @Test
    void percentageAboveAHundredIsRefused() {
        assertThatThrownBy(() -> Gate.parse("availability", ">= 101%")).as(">= 101%")
                .hasMessage("'>= 101%': a percentage must be between 0% and 100%");
    }

    @Test
    void wrongUnitNamesWhatTheMetricTakes() {
        assertThatThrownBy(() -> Gate.parse("p99_latency", "< 5%")).as("p99 < 5%")
                .hasMessage("'< 5%' has the wrong unit; p99_latency takes a duration like \"< 8s\"");
    }

    @Test
    void anUnknownMetricListsTheMetrics() {
        assertThatThrownBy(() -> Gate.parse("p95_latency", "< 8s")).as("p95_latency < 8s")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'p95_latency' is not a gate metric; known: iq_loss, availability, p50_latency, "
                        + "p99_latency, ttft_p99, time_to_failover, time_to_recover, cost_amplification, "
                        + "wasted_spend, security_findings, goodput_loss, world_lateness");
    }

    @Test
    void theConditionIsWrittenBackTidiedToOneSpaceAfterTheComparator() {
        assertThat(Gate.parse("cost_amplification", "<1.3x").written()).as("<1.3x as written back").isEqualTo("< 1.3x");
        assertThat(Gate.parse("wasted_spend", " <=  $2.50 ").written()).as("<= $2.50 as written back")
                .isEqualTo("<= $2.50");
    }

    @Test
    void aGateRoundTripsThroughItsStoredForm() {
        Gate gate = Gate.parse("time_to_recover", "<= 2m");

        GateSpec stored = gate.toSpec();

        assertThat(stored).as("time_to_recover <= 2m as result.json stores it")
                .isEqualTo(new GateSpec("time_to_recover", "<=", 120.0, "duration", "<= 2m"));
        assertThat(Gate.from(stored)).as("the stored gate read back").isEqualTo(gate);
    }

    @Test
    void aStoredGateWithAnUnknownComparatorIsRefusedNamingTheComparators() {
        GateSpec stored = new GateSpec("iq_loss", "!=", 0.05, "percent", "!= 5%");

        assertThatThrownBy(() -> Gate.from(stored)).as("a stored gate with comparator !=")
                .hasMessage("iq_loss != 5% cannot be judged: '!=' is not a comparator; known: <, <=, >, >=, ==");
    }

    @Test
    void scalingMultipliesADurationAndRewritesItsConditionSoItParsesBackTheSame() {
        Gate scaled = Gate.parse("p99_latency", "< 8s").scaled(0.05);

        assertThat(scaled.written()).as("p99 < 8s at time scale 0.05").isEqualTo("< 400ms");
        assertThat(Gate.parse("p99_latency", scaled.written())).as("the rewritten condition parsed again")
                .isEqualTo(scaled);
        assertThat(Gate.parse("p99_latency", "< 5s").scaled(2.5).written()).as("p99 < 5s at time scale 2.5")
                .isEqualTo("< 12.5s");
    }

    @Test
    void scalingKeepsGatesThatAreNotTimes() {
        Gate share = Gate.parse("iq_loss", "< 5%");

        assertThat(share.scaled(0.05)).as("iq_loss < 5% at time scale 0.05").isSameAs(share);
    }
}
