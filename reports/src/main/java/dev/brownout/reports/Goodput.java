package dev.brownout.reports;

/**
 * Work done per second, against the baseline's: how many answers were correct (graded 1) per second the run (or a
 * phase) played, and the goodput loss, {@code 1 − rate / baseline rate}. IQ loss compares the tasks both runs sent;
 * goodput loss also counts the work a run never got to, which is what a closed-model run (agents waiting on their
 * answers) loses when its SUT slows down.
 *
 * @param correct             this run's exchanges due in the span whose answer was graded 1
 * @param seconds             how long the span played in this run, the rate's denominator; 0 for a phase the run
 *                            never reached
 * @param baselineCorrect     the same count in the baseline; null without a baseline
 * @param baselineSeconds     how long the span played in the baseline; null without a baseline
 * @param loss                {@code 1 − (correct / seconds) / (baselineCorrect / baselineSeconds)}, a fraction with
 *                            its 95% interval (exact, for a ratio of two Poisson rates); negative for a gain. Null
 *                            without a baseline, when the baseline had no correct answer or the span never played
 * @param baselineTasks       the baseline's exchanges due in the span (aborted ones left out); null without a baseline
 * @param unsentBaselineTasks of those, the ones whose task this run never sent (or had in flight when it stopped
 *                            early): the tasks IQ loss leaves out; 0 without a baseline
 */
public record Goodput(long correct, double seconds, Long baselineCorrect, Double baselineSeconds, Estimate loss,
                      Long baselineTasks, long unsentBaselineTasks) {
}
