package dev.brownout.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Toxiproxy toxics a scenario can set (and the {@code blackhole} extension), with their attributes.
 * A scenario writes times as durations; the toxic keeps each attribute in Toxiproxy's own unit.
 */
public enum ToxicKind {
    LATENCY("latency", List.of(new Attribute("latency", Unit.MILLIS, true), new Attribute("jitter", Unit.MILLIS, false))),
    BANDWIDTH("bandwidth", List.of(new Attribute("rate", Unit.KILOBYTES_PER_SECOND, true))),
    SLOW_CLOSE("slow_close", List.of(new Attribute("delay", Unit.MILLIS, true))),
    TIMEOUT("timeout", List.of(new Attribute("timeout", Unit.MILLIS, true))),
    RESET_PEER("reset_peer", List.of(new Attribute("timeout", Unit.MILLIS, true))),
    SLICER("slicer", List.of(new Attribute("average_size", Unit.BYTES, true),
            new Attribute("size_variation", Unit.BYTES, false), new Attribute("delay", Unit.MICROS, false))),
    LIMIT_DATA("limit_data", List.of(new Attribute("bytes", Unit.BYTES, true))),
    /** Accepts connections and never answers; the embedded proxy's extension toxic. */
    BLACKHOLE("brownout.blackhole", List.of());

    /** The unit Toxiproxy counts an attribute in. */
    public enum Unit {
        MILLIS, MICROS, KILOBYTES_PER_SECOND, BYTES;

        boolean isTime() {
            return this == MILLIS || this == MICROS;
        }
    }

    /** @param required whether a scenario must give it; an omitted optional attribute is 0 */
    public record Attribute(String name, Unit unit, boolean required) {
    }

    private final String toxiproxyType;
    private final List<Attribute> attributes;

    ToxicKind(String toxiproxyType, List<Attribute> attributes) {
        this.toxiproxyType = toxiproxyType;
        this.attributes = attributes;
    }

    /** The name in a scenario file: {@code latency}, {@code slow_close}, {@code blackhole} ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code type} Toxiproxy's API takes. */
    public String toxiproxyType() {
        return toxiproxyType;
    }

    public List<Attribute> attributes() {
        return attributes;
    }

    static Optional<ToxicKind> fromLabel(String label) {
        for (ToxicKind kind : values()) {
            if (kind.label().equals(label)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
