package dev.brownout.reports;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where the fault-free comparison came from. */
public enum BaselineMode {
    /** played just before, same workload and seed, no faults */
    AUTO,
    /** read from a stored result */
    FILE,
    /** none: IQ loss and cost amplification are unknown, not zero */
    NONE;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static BaselineMode fromLabel(String label) {
        for (BaselineMode mode : values()) {
            if (mode.label().equals(label)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown baseline mode '" + label + "'; known: auto, file, none");
    }
}
