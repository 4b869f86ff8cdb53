package dev.brownout.reports;

/**
 * A gate as the scenario declares it; whether it passed is the gate evaluation's business.
 *
 * @param metric     e.g. {@code iq_loss}, {@code p99_latency}
 * @param comparator one of {@code <}, {@code <=}, {@code >}, {@code >=}, {@code ==}
 * @param threshold  in the unit's stored form: a fraction for percent, seconds for durations
 * @param unit       {@code percent}, {@code duration}, {@code ratio}, {@code usd} or {@code count}
 * @param written    the condition as the scenario wrote it, e.g. {@code < 5%}
 */
public record GateSpec(String metric, String comparator, double threshold, String unit, String written) {
}
