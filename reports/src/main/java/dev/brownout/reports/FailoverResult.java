package dev.brownout.reports;

/**
 * How fast the SUT got round a faulted phase.
 *
 * @param timeToFailoverMs from the phase's start to the first window whose availability is back within 5% of
 *                         the baseline's; null when that never happened in the phase
 * @param timeToRecoverMs  from the phase's end to the first window whose quality is back within 2% of the
 *                         baseline's; null when it never was before the run ended
 */
public record FailoverResult(String phase, Long timeToFailoverMs, Long timeToRecoverMs) {
}
