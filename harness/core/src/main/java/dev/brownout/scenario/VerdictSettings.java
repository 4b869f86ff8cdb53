package dev.brownout.scenario;

/**
 * How a scenario's conduct verdict is judged, beyond its checks.
 *
 * @param availabilityMargin how many percentage points a faulted phase's availability may fall below the baseline's
 *                           and still count as answered, between 0 and 100; {@link #DEFAULT_AVAILABILITY_MARGIN}
 *                           unless the scenario says otherwise
 */
public record VerdictSettings(double availabilityMargin) {

    /** Five percentage points: the tolerance the time to fail over is measured with too. */
    public static final double DEFAULT_AVAILABILITY_MARGIN = 5;

    /** The settings of a scenario that declares none. */
    public static final VerdictSettings DEFAULT = new VerdictSettings(DEFAULT_AVAILABILITY_MARGIN);

    public VerdictSettings {
        if (!(availabilityMargin >= 0 && availabilityMargin <= 100)) {
            throw new IllegalArgumentException("availability_margin is in percentage points, between 0 and 100; was "
                    + availabilityMargin);
        }
    }

    /** The margin as a share of all tasks, 0 to 1. */
    public double availabilityMarginShare() {
        return availabilityMargin / 100;
    }
}
