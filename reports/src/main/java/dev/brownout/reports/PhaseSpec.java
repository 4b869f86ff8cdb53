package dev.brownout.reports;

import java.util.List;

/**
 * A phase of the timeline as planned.
 *
 * @param targets the targets the phase puts faults on; empty for a healthy phase
 */
public record PhaseSpec(String name, long atMs, long endMs, List<String> targets) {

    public PhaseSpec {
        targets = List.copyOf(targets);
    }

    public boolean faulted() {
        return !targets.isEmpty();
    }
}
