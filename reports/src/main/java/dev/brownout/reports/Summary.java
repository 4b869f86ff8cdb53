package dev.brownout.reports;

/**
 * The whole run's exchanges.
 *
 * @param aborted      in flight when the run stopped early; counted nowhere else
 * @param truncated    truncated successes: answered exchanges whose answer is incomplete (counted in answered too)
 * @param availability answered / (exchanges - aborted), or null when there were none
 */
public record Summary(long exchanges, long answered, long errors, long timeouts, long aborted, long truncated,
                      long correct, Double availability, Latency latency, Latency ttft) {
}
