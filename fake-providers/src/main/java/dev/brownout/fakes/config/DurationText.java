package dev.brownout.fakes.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in scenario files: {@code 250ms}, {@code 2s}, {@code 1.5s},
 * {@code 1m30s}, {@code 2h}. A bare number is read as milliseconds.
 */
public final class DurationText {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|s|m|h)");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    private DurationText() {
    }

    /** Parses a duration; throws {@link IllegalArgumentException} with a message naming the accepted forms. */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration; write it like 250ms, 2s, 1.5s or 1m30s");
        }
        String trimmed = text.trim();
        if (NUMBER.matcher(trimmed).matches()) {
            return Duration.ofNanos(Math.round(Double.parseDouble(trimmed) * 1_000_000d));
        }
        Matcher matcher = PART.matcher(trimmed);
        long nanos = 0;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                break;
            }
            double amount = Double.parseDouble(matcher.group(1));
            nanos += Math.round(amount * unitNanos(matcher.group(2)));
            end = matcher.end();
        }
        if (end == 0 || end != trimmed.length()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration; write it like 250ms, 2s, 1.5s or 1m30s");
        }
        return Duration.ofNanos(nanos);
    }

    /** Formats a duration in the shortest exact form this class parses back, e.g. {@code 1m30s} or {@code 250ms}. */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        if (nanos % 1_000_000L != 0) {
            return nanos % 1_000L == 0 ? (nanos / 1_000L) + "us" : nanos + "ns";
        }
        long millis = nanos / 1_000_000L;
        if (millis % 1_000L != 0) {
            return millis + "ms";
        }
        long seconds = millis / 1_000L;
        StringBuilder text = new StringBuilder();
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('h');
            seconds %= 3600;
        }
        if (seconds >= 60) {
            text.append(seconds / 60).append('m');
            seconds %= 60;
        }
        if (seconds > 0) {
            text.append(seconds).append('s');
        }
        return text.toString();
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1d;
            case "us", "µs" -> 1_000d;
            case "ms" -> 1_000_000d;
            case "s" -> 1_000_000_000d;
            case "m" -> 60_000_000_000d;
            case "h" -> 3_600_000_000_000d;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }
}
