package dev.brownout.reports.gate;

import dev.brownout.reports.GateSpec;

/**
 * One gate judged against one run.
 *
 * @param gate     the gate as declared and stored in result.json; kept in its stored form because a gate this
 *                 brownout cannot type (a metric from a newer version) is still reported, as unknown
 * @param status   {@link #PASSED}, {@link #FAILED} or {@link #UNKNOWN}; an unknown gate fails, since a CI gate must
 *                 not pass on data the run could not give
 * @param observed the measured value in the gate's stored unit (a fraction for percent, seconds for durations), or
 *                 null when the run could not give it
 * @param low      the lower end of the value's 95% interval when the metric has one (iq_loss), else null
 * @param high     the upper end likewise
 * @param message  one sentence a stranger understands, e.g. {@code iq_loss 7.3% (95% CI 5.1% to 9.5%) is not < 5%}
 */
public record GateOutcome(GateSpec gate, String status, Double observed, Double low, Double high, String message) {

    /** The status of a gate the run met. */
    public static final String PASSED = "passed";
    /** The status of a gate the run missed. */
    public static final String FAILED = "failed";
    /** The status of a gate the run could not be judged on; it fails. */
    public static final String UNKNOWN = "unknown";

    /**
     * @throws IllegalArgumentException for a status other than passed, failed or unknown
     */
    public GateOutcome {
        if (!PASSED.equals(status) && !FAILED.equals(status) && !UNKNOWN.equals(status)) {
            throw new IllegalArgumentException("gate status '" + status + "'; known: passed, failed, unknown");
        }
    }

    /** Whether the gate held; false for a failed and for an unknown gate. */
    public boolean passed() {
        return PASSED.equals(status);
    }

    /** The gate as a reader names it: its metric and condition, e.g. {@code iq_loss < 5%}. */
    public String name() {
        return gate.metric() + " " + gate.written();
    }

    /**
     * The observed value as every report prints it, in the gate's unit, with its interval when it has one, e.g.
     * {@code 7.3% (95% CI 5.1% to 9.5%)}; {@code unknown} without a value.
     */
    public String observedText() {
        GateUnit unit = GateUnit.fromLabel(gate.unit()).orElse(null);
        if (observed == null || unit == null) {
            return UNKNOWN;
        }
        String value = unit.format(observed);
        if (low == null || high == null) {
            return value;
        }
        return value + " (95% CI " + unit.format(low) + " to " + unit.format(high) + ")";
    }
}
