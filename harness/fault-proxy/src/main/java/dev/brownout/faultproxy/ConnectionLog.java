package dev.brownout.faultproxy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Every connection the server's proxies accepted, in the order they ended, numbered from 1 across the
 * server. Readers page through it with a {@code since} cursor, as through a fake's ledger. Bounded: when
 * full, the oldest tenth goes at once and is counted, so a reader that fell behind learns how many it missed.
 */
final class ConnectionLog {

    static final int DEFAULT_CAPACITY = 100_000;

    /** Entries after a cursor, the cursor to pass next, the newest sequence number and what was evicted unread. */
    record Page(List<ConnectionEntry> entries, long next, long last, long dropped) {
    }

    private final int capacity;
    private final ArrayList<ConnectionEntry> entries = new ArrayList<>();
    private long firstSequence = 1;
    private long lastSequence;

    ConnectionLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("connection log capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    synchronized ConnectionEntry append(LongFunction<ConnectionEntry> entryForSequence) {
        if (entries.size() == capacity) {
            int evict = Math.max(1, capacity / 10);
            entries.subList(0, evict).clear();
            firstSequence += evict;
        }
        ConnectionEntry entry = entryForSequence.apply(++lastSequence);
        entries.add(entry);
        return entry;
    }

    /**
     * Up to {@code limit} entries after {@code since}, of the proxy named {@code proxy} or of every proxy when it
     * is null. {@code next} is the last entry looked at, so a filtered reader never scans an entry twice.
     */
    synchronized Page since(long since, int limit, String proxy) {
        long cursor = Math.max(0, since);
        int from = (int) Math.min(entries.size(), Math.max(0, cursor - firstSequence + 1));
        List<ConnectionEntry> page = new ArrayList<>();
        long next = cursor;
        for (int i = from; i < entries.size() && page.size() < limit; i++) {
            ConnectionEntry entry = entries.get(i);
            next = entry.seq();
            if (proxy == null || proxy.equals(entry.proxy())) {
                page.add(entry);
            }
        }
        long dropped = Math.max(0, firstSequence - 1 - cursor);
        return new Page(List.copyOf(page), next, lastSequence, dropped);
    }
}
