package dev.brownout.internal.measure;

import dev.brownout.internal.record.ConnectionRecord;

import java.util.List;

/**
 * The fault proxy's connection log as the conduct checks read it: the connections accepted in front of the
 * world's targets during a run, or why there is no log (the fault proxy was the real Toxiproxy), which the checks
 * that count attempts then say rather than count as if nothing happened.
 *
 * @param notCounted why connection attempts could not be counted, or null when {@code entries} is the whole log
 */
public record ProxyConnections(List<ConnectionRecord> entries, String notCounted) {

    public ProxyConnections {
        entries = List.copyOf(entries);
    }

    /** The log of a run: {@code entries} is every connection the fault proxy accepted. */
    public static ProxyConnections of(List<ConnectionRecord> entries) {
        return new ProxyConnections(entries, null);
    }

    /** A run whose connections were not logged, and why. */
    public static ProxyConnections notCounted(String reason) {
        return new ProxyConnections(List.of(), reason);
    }

    /** For judging a ledger alone: no connection to add, and nothing to say about it. */
    static ProxyConnections none() {
        return of(List.of());
    }
}
