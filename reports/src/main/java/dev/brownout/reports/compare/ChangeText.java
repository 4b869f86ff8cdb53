package dev.brownout.reports.compare;

import dev.brownout.reports.Verdict;
import dev.brownout.reports.format.Figures;

import java.util.List;
import java.util.Locale;

/**
 * How the comparison writes its figures and their changes, in both reports. Values are written by the shared
 * {@link Figures}, so a comparison reads the same as the run's own reports; what is the comparison's own is the
 * signed change, percentage points, {@code never} for a time that never came, and the judgement.
 */
final class ChangeText {

    static final String UNKNOWN = "unknown";
    static final String NEVER = "never";
    /** The verdicts from best to worst: a verdict's rank is its index here. */
    static final List<Verdict> VERDICTS_BEST_FIRST = List.of(Verdict.PASS, Verdict.PARTIAL, Verdict.SAFE, Verdict.FAIL);

    private ChangeText() {
    }

    /** A figure of {@code metric} as a reader sees it; {@code unknown} for null. */
    static String value(Metric metric, Double value) {
        if (value == null) {
            return UNKNOWN;
        }
        if (value.isInfinite()) {
            return NEVER;
        }
        return switch (metric.unit()) {
            case PERCENT -> Figures.percent(value);
            case SCORE -> Figures.score(value);
            case MILLIS -> Figures.millis(value);
            case RATIO -> Figures.ratio(value);
            case USD -> Figures.usd(value);
            case COUNT -> Figures.count(Math.round(value));
            case VERDICT -> verdict(value);
        };
    }

    /** The change from before to after, signed, with the relative change where it helps. */
    static String change(MetricChange change) {
        Metric metric = change.metric();
        Double delta = change.delta();
        if (delta == null) {
            return UNKNOWN;
        }
        if (change.direction() == Direction.SAME) {
            return "no change";
        }
        if (delta.isInfinite()) {
            return change.after().isInfinite() ? "now never" : "was never";
        }
        String sign = delta < 0 ? "-" : "+";
        return switch (metric.unit()) {
            case PERCENT -> sign + points(Math.abs(delta));
            case VERDICT -> change.direction() == Direction.WORSE ? "worse" : "better";
            case MILLIS, RATIO, USD -> sign + value(metric, Math.abs(delta)) + relative(change);
            case SCORE, COUNT -> sign + value(metric, Math.abs(delta));
        };
    }

    /** The marker a row carries: the significance in words, never shown by colour alone. */
    static String marker(MetricChange change) {
        return switch (change.significance()) {
            case REGRESSION -> "REGRESSION";
            case IMPROVEMENT -> "improvement";
            case UNKNOWN -> UNKNOWN;
            case NONE -> change.direction() == Direction.SAME ? "same" : "within noise";
        };
    }

    /** The marker and, when there is one, how the change was judged. */
    static String judgement(MetricChange change) {
        String marker = marker(change);
        return change.basis().isEmpty() ? marker : marker + ": " + change.basis();
    }

    /**
     * A difference of two fractions in percentage points, unsigned, with one decimal kept so that small
     * margins still show: {@code 1.0 pp}.
     */
    static String points(double fraction) {
        return String.format(Locale.ROOT, "%.1f pp", fraction * 100);
    }

    private static String verdict(double rank) {
        int index = (int) Math.round(rank);
        return index >= 0 && index < VERDICTS_BEST_FIRST.size() ? VERDICTS_BEST_FIRST.get(index).label() : UNKNOWN;
    }

    private static String relative(MetricChange change) {
        double before = change.before();
        if (before == 0) {
            return "";
        }
        double relative = change.delta() / before;
        return " (" + (relative < 0 ? "-" : "+") + Figures.percent(Math.abs(relative)) + ")";
    }
}
