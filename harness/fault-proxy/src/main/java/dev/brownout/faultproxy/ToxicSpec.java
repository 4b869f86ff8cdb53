package dev.brownout.faultproxy;

import dev.brownout.faultproxy.internal.toxics.ToxicType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One configured toxic, immutable; an update produces a new spec with the same name.
 * {@code streamAsSent} is kept because Toxiproxy echoes the stream exactly as the client sent it.
 */
record ToxicSpec(String name, ToxicType type, Direction direction, String streamAsSent, float toxicity,
                 Map<String, Long> attributes) {

    ToxicSpec {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    ToxicSpec withUpdate(Map<String, Long> newAttributes, float newToxicity) {
        return new ToxicSpec(name, type, direction, streamAsSent, newToxicity, newAttributes);
    }

    long attribute(String attribute) {
        Long value = attributes.get(attribute);
        return value == null ? 0 : value;
    }
}
