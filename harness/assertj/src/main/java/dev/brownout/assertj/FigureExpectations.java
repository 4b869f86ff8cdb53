package dev.brownout.assertj;

import dev.brownout.reports.Estimate;
import dev.brownout.reports.format.Figures;

import java.time.Duration;

/**
 * The figure assertions a run and a phase share, each giving the failure message (without the report line) when the
 * figure misses its threshold or is missing, and null when it holds. Messages follow AssertJ's layout: what was
 * expected of what, the figure on its own line, the relation, the threshold.
 */
final class FigureExpectations {

    private FigureExpectations() {
    }

    /**
     * @param of      whose figure, e.g. {@code run of oauth-outage against litellm}
     * @param missing why there is no figure, for when {@code loss} is null
     */
    static String iqLossBelow(String of, Estimate loss, String missing, double max) {
        String threshold = Figures.percent(max);
        if (loss == null) {
            return "\nExpecting IQ loss of " + of + " to be below " + threshold + ", but it has no IQ loss: " + missing;
        }
        if (loss.value() < max) {
            return null;
        }
        return expecting("IQ loss of " + of, FigureText.percentWithInterval(loss, max), "to be below", threshold);
    }

    static String iqLossUpperBoundBelow(String of, Estimate loss, String missing, double max) {
        String threshold = Figures.percent(max);
        if (loss == null) {
            return "\nExpecting the upper end of the IQ loss interval of " + of + " to be below " + threshold
                    + ", but it has no IQ loss: " + missing;
        }
        if (loss.low() == null || loss.high() == null) {
            return "\nExpecting the upper end of the IQ loss interval of " + of + " to be below " + threshold
                    + ", but no interval could be estimated (fewer than 2 tasks were paired with the baseline); the point"
                    + " estimate is " + FigureText.percent(loss.value(), max);
        }
        if (loss.high() < max) {
            return null;
        }
        return expecting("IQ loss of " + of + ", judged on the upper end of its 95% interval",
                FigureText.percent(loss.high(), max) + " (IQ loss " + FigureText.percent(loss.value(), max) + ", 95% CI "
                        + FigureText.percent(loss.low(), max) + " to " + FigureText.percent(loss.high(), max) + ")",
                "to be below", threshold);
    }

    /** @param detail what the availability is a share of, e.g. {@code 101 of 118 exchanges answered} */
    static String availabilityAtLeast(String of, Double availability, String detail, String missing, double min) {
        String threshold = Figures.percent(min);
        if (availability == null) {
            return "\nExpecting availability of " + of + " to be at least " + threshold + ", but it has none: " + missing;
        }
        if (availability >= min) {
            return null;
        }
        return expecting("availability of " + of, FigureText.percent(availability, min) + " (" + detail + ")",
                "to be at least", threshold);
    }

    /** @param detail what the percentile is over, e.g. {@code end to end, over 118 answers} */
    static String p99Below(String of, Double p99Millis, String detail, String missing, Duration max) {
        String threshold = FigureText.duration(max);
        if (p99Millis == null) {
            return "\nExpecting p99 latency of " + of + " to be below " + threshold + ", but it has none: " + missing;
        }
        if (p99Millis / 1000.0 < FigureText.seconds(max)) {
            return null;
        }
        return expecting("p99 latency of " + of, FigureText.millis(p99Millis, max) + " (" + detail + ")", "to be below",
                threshold);
    }

    static String expecting(String what, String actual, String relation, String expected) {
        return "\nExpecting " + what + ":\n  " + actual + "\n" + relation + ":\n  " + expected;
    }
}
