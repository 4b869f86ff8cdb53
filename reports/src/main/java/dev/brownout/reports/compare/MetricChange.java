package dev.brownout.reports.compare;

/**
 * One figure in the run before and in the run after, and what the change means.
 *
 * @param before       the figure before, or null when unknown (e.g. no baseline); positive infinity for a time
 *                     that never came; a {@link Metric#CONDUCT_VERDICT} is its rank (0 pass to 3 fail)
 * @param after        the figure after, likewise
 * @param direction    which way it moved, knowing whether higher is better
 * @param significance whether the move is beyond the noise
 * @param basis        how the move was judged, in a reader's words (e.g. the intervals and noise floor used);
 *                     empty when there is nothing to say
 */
public record MetricChange(Metric metric, Double before, Double after, Direction direction,
                           Significance significance, String basis) {

    public MetricChange {
        basis = basis == null ? "" : basis;
    }

    /**
     * After minus before; null when either is unknown; 0 when both are never; an infinity when only one is
     * never.
     */
    public Double delta() {
        if (before == null || after == null) {
            return null;
        }
        if (before.equals(after)) {
            return 0.0;
        }
        return after - before;
    }

    public boolean regression() {
        return significance == Significance.REGRESSION;
    }

    public boolean improvement() {
        return significance == Significance.IMPROVEMENT;
    }
}
