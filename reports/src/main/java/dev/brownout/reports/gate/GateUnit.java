package dev.brownout.reports.gate;

import dev.brownout.reports.format.Figures;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a gate's threshold counts, and so how it is written, stored and printed. */
public enum GateUnit {
    /** Written {@code 5%}; stored as the fraction 0.05. */
    PERCENT,
    /** Written {@code 8s}, {@code 250ms}, {@code 2m}, {@code 1h}; stored in seconds. */
    DURATION,
    /** Written {@code 1.3} or {@code 1.3x}; a plain ratio. */
    RATIO,
    /** Written {@code $2.50}; US dollars. */
    USD,
    /** Written {@code 0}; a whole number of occurrences. */
    COUNT;

    /** The unit's name in result.json: {@code percent}, {@code duration}, {@code ratio}, {@code usd}, {@code count}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The unit named {@code label} in result.json, if there is one. */
    public static Optional<GateUnit> fromLabel(String label) {
        return Arrays.stream(values()).filter(unit -> unit.label().equals(label)).findFirst();
    }

    /** A value in this unit's stored form as every report prints it: {@code 7.3%}, {@code 2.95s}, {@code $3.20}. */
    public String format(double value) {
        return format(value, 0);
    }

    /** Like {@link #format(double)} with up to {@code extraDecimals} more decimals. */
    String format(double value, int extraDecimals) {
        return switch (this) {
            case PERCENT -> Figures.percent(value, extraDecimals);
            case DURATION -> Figures.seconds(value, extraDecimals);
            case RATIO -> Figures.ratio(value, extraDecimals);
            case USD -> Figures.usd(value, extraDecimals);
            case COUNT -> Figures.count(Math.round(value));
        };
    }

    /**
     * {@code value} printed with enough digits that it does not read the same as {@code threshold} unless it equals
     * it: 0.04996 against 5% prints {@code 4.996%}, not {@code 5%}.
     */
    String formatAgainst(double value, double threshold) {
        String text = format(value);
        String thresholdText = format(threshold);
        for (int extra = 1; extra <= 6 && value != threshold && text.equals(thresholdText); extra++) {
            text = format(value, extra);
        }
        return text;
    }
}
