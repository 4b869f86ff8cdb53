package dev.brownout.internal.workload;

import java.time.Duration;

/**
 * The open model's arrivals: {@code perSecond} tasks a second for {@code duration}, reached by a linear
 * ramp from zero over {@code ramp}. Arrivals are evenly spaced on that curve, so the same schedule gives
 * the same send times every run.
 */
public record ArrivalSchedule(double perSecond, Duration ramp, Duration duration) {

    public ArrivalSchedule {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("arrivals per second must be more than 0, was " + perSecond);
        }
        ramp = ramp == null ? Duration.ZERO : ramp;
        if (duration == null || duration.isNegative() || duration.isZero() || ramp.isNegative() || ramp.compareTo(duration) > 0) {
            throw new IllegalArgumentException("need 0 <= ramp <= duration and a duration > 0");
        }
    }

    /** Nanoseconds from the start at which arrival {@code index} (0-based) is due; past the duration when none is. */
    public long dueAt(long index) {
        double rampSeconds = ramp.toNanos() / 1e9;
        double arrivalsInRamp = perSecond * rampSeconds / 2;
        double seconds = index < arrivalsInRamp
                ? Math.sqrt(2 * rampSeconds * index / perSecond)
                : rampSeconds + (index - arrivalsInRamp) / perSecond;
        return (long) (seconds * 1e9);
    }
}
