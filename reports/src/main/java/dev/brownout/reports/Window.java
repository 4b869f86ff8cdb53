package dev.brownout.reports;

/** A fixed slice of the run, by the intended send time of its exchanges. */
public record Window(long startMs, long endMs, String phase, long exchanges, long answered, Double availability,
                     Double quality, Double baselineAvailability, Double baselineQuality, Double iqLoss,
                     Double p99LatencyMs) {
}
