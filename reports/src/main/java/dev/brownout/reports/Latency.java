package dev.brownout.reports;

/**
 * A latency distribution in milliseconds: end to end from the intended send time, or to the first token.
 * Every figure is null when there was nothing to measure.
 */
public record Latency(long count, Double p50Ms, Double p90Ms, Double p99Ms, Double maxMs) {

    public static final Latency EMPTY = new Latency(0, null, null, null, null);
}
