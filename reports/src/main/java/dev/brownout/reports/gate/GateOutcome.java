package dev.brownout.reports.gate;

import dev.brownout.reports.GateSpec;

/**
 * One gate judged against one run.
 *
 * @param status   {@link #PASSED}, {@link #FAILED} or {@link #UNKNOWN}; an unknown gate fails, since a CI gate must
 *                 not pass on data the run could not give
 * @param observed the measured value in the gate's stored unit (a fraction for percent, seconds for durations), or
 *                 null when the run could not give it
 * @param low      the lower end of the value's 95% interval when the metric has one (iq_loss), else null
 * @param high     the upper end likewise
 * @param message  one sentence a stranger understands, e.g. {@code iq_loss 7.3% (95% CI 5.1% to 9.5%) is not < 5%}
 */
public record GateOutcome(GateSpec gate, String status, Double observed, Double low, Double high, String message) {

    public static final String PASSED = "passed";
    public static final String FAILED = "failed";
    public static final String UNKNOWN = "unknown";

    public GateOutcome {
        if (!PASSED.equals(status) && !FAILED.equals(status) && !UNKNOWN.equals(status)) {
            throw new IllegalArgumentException("gate status '" + status + "'; known: passed, failed, unknown");
        }
    }

    /** Whether the gate held; false for a failed and for an unknown gate. */
    public boolean passed() {
        return PASSED.equals(status);
    }

    /**
     * The observed value as a reader wants it, in the gate's unit, with its interval when it has one, e.g.
     * {@code 7.3% (95% CI 5.1% to 9.5%)}; {@code unknown} without a value.
     */
    public String observedText() {
        if (observed == null) {
            return "unknown";
        }
        String value = Figures.of(observed, gate.unit());
        if (low == null || high == null) {
            return value;
        }
        return value + " (95% CI " + Figures.of(low, gate.unit()) + " to " + Figures.of(high, gate.unit()) + ")";
    }
}
