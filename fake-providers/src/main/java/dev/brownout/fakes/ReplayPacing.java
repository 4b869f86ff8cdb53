package dev.brownout.fakes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The pace a provider in {@code upstream} or {@code replay} mode sends a sourced answer at. */
public enum ReplayPacing {
    /**
     * The upstream's own: in upstream mode the answer leaves as soon as the upstream has sent it; in replay mode
     * at the recorded time to first token and mean token gap, scaled by the world's time scale.
     */
    RECORDED("recorded"),
    /** The serving model's catalog profile, as a simulated answer is paced (added to the upstream's wait). */
    CATALOG("catalog");

    private final String label;

    ReplayPacing(String label) {
        this.label = label;
    }

    /** The pacing as a scenario or world file spells it. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The pacing a file spells {@code label}; an unknown label is refused naming the valid ones. */
    @JsonCreator
    public static ReplayPacing fromLabel(String label) {
        for (ReplayPacing pacing : values()) {
            if (pacing.label.equals(label)) {
                return pacing;
            }
        }
        throw new IllegalArgumentException("unknown pacing '" + label + "'; use recorded or catalog");
    }
}
