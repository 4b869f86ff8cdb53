package dev.brownout.internal.measure;

import dev.brownout.fakes.config.DurationText;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** How checks write settings, durations and moments: the way scenario files write them. */
final class CheckText {

    private CheckText() {
    }

    /** A check's setting as a scenario file writes it: {@code 4}, {@code 2.5}, {@code 30s}, {@code true}. */
    static String setting(Object setting) {
        return switch (setting) {
            case Duration d -> DurationText.format(d);
            case Double d -> number(d);
            default -> String.valueOf(setting);
        };
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    static String millis(double millis) {
        return DurationText.format(Duration.ofMillis(Math.round(millis)));
    }

    /** A ledger time as seconds from the run's start, like the exchanges' times: {@code 12.345s}. */
    static String at(Instant time, Instant origin) {
        return String.format(Locale.ROOT, "%.3fs", Duration.between(origin, time).toNanos() / 1e9);
    }

    static String plural(long count, String noun) {
        return plural(count, noun, noun + "s");
    }

    static String plural(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
