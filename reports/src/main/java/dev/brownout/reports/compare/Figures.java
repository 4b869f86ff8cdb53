package dev.brownout.reports.compare;

import dev.brownout.reports.Verdict;

import java.util.List;
import java.util.Locale;

/** How the comparison's figures read, the same in every report. */
final class Figures {

    static final String UNKNOWN = "unknown";
    static final String NEVER = "never";
    /** The verdicts from best to worst: a verdict's rank is its index here. */
    static final List<Verdict> VERDICTS_BEST_FIRST = List.of(Verdict.PASS, Verdict.PARTIAL, Verdict.SAFE, Verdict.FAIL);

    private Figures() {
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
            case PERCENT -> format("%.1f%%", value * 100);
            case SCORE -> format("%.3f", value);
            case MILLIS -> format("%.0f ms", value);
            case RATIO -> format("%.2f×", value);
            case USD -> value < 0 ? format("-$%.4f", -value) : format("$%.4f", value);
            case COUNT -> format("%.0f", value);
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
        return switch (metric.unit()) {
            case PERCENT -> signed("%.1f pp", delta * 100);
            case SCORE -> signed("%.3f", delta);
            case MILLIS -> signed("%.0f ms", delta) + relative(change);
            case RATIO -> signed("%.2f×", delta) + relative(change);
            case USD -> (delta < 0 ? "-" : "+") + format("$%.4f", Math.abs(delta)) + relative(change);
            case COUNT -> signed("%.0f", delta);
            case VERDICT -> change.direction() == Direction.WORSE ? "worse" : "better";
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

    /** A fraction in percentage points, unsigned, for the rules' explanations. */
    static String points(double fraction) {
        return format("%.1f pp", fraction * 100);
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
        return " (" + signed("%.0f%%", change.delta() / before * 100) + ")";
    }

    private static String signed(String pattern, double value) {
        String text = format(pattern, Math.abs(value));
        return (value < 0 ? "-" : "+") + text;
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
