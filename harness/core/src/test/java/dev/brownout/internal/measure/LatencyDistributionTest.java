package dev.brownout.internal.measure;

import dev.brownout.reports.Latency;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class LatencyDistributionTest {

    @Test
    void percentilesOfOneToOneThousandMillisAreWithinOnePercent() {
        // 1, 2, ..., 1000 ms: the value at rank p is p * 1000 ms, so p50 = 500, p90 = 900, p99 = 990; max 1000
        LatencyDistribution distribution = new LatencyDistribution();
        for (int ms = 1; ms <= 1000; ms++) {
            distribution.record(ms);
        }

        Latency latency = distribution.latency();

        assertThat(latency.count()).isEqualTo(1000);
        assertThat(latency.p50Ms()).isCloseTo(500, withinPercentage(1));
        assertThat(latency.p90Ms()).isCloseTo(900, withinPercentage(1));
        assertThat(latency.p99Ms()).isCloseTo(990, withinPercentage(1));
        assertThat(latency.maxMs()).isCloseTo(1000, within(1e-9));
    }

    @Test
    void recordingInAnotherOrderGivesTheSameFigures() {
        // the same 1..1000 ms, descending: the figures depend on the data, not on the order or the time
        LatencyDistribution ascending = new LatencyDistribution();
        LatencyDistribution descending = new LatencyDistribution();
        for (int ms = 1; ms <= 1000; ms++) {
            ascending.record(ms);
            descending.record(1001 - ms);
        }

        assertThat(descending.latency()).isEqualTo(ascending.latency());
    }

    @Test
    void aLatencyBeyondAMinuteIsNotClamped() {
        // a timer's default expected maximum is 30 s; a 90 s hang must still read as 90 s
        LatencyDistribution distribution = new LatencyDistribution();
        distribution.record(100);
        distribution.record(90_000);

        Latency latency = distribution.latency();

        assertThat(latency.maxMs()).isCloseTo(90_000, within(1e-6));
        assertThat(latency.p99Ms()).isCloseTo(90_000, withinPercentage(1));
    }

    @Test
    void nothingRecordedIsTheEmptyLatency() {
        assertThat(new LatencyDistribution().latency()).isEqualTo(Latency.EMPTY);
    }
}
