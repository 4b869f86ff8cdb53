package dev.brownout.reports.compare;

/**
 * A figure two runs are compared on, whether higher is better, and how it is shown.
 * See {@link RunComparison} for the rule that decides when a change of each is beyond the noise.
 */
public enum Metric {
    IQ_LOSS("IQ loss", false, Unit.PERCENT),
    /** correct answers per second lost against the baseline; compared only when a run measured it */
    GOODPUT_LOSS("Goodput loss", false, Unit.PERCENT),
    QUALITY("Quality", true, Unit.SCORE),
    AVAILABILITY("Availability", true, Unit.PERCENT),
    P50_LATENCY("p50 latency", false, Unit.MILLIS),
    P99_LATENCY("p99 latency", false, Unit.MILLIS),
    TTFT_P99("p99 time to first token", false, Unit.MILLIS),
    /** the worst over the faulted phases; a phase that never failed over counts as never */
    TIME_TO_FAILOVER("Time to failover (worst phase)", false, Unit.MILLIS),
    /** the worst over the faulted phases; a phase that never recovered counts as never */
    TIME_TO_RECOVER("Time to recover (worst phase)", false, Unit.MILLIS),
    COST_AMPLIFICATION("Cost amplification", false, Unit.RATIO),
    TOTAL_COST("Total cost", false, Unit.USD),
    WASTED_SPEND("Wasted spend", false, Unit.USD),
    SECURITY_FINDINGS("Security findings", false, Unit.COUNT),
    /** compared by rank: pass (0) is better than partial (1), than safe (2), than fail (3) */
    CONDUCT_VERDICT("Conduct verdict", false, Unit.VERDICT);

    /** How a metric's figures are shown. */
    public enum Unit {
        /** a fraction, shown as a percentage; changes in percentage points */
        PERCENT,
        /** a graded score from 0 to 1 */
        SCORE,
        /** milliseconds; positive infinity stands for never */
        MILLIS,
        /** a ratio to the baseline */
        RATIO,
        /** US dollars */
        USD,
        /** a number of things */
        COUNT,
        /** a conduct verdict's rank, 0 (pass) to 3 (fail) */
        VERDICT
    }

    private final String label;
    private final boolean higherIsBetter;
    private final Unit unit;

    Metric(String label, boolean higherIsBetter, Unit unit) {
        this.label = label;
        this.higherIsBetter = higherIsBetter;
        this.unit = unit;
    }

    /** The name a reader sees, e.g. {@code p99 latency}. */
    public String label() {
        return label;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public Unit unit() {
        return unit;
    }
}
