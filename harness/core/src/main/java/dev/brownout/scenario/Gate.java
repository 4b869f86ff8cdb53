package dev.brownout.scenario;

import dev.brownout.fakes.config.DurationText;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition a run must meet, written {@code iq_loss: "< 5%"} in a scenario.
 *
 * @param threshold in the unit's stored form: a fraction for {@link GateUnit#PERCENT}, seconds for
 *                  {@link GateUnit#DURATION}, the number itself otherwise
 */
public record Gate(GateMetric metric, GateComparator comparator, double threshold, GateUnit unit) {

    private static final Pattern CONDITION =
            Pattern.compile("\\s*(<=|>=|==|<|>)\\s*(\\$)?(\\d+(?:\\.\\d+)?)\\s*(%|ms|s|m|h|x)?\\s*");

    public Gate {
        if (!metric.units().contains(unit)) {
            throw new IllegalArgumentException(metric.label() + " takes " + metric.example());
        }
    }

    /** Parses a condition for a metric; the message says what the metric's condition looks like. */
    static Gate parse(GateMetric metric, String condition) {
        Matcher matcher = CONDITION.matcher(condition);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + condition + "' is not a condition; " + metric.label()
                    + " takes a comparator (<, <=, >, >=, ==) and " + metric.example());
        }
        GateComparator comparator = GateComparator.fromSymbol(matcher.group(1));
        boolean dollars = matcher.group(2) != null;
        BigDecimal number = new BigDecimal(matcher.group(3));
        String suffix = matcher.group(4);
        GateUnit unit;
        double threshold;
        if (dollars && suffix == null) {
            unit = GateUnit.USD;
            threshold = number.doubleValue();
        } else if (dollars) {
            throw wrongUnit(metric, condition);
        } else if ("%".equals(suffix)) {
            if (number.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("'" + condition + "': a percentage must be between 0% and 100%");
            }
            unit = GateUnit.PERCENT;
            threshold = number.movePointLeft(2).doubleValue();
        } else if ("x".equals(suffix)) {
            unit = GateUnit.RATIO;
            threshold = number.doubleValue();
        } else if (suffix != null) {
            unit = GateUnit.DURATION;
            threshold = DurationText.parse(matcher.group(3) + suffix).toNanos() / 1e9;
        } else if (metric.units().contains(GateUnit.COUNT)) {
            if (number.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("'" + condition + "': " + metric.label() + " takes " + metric.example());
            }
            unit = GateUnit.COUNT;
            threshold = number.doubleValue();
        } else {
            unit = GateUnit.RATIO;
            threshold = number.doubleValue();
        }
        if (!metric.units().contains(unit)) {
            throw wrongUnit(metric, condition);
        }
        return new Gate(metric, comparator, threshold, unit);
    }

    private static IllegalArgumentException wrongUnit(GateMetric metric, String condition) {
        return new IllegalArgumentException("'" + condition + "' has the wrong unit; " + metric.label() + " takes "
                + metric.example());
    }

    /** Whether a measurement, in the threshold's stored form, meets the gate. */
    public boolean holdsFor(double measured) {
        return comparator.holds(measured, threshold);
    }

    /** The condition as a scenario writes it, e.g. {@code < 5%}. */
    public String condition() {
        String value = switch (unit) {
            case PERCENT -> plain(BigDecimal.valueOf(threshold).movePointRight(2)) + "%";
            case DURATION -> DurationText.format(Duration.ofNanos(Math.round(threshold * 1e9)));
            case USD -> "$" + plain(BigDecimal.valueOf(threshold));
            case RATIO, COUNT -> plain(BigDecimal.valueOf(threshold));
        };
        return comparator.symbol() + " " + value;
    }

    /** Durations scale with the clock; percentages, ratios, money and counts do not. */
    Gate scaled(double factor) {
        return unit == GateUnit.DURATION ? new Gate(metric, comparator, threshold * factor, unit) : this;
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
