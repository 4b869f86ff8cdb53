package dev.brownout.reports.html;

import dev.brownout.reports.format.Figures;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the report writes what it shows: measured figures through the shared {@link Figures}, with {@link #NONE} for
 * one the run could not give, and the report's own text (times of day, command lines, cut-down prompts).
 */
final class Format {

    static final String NONE = "—";

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** An argument a POSIX shell takes as it is, without quotes. */
    private static final Pattern SHELL_PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private Format() {
    }

    /** A fraction as a percentage, or {@link #NONE}. */
    static String percent(Double fraction) {
        return fraction == null || fraction.isNaN() ? NONE : Figures.percent(fraction);
    }

    /** A graded score between 0 and 1, or {@link #NONE}. */
    static String score(Double score) {
        return score == null || score.isNaN() ? NONE : Figures.score(score);
    }

    /** Milliseconds as a duration, or {@link #NONE}. */
    static String millis(Double ms) {
        return ms == null || ms.isNaN() ? NONE : Figures.millis(ms);
    }

    static String millis(Long ms) {
        return ms == null ? NONE : Figures.millis(ms);
    }

    /** US dollars, or {@link #NONE}. */
    static String usd(Double usd) {
        return usd == null || usd.isNaN() ? NONE : Figures.usd(usd);
    }

    /** A ratio, or {@link #NONE}. */
    static String ratio(Double ratio) {
        return ratio == null || ratio.isNaN() ? NONE : Figures.ratio(ratio);
    }

    static String count(long count) {
        return Figures.count(count);
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
