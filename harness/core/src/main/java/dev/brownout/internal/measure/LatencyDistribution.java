package dev.brownout.internal.measure;

import dev.brownout.reports.Latency;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.util.concurrent.TimeUnit;

/**
 * A distribution of durations in milliseconds, summarised as p50, p90, p99, max and count by a Micrometer
 * {@link Timer}.
 *
 * <p>Precision: the percentiles come from Micrometer's HdrHistogram-backed window with 3 significant digits
 * ({@code percentilePrecision(3)}), so each is within about 1% of the exact order statistic (in practice
 * within 0.1% of the value at that rank); the max and the count are exact. Durations are recorded to the
 * nanosecond; a negative duration (a clock glitch) counts as 0.
 *
 * <p>Determinism: the timer lives in a registry of its own whose clock never advances, so Micrometer's
 * decaying window never rotates and never drops a sample: the figures depend on the recorded data alone,
 * not on when or how fast they were recorded.
 */
final class LatencyDistribution {

    private static final double[] PERCENTILES = {0.5, 0.9, 0.99};
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final Timer timer;

    LatencyDistribution() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new StoppedClock());
        this.timer = Timer.builder("brownout.latency")
                .publishPercentiles(PERCENTILES)
                .percentilePrecision(3)
                .register(registry);
    }

    /** Records one duration in milliseconds. */
    void record(double millis) {
        timer.record(Math.max(0, Math.round(millis * NANOS_PER_MILLI)), TimeUnit.NANOSECONDS);
    }

    /** The distribution so far; {@link Latency#EMPTY} when nothing was recorded. */
    Latency latency() {
        HistogramSnapshot snapshot = timer.takeSnapshot();
        if (snapshot.count() == 0) {
            return Latency.EMPTY;
        }
        Double p50 = null;
        Double p90 = null;
        Double p99 = null;
        for (ValueAtPercentile value : snapshot.percentileValues()) {
            double millis = value.value(TimeUnit.MILLISECONDS);
            if (value.percentile() == 0.5) {
                p50 = millis;
            } else if (value.percentile() == 0.9) {
                p90 = millis;
            } else if (value.percentile() == 0.99) {
                p99 = millis;
            }
        }
        return new Latency(snapshot.count(), p50, p90, p99, snapshot.max(TimeUnit.MILLISECONDS));
    }

    /** A clock at the epoch forever: Micrometer's time windows never expire a sample. */
    private static final class StoppedClock implements Clock {
        @Override
        public long wallTime() {
            return 0;
        }

        @Override
        public long monotonicTime() {
            return 0;
        }
    }
}
