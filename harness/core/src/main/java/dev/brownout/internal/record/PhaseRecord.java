package dev.brownout.internal.record;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A phase as it was played: when the timeline planned it and when its faults actually held.
 *
 * @param plannedAt  the phase's offset in the (scaled) timeline
 * @param startedAt  offset from the run's start when the executor began setting its faults
 * @param tookEffect for every target, the moment its proxy and its behaviour were in the phase's state
 */
public record PhaseRecord(String name, Duration plannedAt, Duration startedAt, Map<String, Instant> tookEffect) {

    public PhaseRecord {
        tookEffect = Collections.unmodifiableMap(new LinkedHashMap<>(tookEffect));
    }
}
