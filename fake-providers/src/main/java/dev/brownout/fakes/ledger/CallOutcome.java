package dev.brownout.fakes.ledger;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a provider call ended, as the provider saw it. */
public enum CallOutcome {
    /** The whole answer was sent, with its terminator unless an {@code unterminated} fault left that out. */
    COMPLETE,
    /** The answer stopped part-way without a terminator or an error. */
    CUT,
    /** A non-streaming answer was sent whole but its JSON was broken. */
    MALFORMED,
    /** A mid-stream error event was sent after HTTP 200. */
    STREAM_ERROR,
    /** An HTTP error status was returned instead of an answer. */
    ERROR,
    /** The request was accepted and never answered: held open, or closed with nothing sent after a hang's duration. */
    HANG,
    /** The client went away before the answer was complete. */
    CLIENT_DISCONNECTED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
