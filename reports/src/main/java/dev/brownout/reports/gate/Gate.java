package dev.brownout.reports.gate;

import dev.brownout.reports.GateSpec;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition a run must meet, such as {@code iq_loss < 5%}: written in a scenario's {@code gates:} section, in a
 * gates file for {@code brownout gate --gates}, and stored in result.json as a {@link GateSpec}. Read one with
 * {@link #parse(String, String)}; every reader of gates parses them here, so the same text means the same gate.
 *
 * @param metric     what is measured
 * @param comparator how the measurement is compared with the threshold
 * @param threshold  in the unit's stored form: a fraction for {@link GateUnit#PERCENT}, seconds for
 *                   {@link GateUnit#DURATION}, the number itself otherwise
 * @param unit       what the threshold counts; one of the metric's {@link GateMetric#units() units}
 * @param written    the condition as written, tidied to one space after the comparator, e.g. {@code < 5%}
 */
public record Gate(GateMetric metric, GateComparator comparator, double threshold, GateUnit unit, String written) {

    private static final Pattern CONDITION =
            Pattern.compile("\\s*(<=|>=|==|<|>)\\s*(\\$)?(\\d+(?:\\.\\d+)?)\\s*(%|ms|s|m|h|x)?\\s*");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * @throws IllegalArgumentException when the unit is not one the metric takes, or the threshold is not a number
     */
    public Gate {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(comparator, "comparator");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(written, "written");
        if (!metric.units().contains(unit)) {
            throw new IllegalArgumentException(metric.label() + " takes " + metric.example());
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException(metric.label() + " " + written + ": the threshold must be a number");
        }
    }

    /**
     * Parses one condition for one metric, e.g. {@code parse("iq_loss", "< 5%")}: a comparator ({@code <},
     * {@code <=}, {@code >}, {@code >=}, {@code ==}) and a number with its unit: {@code 5%}; {@code 250ms},
     * {@code 8s}, {@code 2m}, {@code 1h}; {@code 1.3} or {@code 1.3x}; {@code $2.50}; or a whole count.
     *
     * @throws IllegalArgumentException saying what is wrong and what would be valid: an unknown metric lists the
     *                                  metrics, a malformed condition or a wrong unit says what the metric takes
     */
    public static Gate parse(String metricLabel, String condition) {
        GateMetric metric = GateMetric.fromLabel(metricLabel).orElseThrow(() -> new IllegalArgumentException(
                "'" + metricLabel + "' is not a gate metric; known: " + GateMetric.labels()));
        Matcher matcher = CONDITION.matcher(condition);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + condition + "' is not a condition; " + metric.label()
                    + " takes a comparator (" + GateComparator.symbols() + ") and " + metric.example());
        }
        GateComparator comparator = GateComparator.fromSymbol(matcher.group(1)).orElseThrow();
        boolean dollars = matcher.group(2) != null;
        BigDecimal number = new BigDecimal(matcher.group(3));
        String suffix = matcher.group(4);
        GateUnit unit;
        BigDecimal threshold;
        if (dollars) {
            if (suffix != null) {
                throw wrongUnit(metric, condition);
            }
            unit = GateUnit.USD;
            threshold = number;
        } else if ("%".equals(suffix)) {
            if (number.compareTo(HUNDRED) > 0) {
                throw new IllegalArgumentException("'" + condition + "': a percentage must be between 0% and 100%");
            }
            unit = GateUnit.PERCENT;
            threshold = number.movePointLeft(2);
        } else if ("x".equals(suffix)) {
            unit = GateUnit.RATIO;
            threshold = number;
        } else if (suffix != null) {
            unit = GateUnit.DURATION;
            threshold = seconds(number, suffix);
        } else if (metric.units().contains(GateUnit.COUNT)) {
            if (number.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("'" + condition + "': " + metric.label() + " takes " + metric.example());
            }
            unit = GateUnit.COUNT;
            threshold = number;
        } else {
            unit = GateUnit.RATIO;
            threshold = number;
        }
        if (!metric.units().contains(unit)) {
            throw wrongUnit(metric, condition);
        }
        String written = comparator.symbol() + " " + (dollars ? "$" : "") + matcher.group(3) + (suffix == null ? "" : suffix);
        return new Gate(metric, comparator, threshold.doubleValue(), unit, written);
    }

    /**
     * The gate result.json stored as {@code stored}, typed.
     *
     * @throws IllegalArgumentException when the stored gate is not one this brownout can judge: a metric it does not
     *                                  know (a result from a newer version), a unit the metric does not take, or an
     *                                  unknown comparator; the message names the gate and what would be valid
     */
    public static Gate from(GateSpec stored) {
        GateMetric metric = GateMetric.fromLabel(stored.metric()).orElseThrow(() -> new IllegalArgumentException(
                stored.metric() + " is not a gate metric; known: " + GateMetric.labels()));
        Optional<GateUnit> unit = GateUnit.fromLabel(stored.unit()).filter(metric.units()::contains);
        if (unit.isEmpty()) {
            throw new IllegalArgumentException(stored.metric() + " " + stored.written() + " cannot be judged: its unit is "
                    + stored.unit() + ", but " + metric.label() + " takes " + metric.example());
        }
        GateComparator comparator = GateComparator.fromSymbol(stored.comparator()).orElseThrow(() ->
                new IllegalArgumentException(stored.metric() + " " + stored.written() + " cannot be judged: '"
                        + stored.comparator() + "' is not a comparator; known: " + GateComparator.symbols()));
        return new Gate(metric, comparator, stored.threshold(), unit.get(), stored.written());
    }

    /** This gate as result.json stores it. */
    public GateSpec toSpec() {
        return new GateSpec(metric.label(), comparator.symbol(), threshold, unit.label(), written);
    }

    /** Whether {@code measured}, in the threshold's stored form, meets this gate. */
    public boolean holdsFor(double measured) {
        return comparator.holds(measured, threshold);
    }

    /**
     * This gate on a clock {@code factor} times as long: a duration threshold is multiplied by it and its condition
     * rewritten ({@code < 8s} at 0.05 is {@code < 400ms}); percentages, ratios, money and counts are not times and
     * are kept, and so is a {@code world_lateness} duration: the world's lateness is the harness's own noise in real
     * time, whatever clock the scenario plays on.
     *
     * @throws IllegalArgumentException for a factor that is not a number above 0
     */
    public Gate scaled(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("a time scale is a number > 0, not " + factor);
        }
        if (unit != GateUnit.DURATION || metric == GateMetric.WORLD_LATENESS) {
            return this;
        }
        // to the nanosecond, so the rewritten condition parses back to exactly this threshold
        BigDecimal seconds = BigDecimal.valueOf(Math.round(threshold * factor * 1e9)).movePointLeft(9).stripTrailingZeros();
        String duration = seconds.compareTo(BigDecimal.ONE) >= 0 || seconds.signum() == 0 ? seconds.toPlainString() + "s"
                : seconds.movePointRight(3).stripTrailingZeros().toPlainString() + "ms";
        return new Gate(metric, comparator, seconds.doubleValue(), unit, comparator.symbol() + " " + duration);
    }

    private static BigDecimal seconds(BigDecimal number, String suffix) {
        return switch (suffix) {
            case "ms" -> number.movePointLeft(3);
            case "s" -> number;
            case "m" -> number.multiply(BigDecimal.valueOf(60));
            default -> number.multiply(BigDecimal.valueOf(3600));
        };
    }

    private static IllegalArgumentException wrongUnit(GateMetric metric, String condition) {
        return new IllegalArgumentException("'" + condition + "' has the wrong unit; " + metric.label() + " takes "
                + metric.example());
    }
}
