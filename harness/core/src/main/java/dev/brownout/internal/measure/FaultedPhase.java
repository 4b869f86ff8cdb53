package dev.brownout.internal.measure;

import dev.brownout.scenario.ExpectedOutcome;

/**
 * A phase that holds faults, as the verdict judges it.
 *
 * @param startMs when it starts, in ms from the run's start (the exchanges' clock)
 * @param endMs   when it ends; a provider call without a task id made in between belongs to the phase
 * @param expect  what a well-behaved SUT does with its tasks
 */
public record FaultedPhase(String name, double startMs, double endMs, ExpectedOutcome expect) {

    public FaultedPhase {
        expect = expect == null ? ExpectedOutcome.ANSWER : expect;
    }

    /** Whether a moment, in ms from the run's start, lies in the phase. */
    boolean holds(double atMs) {
        return atMs >= startMs && atMs < endMs;
    }
}
