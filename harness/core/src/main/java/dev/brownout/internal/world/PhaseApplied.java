package dev.brownout.internal.world;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A phase's faults set on the world.
 *
 * @param tookEffect for every target (providers in world order, then {@code oauth}), the moment both its
 *                   proxy and its behaviour were in the phase's state
 */
public record PhaseApplied(String phase, Map<String, Instant> tookEffect) {

    public PhaseApplied {
        tookEffect = Collections.unmodifiableMap(new LinkedHashMap<>(tookEffect));
    }
}
