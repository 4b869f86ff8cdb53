package dev.brownout.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One phase of the timeline: from {@code at} until the next phase (or the end of the run), exactly
 * {@code faults} hold; every target it does not name is clean.
 *
 * @param expect what a well-behaved SUT does with the phase's tasks: answer them (the default), or return a clean
 *               error where the fault must reach the caller
 */
public record Phase(Duration at, String name, List<TargetFaults> faults, ExpectedOutcome expect) {

    public Phase {
        faults = faults == null ? List.of() : List.copyOf(faults);
        expect = expect == null ? ExpectedOutcome.ANSWER : expect;
    }

    /** A phase whose tasks should be answered. */
    public Phase(Duration at, String name, List<TargetFaults> faults) {
        this(at, name, faults, ExpectedOutcome.ANSWER);
    }

    public Optional<TargetFaults> faultsOn(String target) {
        return faults.stream().filter(f -> f.target().equals(target)).findFirst();
    }

    Phase loadScaled(double factor) {
        return new Phase(at, name, faults.stream().map(f -> f.loadScaled(factor)).toList(), expect);
    }

    Phase scaled(double factor) {
        return new Phase(TimeScale.time(at, factor), name, faults.stream().map(f -> f.scaled(factor)).toList(), expect);
    }
}
