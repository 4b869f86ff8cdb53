package dev.brownout.reports.gate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The run measurements a gate can hold to a threshold, with the units its threshold may be written in. */
enum Metric {
    IQ_LOSS(List.of("percent"), "a percentage like \"< 5%\""),
    AVAILABILITY(List.of("percent"), "a percentage like \">= 99%\""),
    P50_LATENCY(List.of("duration"), "a duration like \"< 2s\""),
    P99_LATENCY(List.of("duration"), "a duration like \"< 8s\""),
    TTFT_P99(List.of("duration"), "a duration like \"< 3s\""),
    TIME_TO_FAILOVER(List.of("duration"), "a duration like \"< 30s\""),
    TIME_TO_RECOVER(List.of("duration"), "a duration like \"< 60s\""),
    COST_AMPLIFICATION(List.of("ratio"), "a ratio like \"< 1.3\""),
    WASTED_SPEND(List.of("percent", "usd"), "a share of spend like \"< 10%\" or an amount like \"< $2.50\""),
    SECURITY_FINDINGS(List.of("count"), "a whole count like \"== 0\"");

    private final List<String> units;
    private final String example;

    Metric(List<String> units, String example) {
        this.units = units;
        this.example = example;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    List<String> units() {
        return units;
    }

    /** What a condition for this metric looks like, for error messages. */
    String example() {
        return example;
    }

    static Optional<Metric> fromLabel(String label) {
        return Arrays.stream(values()).filter(metric -> metric.label().equals(label)).findFirst();
    }

    static String known() {
        return Arrays.stream(values()).map(Metric::label).collect(Collectors.joining(", "));
    }
}
