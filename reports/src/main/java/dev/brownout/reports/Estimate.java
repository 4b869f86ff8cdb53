package dev.brownout.reports;

/**
 * A figure with its 95% confidence interval.
 *
 * @param low  the interval's lower end, or null when it cannot be estimated (too few exchanges)
 * @param high the interval's upper end, or null likewise
 */
public record Estimate(double value, Double low, Double high) {
}
