package dev.brownout.reports.html;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** How the report writes figures: one place, so every table says a percentage or a duration the same way. */
final class Format {

    static final String NONE = "—";

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** An argument a POSIX shell takes as it is, without quotes. */
    private static final Pattern SHELL_PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private Format() {
    }

    /** A fraction as a percentage with one decimal: 0.2291 is {@code 22.9%}. */
    static String percent(Double fraction) {
        return fraction == null || fraction.isNaN() ? NONE : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** A graded score between 0 and 1, with three decimals. */
    static String score(Double score) {
        return score == null || score.isNaN() ? NONE : String.format(Locale.ROOT, "%.3f", score);
    }

    /** Milliseconds as a person reads them: {@code 412 ms}, {@code 2.95 s}, {@code 3 min 20 s}. */
    static String millis(Double ms) {
        if (ms == null || ms.isNaN()) {
            return NONE;
        }
        double abs = Math.abs(ms);
        if (abs < 1_000) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        if (abs < 10_000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1_000);
        }
        if (abs < 120_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1_000);
        }
        long seconds = Math.round(ms / 1_000);
        return (seconds / 60) + " min " + (seconds % 60) + " s";
    }

    static String millis(Long ms) {
        return ms == null ? NONE : millis(ms.doubleValue());
    }

    /** Dollars with enough digits for the small sums a test run spends: {@code $12.34}, {@code $0.0633}, {@code $0.000679}. */
    static String usd(Double usd) {
        if (usd == null || usd.isNaN()) {
            return NONE;
        }
        double abs = Math.abs(usd);
        String pattern = abs >= 1 || abs == 0 ? "$%.2f" : abs >= 0.01 ? "$%.4f" : "$%.6f";
        return String.format(Locale.ROOT, pattern, usd);
    }

    static String ratio(Double ratio) {
        return ratio == null || ratio.isNaN() ? NONE : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    static String when(Instant instant) {
        return instant == null ? NONE : WHEN.format(instant);
    }

    /** A plain number as written, without a trailing {@code .0}: {@code 0.05}, {@code 1}. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%s", value);
    }

    /** Text cut to {@code max} characters, saying how much was cut; null stays null. */
    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + " … (" + count(text.length() - end) + " more characters)";
    }

    /** A command line a POSIX shell runs as it was recorded: arguments with spaces or specials single-quoted. */
    static String shell(List<String> command) {
        StringBuilder line = new StringBuilder();
        for (String argument : command) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            if (argument != null && SHELL_PLAIN.matcher(argument).matches()) {
                line.append(argument);
            } else {
                line.append('\'').append(argument == null ? "" : argument.replace("'", "'\\''")).append('\'');
            }
        }
        return line.toString();
    }
}
