package dev.brownout.scenario;

import java.util.Locale;

/** Which direction of a proxied connection a toxic acts on. */
public enum ToxicStream {
    /** Client to server: the requests. */
    UPSTREAM,
    /** Server to client: the responses (Toxiproxy's default). */
    DOWNSTREAM;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
