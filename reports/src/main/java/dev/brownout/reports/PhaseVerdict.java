package dev.brownout.reports;

/**
 * The verdict on one faulted phase: did the SUT answer through it, and if not, did it fail cleanly.
 *
 * @param phase                the phase's name
 * @param expected             {@code answer}, or {@code error} where the scenario declares that the right outcome
 *                             is a clean error (a refusal that must not be routed around)
 * @param verdict              the phase's verdict; null when no task was due in it, so there was nothing to judge
 * @param reason               one sentence: the figures and the check that decided the verdict
 * @param exchanges            the tasks due in the phase, aborted ones left out
 * @param answered             those the SUT answered
 * @param availability         answered / exchanges; null when there were none
 * @param baselineAvailability the same in the baseline's phase; null without a baseline (then the phase is held
 *                             against every task answered)
 */
public record PhaseVerdict(String phase, String expected, Verdict verdict, String reason, long exchanges,
                           long answered, Double availability, Double baselineAvailability) {

    /** {@link #expected()} of a phase that should be answered. */
    public static final String ANSWER = "answer";
    /** {@link #expected()} of a phase whose right outcome is a clean error. */
    public static final String ERROR = "error";
}
