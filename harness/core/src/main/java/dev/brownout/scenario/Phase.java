package dev.brownout.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One phase of the timeline: from {@code at} until the next phase (or the end of the run), exactly
 * {@code faults} hold; every target it does not name is clean.
 */
public record Phase(Duration at, String name, List<TargetFaults> faults) {

    public Phase {
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    public Optional<TargetFaults> faultsOn(String target) {
        return faults.stream().filter(f -> f.target().equals(target)).findFirst();
    }

    Phase loadScaled(double factor) {
        return new Phase(at, name, faults.stream().map(f -> f.loadScaled(factor)).toList());
    }

    Phase scaled(double factor) {
        return new Phase(TimeScale.time(at, factor), name, faults.stream().map(f -> f.scaled(factor)).toList());
    }
}
