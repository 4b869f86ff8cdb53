package dev.brownout.reports;

/**
 * A gate as result.json stores it: the scenario's declared gate in plain fields. The typed gate is
 * {@code dev.brownout.reports.gate.Gate}, which reads and writes this form ({@code Gate.from}, {@code Gate.toSpec});
 * the fields stay plain strings so that a result holding a gate this version does not know still reads, and that
 * gate is reported as unknown rather than making the whole result unreadable.
 *
 * @param metric     e.g. {@code iq_loss}, {@code p99_latency}
 * @param comparator one of {@code <}, {@code <=}, {@code >}, {@code >=}, {@code ==}
 * @param threshold  in the unit's stored form: a fraction for percent, seconds for durations
 * @param unit       {@code percent}, {@code duration}, {@code ratio}, {@code usd} or {@code count}
 * @param written    the condition as the scenario wrote it, e.g. {@code < 5%}
 */
public record GateSpec(String metric, String comparator, double threshold, String unit, String written) {
}
