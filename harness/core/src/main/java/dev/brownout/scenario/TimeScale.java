package dev.brownout.scenario;

import java.time.Duration;

/** The arithmetic of {@link Scenario#scaled(double)}: times are multiplied by the factor, rates divided by it. */
final class TimeScale {

    private TimeScale() {
    }

    static void check(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("a time scale must be a number > 0, e.g. 0.05 or 2; was " + factor);
        }
    }

    static Duration time(Duration duration, double factor) {
        return duration == null ? null : Duration.ofNanos(Math.round(duration.toNanos() * factor));
    }

    /** A per-time quantity that must keep its meaning: divided by the factor, never below 1 unless it was 0. */
    static long perTime(long amount, double factor) {
        return amount == 0 ? 0 : Math.max(1, Math.round(amount / factor));
    }
}
