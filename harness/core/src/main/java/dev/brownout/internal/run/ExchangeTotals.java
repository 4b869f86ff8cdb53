package dev.brownout.internal.run;

/**
 * Counts and plain figures over a set of exchanges, kept as the run goes; the measurement proper (IQ loss
 * against a baseline, attribution, latency percentiles, cost) is computed from the run folder into
 * result.json, not here.
 *
 * @param sent         exchanges the driver sent
 * @param aborted      in flight when the run stopped; not counted against the SUT
 * @param meanScore    mean grade over the exchanges that were not aborted; null when there were none
 * @param availability share of those that got an answer; null when there were none
 */
public record ExchangeTotals(long sent, long answered, long errors, long timeouts, long aborted, long truncated,
                             long correct, Double meanScore, Double availability) {
}
