package dev.brownout.reports.scorecard;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a cell's run showed, the figures behind its verdict; the definitions are in docs/reports.md ("Scorecard").
 *
 * @param attempts           per provider: its ledger's calls during the timeline (the probe's excluded) plus the
 *                           connection attempts its fault proxy saw that reached no ledger, as the conduct checks
 *                           count them
 * @param maxAttemptsPerTask the most calls one task made, over all providers, in the ledgers (exact: ledger calls
 *                           carry the task id); null when no call carried one
 * @param timeToFirstRetryMs the median, over the tasks with two ledger calls or more, of the time from a task's
 *                           first call to its second; null when no task was retried
 * @param elapsedMedianMs    the median exchange latency (intended send to end, every outcome); null without exchanges
 * @param elapsedMaxMs       the longest exchange latency; null without exchanges
 * @param truncatedSuccesses answers the caller took as successes that were incomplete ({@code summary.truncated})
 * @param hangs              exchanges that timed out, or ran past the scenario's {@code no_hang_past} bound
 * @param firstFailingCheck  the first required check that failed, else the first advisory one; null when none failed
 * @param availability       answered / exchanges over the run ({@code summary.availability}); null without exchanges
 */
public record CellEvidence(Map<String, Long> attempts, Long maxAttemptsPerTask, Double timeToFirstRetryMs,
                           Double elapsedMedianMs, Double elapsedMaxMs, long truncatedSuccesses, long hangs,
                           FailingCheck firstFailingCheck, Double availability) {

    public CellEvidence {
        attempts = attempts == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(attempts));
    }
}
