package dev.brownout.reports;

/**
 * How fast the SUT got round a faulted phase.
 *
 * @param timeToFailoverMs from the phase's start to the first window from which availability stays within 5
 *                         percentage points of the baseline's for the rest of the phase; 0 when it never fell
 *                         below, null when the phase ended below it
 * @param timeToRecoverMs  from the phase's end to the first window whose quality is back within 2 percentage
 *                         points of the baseline's (and the next window's too); null when it never was
 */
public record FailoverResult(String phase, Long timeToFailoverMs, Long timeToRecoverMs) {
}
