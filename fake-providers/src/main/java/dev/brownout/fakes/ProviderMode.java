package dev.brownout.fakes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a provider's answers come from; faults, pacing, rate limits, auth and the ledger apply in every mode. */
public enum ProviderMode {
    /** Planned by the fake itself: canaries solved and graded by the oracle, filler for anything else. */
    SIMULATED("simulated"),
    /** Forwarded to a real API of the provider's dialect, and each exchange appended to a cassette. */
    UPSTREAM("upstream"),
    /** Answered from a cassette recorded in upstream mode, offline; an unrecorded request is a clear 4xx. */
    REPLAY("replay");

    private final String label;

    ProviderMode(String label) {
        this.label = label;
    }

    /** The mode as a scenario or world file spells it. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The mode a file spells {@code label}; an unknown label is refused naming the valid ones. */
    @JsonCreator
    public static ProviderMode fromLabel(String label) {
        for (ProviderMode mode : values()) {
            if (mode.label.equals(label)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown provider mode '" + label + "'; use simulated, upstream or replay");
    }
}
