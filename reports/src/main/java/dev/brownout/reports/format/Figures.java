package dev.brownout.reports.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How every report writes a measured figure, so that a p99 latency, a percentage, a cost or a ratio reads the same in
 * summary.md, report.html, the comparison, junit.xml, the gate messages and the command line's summary.
 *
 * <ul>
 *   <li>a fraction as a percentage with at most one decimal: {@code 22.9%}, {@code 16%}, {@code -1.2%}</li>
 *   <li>a duration: under a second in whole milliseconds ({@code 412ms}), under ten seconds with two decimals
 *       ({@code 2.95s}), under two minutes with one ({@code 41.5s}), else minutes and seconds ({@code 3m 20s})</li>
 *   <li>US dollars: cents from a dollar ({@code $12.35}), four decimals from a cent ({@code $0.0633}), six below
 *       ({@code $0.000679}), so the small sums of a test run still show</li>
 *   <li>a ratio with at most two decimals and a times sign: {@code 1.54×}</li>
 *   <li>a graded score from 0 to 1 with three decimals: {@code 0.640}</li>
 *   <li>a count with thousands separated: {@code 1,234}</li>
 * </ul>
 *
 * <p>Trailing zeros are dropped (but dollars keep their cents) so that a figure and a threshold written by hand
 * ({@code < 5%}, {@code < 8s}) look alike. The overloads taking {@code extraDecimals} print more digits than usual,
 * for telling a value apart from a threshold it would otherwise round to. Absent figures are the caller's to write:
 * each report has its own mark for them.
 */
public final class Figures {

    private static final double MINUTES_FROM_SECONDS = 120;

    private Figures() {
    }

    /** A fraction as a percentage with at most one decimal: 0.2291 is {@code 22.9%}, 0.16 is {@code 16%}. */
    public static String percent(double fraction) {
        return percent(fraction, 0);
    }

    /** Like {@link #percent(double)} with {@code extraDecimals} more decimals at most: 0.04996 and 2 give {@code 4.996%}. */
    public static String percent(double fraction, int extraDecimals) {
        if (!Double.isFinite(fraction)) {
            return Double.toString(fraction);
        }
        return plain(BigDecimal.valueOf(fraction).movePointRight(2), 1 + extraDecimals) + "%";
    }

    /** Seconds as a duration: {@code 412ms}, {@code 2.95s}, {@code 41.5s}, {@code 3m 20s}. */
    public static String seconds(double seconds) {
        return seconds(seconds, 0);
    }

    /**
     * Like {@link #seconds(double)} with {@code extraDecimals} more decimals at most; from two minutes up, in seconds
     * rather than minutes so the extra decimals have somewhere to go.
     */
    public static String seconds(double seconds, int extraDecimals) {
        if (!Double.isFinite(seconds)) {
            return Double.toString(seconds);
        }
        double magnitude = Math.abs(seconds);
        if (magnitude < 1) {
            return plain(BigDecimal.valueOf(seconds).movePointRight(3), extraDecimals) + "ms";
        }
        if (magnitude < 10) {
            return plain(BigDecimal.valueOf(seconds), 2 + extraDecimals) + "s";
        }
        if (magnitude < MINUTES_FROM_SECONDS || extraDecimals > 0) {
            return plain(BigDecimal.valueOf(seconds), 1 + extraDecimals) + "s";
        }
        long whole = Math.round(magnitude);
        return (seconds < 0 ? "-" : "") + (whole / 60) + "m " + (whole % 60) + "s";
    }

    /** Milliseconds as a duration, like {@link #seconds(double)}: 2950 is {@code 2.95s}. */
    public static String millis(double millis) {
        return seconds(millis / 1000.0);
    }

    /** US dollars: {@code $12.35}, {@code $0.0633}, {@code $0.000679}, {@code -$0.50}. */
    public static String usd(double dollars) {
        return usd(dollars, 0);
    }

    /** Like {@link #usd(double)} with {@code extraDecimals} more decimals at most: 2.4999 and 2 give {@code $2.4999}. */
    public static String usd(double dollars, int extraDecimals) {
        if (!Double.isFinite(dollars)) {
            return Double.toString(dollars);
        }
        double magnitude = Math.abs(dollars);
        int decimals = magnitude >= 1 || magnitude == 0 ? 2 : magnitude >= 0.01 ? 4 : 6;
        BigDecimal rounded = BigDecimal.valueOf(magnitude).setScale(decimals + extraDecimals, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        if (rounded.scale() < 2) {
            rounded = rounded.setScale(2, RoundingMode.UNNECESSARY);
        }
        return (dollars < 0 && rounded.signum() != 0 ? "-$" : "$") + rounded.toPlainString();
    }

    /** A ratio with at most two decimals and a times sign: 1.5439 is {@code 1.54×}, 2 is {@code 2×}. */
    public static String ratio(double ratio) {
        return ratio(ratio, 0);
    }

    /** Like {@link #ratio(double)} with {@code extraDecimals} more decimals at most. */
    public static String ratio(double ratio, int extraDecimals) {
        if (!Double.isFinite(ratio)) {
            return Double.toString(ratio);
        }
        return plain(BigDecimal.valueOf(ratio), 2 + extraDecimals) + "×";
    }

    /** A graded score from 0 to 1 with three decimals: {@code 0.640}. */
    public static String score(double score) {
        if (!Double.isFinite(score)) {
            return Double.toString(score);
        }
        return BigDecimal.valueOf(score).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    /** A count with thousands separated by commas: {@code 1,234}. */
    public static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    private static String plain(BigDecimal value, int decimals) {
        BigDecimal rounded = value.setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }
}
