package dev.brownout.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The run measurements a gate can hold to a threshold, each with the units its threshold may be written in. */
public enum GateMetric {
    IQ_LOSS(Set.of(GateUnit.PERCENT), "a percentage like \"< 5%\""),
    AVAILABILITY(Set.of(GateUnit.PERCENT), "a percentage like \">= 99%\""),
    P50_LATENCY(Set.of(GateUnit.DURATION), "a duration like \"< 2s\""),
    P99_LATENCY(Set.of(GateUnit.DURATION), "a duration like \"< 8s\""),
    TTFT_P99(Set.of(GateUnit.DURATION), "a duration like \"< 3s\""),
    TIME_TO_FAILOVER(Set.of(GateUnit.DURATION), "a duration like \"< 30s\""),
    TIME_TO_RECOVER(Set.of(GateUnit.DURATION), "a duration like \"< 60s\""),
    COST_AMPLIFICATION(Set.of(GateUnit.RATIO), "a ratio like \"< 1.3\""),
    WASTED_SPEND(Set.of(GateUnit.PERCENT, GateUnit.USD), "a share of spend like \"< 10%\" or an amount like \"< $2.50\""),
    SECURITY_FINDINGS(Set.of(GateUnit.COUNT), "a whole count like \"== 0\"");

    private final Set<GateUnit> units;
    private final String example;

    GateMetric(Set<GateUnit> units, String example) {
        this.units = units;
        this.example = example;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Set<GateUnit> units() {
        return units;
    }

    /** What a threshold for this metric looks like, for error messages. */
    String example() {
        return example;
    }

    static Optional<GateMetric> fromLabel(String label) {
        return Arrays.stream(values()).filter(m -> m.label().equals(label)).findFirst();
    }

    static String known() {
        return Arrays.stream(values()).map(GateMetric::label).collect(Collectors.joining(", "));
    }
}
