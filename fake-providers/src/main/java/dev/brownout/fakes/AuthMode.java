package dev.brownout.fakes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a provider checks who is calling. */
public enum AuthMode {
    /** A key unique to this provider, in the dialect's header. */
    API_KEY("api-key"),
    /** A bearer JWT issued by the world's OAuth server for this provider's audience. */
    OAUTH("oauth"),
    /** Anyone may call. */
    NONE("none");

    private final String label;

    AuthMode(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static AuthMode fromLabel(String label) {
        for (AuthMode mode : values()) {
            if (mode.label.equals(label)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown auth mode '" + label + "'; use api-key, oauth or none");
    }
}
