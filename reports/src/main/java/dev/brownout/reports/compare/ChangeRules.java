package dev.brownout.reports.compare;

import dev.brownout.reports.format.Figures;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules that decide whether a change is beyond the noise, one per kind of figure. Every rule is
 * symmetric: a change for the better beyond the same threshold is an improvement. The rules are documented
 * on {@link RunComparison}.
 */
final class ChangeRules {

    /** Latency and durations: a change must exceed both this share of the figure before... */
    static final double TIMING_RELATIVE = 0.10;
    /** ...and this many milliseconds. */
    static final double TIMING_ABSOLUTE_MS = 50;
    /** Money and cost amplification: a change must exceed this share of the figure before... */
    static final double COST_RELATIVE = 0.10;
    /** ...and, for dollar figures, this many dollars... */
    static final double COST_ABSOLUTE_USD = 0.001;
    /** ...or, for cost amplification, this much of the baseline's cost. */
    static final double AMPLIFICATION_ABSOLUTE = 0.05;
    /** The normal quantile of a two-sided 95% interval. */
    static final double Z_95 = 1.959964;

    /** A 95% interval around a figure; either end null when it could not be estimated. */
    record Interval(Double low, Double high) {

        static final Interval NONE = new Interval(null, null);

        boolean known() {
            return low != null && high != null;
        }
    }

    private ChangeRules() {
    }

    /**
     * IQ loss and quality: beyond the noise floor (when measured) and with disjoint 95% intervals (when both
     * runs have one); unknown when neither can be told.
     *
     * @param noiseFloor the larger measured noise floor of the two runs in the figure's own unit, or null
     */
    static MetricChange graded(Metric metric, Double before, Interval beforeInterval, Double after,
                               Interval afterInterval, Double noiseFloor) {
        Direction direction = direction(metric, before, after);
        if (direction == Direction.UNKNOWN || direction == Direction.SAME) {
            return unjudged(metric, before, after, direction);
        }
        double size = Math.abs(after - before);
        List<String> reasons = new ArrayList<>();
        Boolean beyond = null;
        if (noiseFloor != null) {
            boolean over = size > noiseFloor;
            reasons.add("change of " + amount(metric, size) + (over ? " exceeds" : " is within")
                    + " the noise floor of " + amount(metric, noiseFloor));
            beyond = over;
        }
        if (beforeInterval.known() && afterInterval.known()) {
            boolean apart = afterInterval.low() > beforeInterval.high() || afterInterval.high() < beforeInterval.low();
            reasons.add("95% intervals " + range(metric, beforeInterval) + " and " + range(metric, afterInterval)
                    + (apart ? " do not overlap" : " overlap"));
            beyond = beyond == null ? apart : beyond && apart;
        }
        if (beyond == null) {
            return new MetricChange(metric, before, after, direction, Significance.UNKNOWN,
                    "no interval and no noise floor to tell the noise by");
        }
        return judged(metric, before, after, direction, beyond, String.join("; ", reasons));
    }

    /**
     * Availability: beyond the 95% Agresti–Caffo interval for the difference of two proportions (each run's
     * share with one success and one failure added), over {@code countBefore} and {@code countAfter} exchanges.
     */
    static MetricChange proportion(Metric metric, Double before, long countBefore, Double after, long countAfter) {
        Direction direction = direction(metric, before, after);
        if (direction == Direction.UNKNOWN || direction == Direction.SAME) {
            return unjudged(metric, before, after, direction);
        }
        if (countBefore <= 0 || countAfter <= 0) {
            return new MetricChange(metric, before, after, direction, Significance.UNKNOWN,
                    "no exchanges to tell the noise by");
        }
        double adjustedBefore = (before * countBefore + 1) / (countBefore + 2);
        double adjustedAfter = (after * countAfter + 1) / (countAfter + 2);
        double spread = Math.sqrt(adjustedBefore * (1 - adjustedBefore) / (countBefore + 2)
                + adjustedAfter * (1 - adjustedAfter) / (countAfter + 2));
        double margin = Z_95 * spread;
        double adjustedChange = adjustedAfter - adjustedBefore;
        boolean beyond = Math.abs(adjustedChange) > margin && Math.signum(adjustedChange) == Math.signum(after - before);
        String basis = "change of " + ChangeText.points(Math.abs(after - before)) + (beyond ? " exceeds" : " is within")
                + " the 95% margin of " + ChangeText.points(margin) + " over " + countBefore + " and " + countAfter
                + " exchanges";
        return judged(metric, before, after, direction, beyond, basis);
    }

