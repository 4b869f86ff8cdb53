package dev.brownout.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One toxic on the fault proxy in front of a target.
 *
 * @param attributes every attribute of the kind, in Toxiproxy's unit (milliseconds, microseconds for the
 *                   slicer's delay, KB/s, bytes), in the kind's order
 * @param toxicity   share of connections it applies to, in [0, 1]
 */
public record Toxic(ToxicKind kind, ToxicStream stream, double toxicity, Map<String, Long> attributes) {

    public Toxic {
        if (kind == null) {
            throw new IllegalArgumentException("a toxic needs a kind");
        }
        stream = stream == null ? ToxicStream.DOWNSTREAM : stream;
        if (!(toxicity >= 0 && toxicity <= 1)) {
            throw new IllegalArgumentException("toxicity must be between 0 and 1, was " + toxicity);
        }
        Map<String, Long> complete = new LinkedHashMap<>();
        for (ToxicKind.Attribute attribute : kind.attributes()) {
            Long value = attributes == null ? null : attributes.get(attribute.name());
            if (value == null && attribute.required()) {
                throw new IllegalArgumentException(kind.label() + " needs " + attribute.name());
            }
            complete.put(attribute.name(), value == null ? 0L : value);
        }
        attributes = java.util.Collections.unmodifiableMap(complete);
    }

    public long attribute(String name) {
        Long value = attributes.get(name);
        if (value == null) {
            throw new IllegalArgumentException(kind.label() + " has no attribute " + name);
        }
        return value;
    }

    /** Times multiplied by the factor, bandwidth divided by it (so a transfer takes the scaled time), bytes kept. */
    Toxic scaled(double factor) {
        Map<String, Long> scaled = new LinkedHashMap<>();
        for (ToxicKind.Attribute attribute : kind.attributes()) {
            long value = attributes.get(attribute.name());
            scaled.put(attribute.name(), switch (attribute.unit()) {
                case MILLIS, MICROS -> Math.round(value * factor);
                case KILOBYTES_PER_SECOND -> TimeScale.perTime(value, factor);
                case BYTES -> value;
            });
        }
        return new Toxic(kind, stream, toxicity, scaled);
    }
}
