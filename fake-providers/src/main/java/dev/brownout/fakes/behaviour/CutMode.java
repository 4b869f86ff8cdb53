package dev.brownout.fakes.behaviour;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How an answer that stops part-way ends on the wire. */
public enum CutMode {
    /**
     * The body ends properly (HTTP/1.1's closing zero-length chunk) with no {@code [DONE]} or
     * {@code message_stop}: the client sees a short answer and no error.
     */
    CLEAN("clean"),
    /**
     * The connection is closed (FIN) without the closing chunk, so the client's HTTP layer sees a broken body.
     */
    ABORT("abort"),
    /** The connection is reset (RST, by closing with SO_LINGER 0): the client sees "connection reset". */
    RESET("reset");

    private final String label;

    CutMode(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static CutMode fromLabel(String label) {
        for (CutMode mode : values()) {
            if (mode.label.equals(label)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown cut mode '" + label + "'; use clean, abort or reset");
    }
}
