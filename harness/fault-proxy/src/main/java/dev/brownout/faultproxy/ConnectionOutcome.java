package dev.brownout.faultproxy;

import dev.brownout.faultproxy.internal.toxics.BlackholeToxic;

/**
 * How a proxied connection ended, as the connection log reports it. The first thing that decided a
 * connection's fate wins: a connection a toxic reset stays {@code reset_by_toxic} even though the proxy
 * then closed it.
 */
enum ConnectionOutcome {

    /** Accepted, the upstream dialled and data passed until one side closed. */
    FORWARDED("forwarded"),
    /** The proxy was disabled: accepted and reset at once, nothing read or dialled. */
    REFUSED_WHILE_DOWN("refused_while_down"),
    /** Accepted, but dialling the upstream failed, so the client was closed. */
    UPSTREAM_REFUSED("upstream_refused"),
    /** A {@code reset_peer} toxic reset it. */
    RESET_BY_TOXIC("reset_by_toxic"),
    /** A {@code timeout} toxic swallowed its data or closed it. */
    TIMED_OUT_BY_TOXIC("timed_out_by_toxic"),
    /** A {@code brownout.blackhole} toxic held it: never dialled (or dropped), never answered. */
    BLACKHOLED_BY_TOXIC("blackholed_by_toxic"),
    /** Another toxic closed it ({@code limit_data}). */
    CLOSED_BY_TOXIC("closed_by_toxic"),
    /** The proxy was disabled, deleted, or the server stopped while it was open. */
    CLOSED_BY_PROXY("closed_by_proxy");

    private final String label;

    ConnectionOutcome(String label) {
        this.label = label;
    }

    /** The name on the wire. */
    String label() {
        return label;
    }

    /** What a toxic of this type makes of a connection it acts on. */
    static ConnectionOutcome endedBy(ToxicSpec spec) {
        return switch (spec.type().name()) {
            case "reset_peer" -> RESET_BY_TOXIC;
            case "timeout" -> TIMED_OUT_BY_TOXIC;
            case BlackholeToxic.NAME -> BLACKHOLED_BY_TOXIC;
            default -> CLOSED_BY_TOXIC;
        };
    }
}
