package dev.brownout.reports.gate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Figures as the reports print them, from their stored form: a fraction as a percentage ({@code 7.3%}), seconds as
 * a duration ({@code 950ms}, {@code 2.95s}), a plain ratio ({@code 1.54}), US dollars ({@code $0.0087},
 * {@code $2.50}) and counts ({@code 3}). Shared by the gate messages, the JUnit XML and the Markdown summary so the
 * same value reads the same everywhere.
 */
public final class Figures {

    private Figures() {
    }

    /** A value in the stored form of {@code unit} ({@code percent}, {@code duration}, {@code ratio}, {@code usd}, {@code count}). */
    public static String of(double value, String unit) {
        return of(value, unit, 0);
    }

    /** A fraction as a percentage with at most one decimal: 0.073 is {@code 7.3%}, 0.23 is {@code 23%}. */
    public static String percent(double fraction) {
        return of(fraction, "percent");
    }

    /** Seconds as a duration: under a second in whole milliseconds ({@code 950ms}), else seconds ({@code 2.95s}). */
    public static String seconds(double seconds) {
        return of(seconds, "duration");
    }

    /** Milliseconds as a duration, like {@link #seconds(double)}. */
    public static String millis(double millis) {
        return seconds(millis / 1000.0);
    }

    /** US dollars: cents from a dollar up ({@code $2.50}), else up to four decimals ({@code $0.0087}). */
    public static String usd(double dollars) {
        return of(dollars, "usd");
    }

    /**
     * {@code value} printed with enough digits that it does not read the same as {@code threshold} unless it equals
     * it: 0.04996 against 5% prints {@code 4.996%}, not {@code 5%}.
     */
    static String against(double value, double threshold, String unit) {
        String text = of(value, unit, 0);
        for (int extra = 1; extra <= 6 && value != threshold && text.equals(of(threshold, unit, 0)); extra++) {
            text = of(value, unit, extra);
        }
        return text;
    }

    private static String of(double value, String unit, int extra) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return switch (unit) {
            case "percent" -> plain(value * 100, 1 + extra) + "%";
            case "duration" -> Math.abs(value) < 1 ? plain(value * 1000, extra) + "ms" : plain(value, 2 + extra) + "s";
            case "usd" -> (value < 0 ? "-$" : "$") + money(Math.abs(value), extra);
            case "count" -> plain(value, extra);
            default -> plain(value, 2 + extra);
        };
    }

    private static String money(double dollars, int extra) {
        if (dollars >= 1 || dollars == 0) {
            return BigDecimal.valueOf(dollars).setScale(2 + extra, RoundingMode.HALF_UP).toPlainString();
        }
        String text = plain(dollars, 4 + extra);
        int decimals = text.indexOf('.') < 0 ? 0 : text.length() - text.indexOf('.') - 1;
        return decimals >= 2 ? text : BigDecimal.valueOf(dollars).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(double value, int decimals) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        return rounded.toPlainString();
    }
}
