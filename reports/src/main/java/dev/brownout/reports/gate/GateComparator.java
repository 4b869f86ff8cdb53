package dev.brownout.reports.gate;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a measured value is compared with a gate's threshold. */
public enum GateComparator {
    /** {@code <}: strictly below the threshold */
    LESS("<"),
    /** {@code <=}: at or below the threshold */
    LESS_OR_EQUAL("<="),
    /** {@code >}: strictly above the threshold */
    GREATER(">"),
    /** {@code >=}: at or above the threshold */
    GREATER_OR_EQUAL(">="),
    /** {@code ==}: exactly the threshold */
    EQUAL("==");

    private final String symbol;

    GateComparator(String symbol) {
        this.symbol = symbol;
    }

    /** The comparator as written in a condition and stored in result.json, e.g. {@code <=}. */
    public String symbol() {
        return symbol;
    }

    /** Whether {@code measured} meets {@code threshold} under this comparator. */
    public boolean holds(double measured, double threshold) {
        return switch (this) {
            case LESS -> measured < threshold;
            case LESS_OR_EQUAL -> measured <= threshold;
            case GREATER -> measured > threshold;
            case GREATER_OR_EQUAL -> measured >= threshold;
            case EQUAL -> measured == threshold;
        };
    }

    /** The comparator written {@code symbol}, if there is one. */
    public static Optional<GateComparator> fromSymbol(String symbol) {
        return Arrays.stream(values()).filter(comparator -> comparator.symbol.equals(symbol)).findFirst();
    }

    /** Every symbol, for error messages: {@code <, <=, >, >=, ==}. */
    static String symbols() {
        return Arrays.stream(values()).map(GateComparator::symbol).collect(Collectors.joining(", "));
    }
}
