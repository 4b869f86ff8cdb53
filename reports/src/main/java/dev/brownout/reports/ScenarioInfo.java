package dev.brownout.reports;

import java.util.List;

/**
 * The scenario as it was played.
 *
 * @param timeScale the clock it played on (0.05 plays 4 minutes in 12 s)
 * @param loadScale the share of its load that was sent
 * @param timeline  its phases on that clock
 */
public record ScenarioInfo(String name, String description, long seed, double timeScale, double loadScale,
                           long durationMs, List<PhaseSpec> timeline) {

    public ScenarioInfo {
        timeline = List.copyOf(timeline);
    }
}
