package dev.brownout.scenario;

/** How a measured value is compared with a gate's threshold. */
public enum GateComparator {
    LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="), EQUAL("==");

    private final String symbol;

    GateComparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(double measured, double threshold) {
        return switch (this) {
            case LESS -> measured < threshold;
            case LESS_OR_EQUAL -> measured <= threshold;
            case GREATER -> measured > threshold;
            case GREATER_OR_EQUAL -> measured >= threshold;
            case EQUAL -> measured == threshold;
        };
    }

    static GateComparator fromSymbol(String symbol) {
        for (GateComparator comparator : values()) {
            if (comparator.symbol.equals(symbol)) {
                return comparator;
            }
        }
        throw new IllegalArgumentException("unknown comparator " + symbol);
    }
}
