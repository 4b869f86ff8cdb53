package dev.brownout.assertj;

import dev.brownout.reports.Estimate;
import dev.brownout.reports.format.Figures;

import java.time.Duration;
import java.util.function.BiFunction;

/**
 * Figures in failure messages, written by the reports' own formatter so a message reads like the report it points
 * to, with enough digits that a value never reads the same as the threshold it missed (4.996% against 5%, not 5%).
 */
final class FigureText {

    private static final int MOST_EXTRA_DECIMALS = 6;

    private FigureText() {
    }

    /** A fraction as a percentage, told apart from {@code threshold}. */
    static String percent(double fraction, double threshold) {
        return against(fraction, threshold, Figures::percent);
    }

    /** An estimate as a percentage with its 95% interval when it has one: {@code 22.9% (95% CI 16% to 30%)}. */
    static String percentWithInterval(Estimate estimate, double threshold) {
        String value = percent(estimate.value(), threshold);
        if (estimate.low() == null || estimate.high() == null) {
            return value + " (no interval: fewer than 2 tasks were paired with the baseline)";
        }
        return value + " (95% CI " + percent(estimate.low(), threshold) + " to " + percent(estimate.high(), threshold) + ")";
    }

    /** Milliseconds as a duration, told apart from {@code threshold}. */
    static String millis(double millis, Duration threshold) {
        return against(millis / 1000.0, seconds(threshold), Figures::seconds);
    }

    /** A threshold duration as reports write durations: {@code 8s}, {@code 400ms}. */
    static String duration(Duration duration) {
        return Figures.seconds(seconds(duration));
    }

    static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static String against(double value, double threshold, BiFunction<Double, Integer, String> format) {
        String text = format.apply(value, 0);
        String thresholdText = format.apply(threshold, 0);
        for (int extra = 1; extra <= MOST_EXTRA_DECIMALS && value != threshold && text.equals(thresholdText); extra++) {
            text = format.apply(value, extra);
        }
        return text;
    }
}
