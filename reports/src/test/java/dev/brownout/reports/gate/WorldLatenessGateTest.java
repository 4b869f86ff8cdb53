package dev.brownout.reports.gate;

import dev.brownout.reports.Latency;
import dev.brownout.reports.ProviderLateness;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResultFixtures;
import dev.brownout.reports.WorldSchedule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gate {@code world_lateness}: how far the fake world fell behind its own schedule, in real time. */
class WorldLatenessGateTest {

    /** The full fixture's p50 latency is 412.5 ms; its world's worst p99 lateness is 30 ms (7.27% of the p50). */
    private static final RunResult LATE_WORLD = ResultCopies.withWorld(RunResultFixtures.full(), world(30.0));

    static WorldSchedule world(Double worstP99Ms) {
        Latency lateness = worstP99Ms == null ? Latency.EMPTY
                : new Latency(100, worstP99Ms / 3, worstP99Ms / 2, worstP99Ms, worstP99Ms + 1);
        boolean behind = worstP99Ms != null && worstP99Ms > 20.625;
        return new WorldSchedule(behind, behind ? "provider primary's first tokens were late by 30.0 ms at p99" : null,
                20.625, worstP99Ms, List.of(new ProviderLateness("primary", lateness, Latency.EMPTY)), List.of(), null);
    }

    private static GateOutcome judge(RunResult result, String condition) {
        return GateEvaluation.evaluate(result, List.of(Gate.parse("world_lateness", condition)), Bound.POINT)
                .outcomes().getFirst();
    }

    @Test
    void aDurationIsHeldAgainstTheWorstP99Lateness() {
        assertThat(judge(LATE_WORLD, "< 50ms").passed()).as("30 ms against < 50ms").isTrue();
        GateOutcome tight = judge(LATE_WORLD, "< 20ms");
        assertThat(tight.passed()).as("30 ms against < 20ms").isFalse();
        assertThat(tight.message()).as("the message gives the figure and the condition").contains("30ms").contains("< 20ms");
    }

    @Test
    void aPercentageIsHeldAgainstTheShareOfTheRunsMedianLatency() {
        assertThat(judge(LATE_WORLD, "< 10%").passed()).as("30 ms of a 412.5 ms p50 is 7.27%, under 10%").isTrue();
        assertThat(judge(LATE_WORLD, "< 5%").passed()).as("7.27% is over 5%").isFalse();
    }

    @Test
    void aRunPlayedOnAFastClockKeepsItsLatenessGateInRealTime() {
        Gate gate = Gate.parse("world_lateness", "< 50ms");

        assertThat(gate.scaled(0.05)).as("the world's lateness is not on the scenario's clock").isEqualTo(gate);
        assertThat(Gate.parse("p99_latency", "< 8s").scaled(0.05).written())
                .as("while the SUT's latency gates are scaled").isEqualTo("< 400ms");
    }

    @Test
    void aResultWithoutAWorldScheduleFailsTheGateSayingWhy() {
        GateOutcome outcome = judge(ResultCopies.withWorld(RunResultFixtures.full(), null), "< 50ms");

        assertThat(outcome.status()).as("unknown, not passed").isEqualTo(GateOutcome.UNKNOWN);
        assertThat(outcome.message()).as("why it is unknown").contains("no world schedule");
    }

    @Test
    void aWorldThatScheduledNothingFailsTheGateSayingWhy() {
        GateOutcome outcome = judge(ResultCopies.withWorld(RunResultFixtures.full(), world(null)), "< 50ms");

        assertThat(outcome.status()).as("unknown, not passed").isEqualTo(GateOutcome.UNKNOWN);
        assertThat(outcome.message()).as("why it is unknown").contains("sent nothing it had scheduled");
    }

    @Test
    void aWorldLatenessGateTakesADurationOrAPercentageOnly() {
        assertThatThrownBy(() -> Gate.parse("world_lateness", "< 1.3"))
                .as("a ratio is refused").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("world_lateness takes a duration like \"< 50ms\" or a share of the p50 latency");
    }
}