    /**
     * Latency and durations: beyond {@value #TIMING_ABSOLUTE_MS} ms and beyond 10% of the figure before; a
     * time that came in one run and never in the other is always beyond.
     */
    static MetricChange timing(Metric metric, Double before, Double after) {
        Direction direction = direction(metric, before, after);
        if (direction == Direction.UNKNOWN || direction == Direction.SAME) {
            return unjudged(metric, before, after, direction);
        }
        if (before.isInfinite() || after.isInfinite()) {
            return judged(metric, before, after, direction, true,
                    before.isInfinite() ? "never before, now it does" : "it did before, now never");
        }
        double size = Math.abs(after - before);
        boolean beyond = size > TIMING_ABSOLUTE_MS && size > TIMING_RELATIVE * before;
        return judged(metric, before, after, direction, beyond, "counts when over "
                + Figures.millis(TIMING_ABSOLUTE_MS) + " and over 10% of the figure before");
    }

    /**
     * Money and cost amplification: beyond 10% of the figure before and beyond $0.001 (dollar figures) or
     * 0.05 of the baseline's cost (amplification).
     */
    static MetricChange cost(Metric metric, Double before, Double after) {
        Direction direction = direction(metric, before, after);
        if (direction == Direction.UNKNOWN || direction == Direction.SAME) {
            return unjudged(metric, before, after, direction);
        }
        double absolute = metric.unit() == Metric.Unit.RATIO ? AMPLIFICATION_ABSOLUTE : COST_ABSOLUTE_USD;
        double size = Math.abs(after - before);
        boolean beyond = size > absolute && size > COST_RELATIVE * Math.abs(before);
        return judged(metric, before, after, direction, beyond, "counts when over "
                + ChangeText.value(metric, absolute) + " and over 10% of the figure before");
    }

    /** Counts and verdicts: any change counts. */
    static MetricChange exact(Metric metric, Double before, Double after) {
        Direction direction = direction(metric, before, after);
        if (direction == Direction.UNKNOWN || direction == Direction.SAME) {
            return unjudged(metric, before, after, direction);
        }
        return judged(metric, before, after, direction, true, "any change counts");
    }

    static Direction direction(Metric metric, Double before, Double after) {
        if (before == null || after == null || before.isNaN() || after.isNaN()) {
            return Direction.UNKNOWN;
        }
        int order = Double.compare(after, before);
        if (order == 0) {
            return Direction.SAME;
        }
        boolean higher = order > 0;
        return higher == metric.higherIsBetter() ? Direction.BETTER : Direction.WORSE;
    }

    private static MetricChange unjudged(Metric metric, Double before, Double after, Direction direction) {
        if (direction == Direction.SAME) {
            return new MetricChange(metric, before, after, direction, Significance.NONE, "");
        }
        String missing = missing(before) && missing(after) ? "no figure in either run"
                : missing(before) ? "no figure before" : "no figure after";
        return new MetricChange(metric, before, after, Direction.UNKNOWN, Significance.UNKNOWN, missing);
    }

    private static boolean missing(Double figure) {
        return figure == null || figure.isNaN();
    }

    private static MetricChange judged(Metric metric, Double before, Double after, Direction direction,
                                       boolean beyond, String basis) {
        Significance significance = !beyond ? Significance.NONE
                : direction == Direction.WORSE ? Significance.REGRESSION : Significance.IMPROVEMENT;
        return new MetricChange(metric, before, after, direction, significance, basis);
    }

    private static String amount(Metric metric, double size) {
        return metric.unit() == Metric.Unit.PERCENT ? ChangeText.points(size) : ChangeText.value(metric, size);
    }

    private static String range(Metric metric, Interval interval) {
        return ChangeText.value(metric, interval.low()) + " to " + ChangeText.value(metric, interval.high());
    }
}
