package dev.brownout.internal.world;

import dev.brownout.internal.record.ConnectionRecord;

import java.util.List;

/**
 * What the fault proxy's connection log held for a world's targets: every connection accepted in front of them
 * since the world started, in log order; or why there is none.
 *
 * @param dropped    entries the proxy evicted before they were read (the log is bounded); they are missing here
 * @param notCounted why connections were not logged (the fault proxy is the real Toxiproxy), or null when they were
 */
public record ProxyConnectionLog(List<ConnectionRecord> entries, long dropped, String notCounted) {

    public ProxyConnectionLog {
        entries = List.copyOf(entries);
    }

    static ProxyConnectionLog notCounted(String reason) {
        return new ProxyConnectionLog(List.of(), 0, reason);
    }

    /** Whether the fault proxy logged connections at all. */
    public boolean kept() {
        return notCounted == null;
    }
}
