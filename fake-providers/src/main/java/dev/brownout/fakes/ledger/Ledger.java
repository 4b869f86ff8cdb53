package dev.brownout.fakes.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * An append-only, bounded journal of what a fake saw. Every entry gets a sequence number starting at 1;
 * readers page through it with a {@code since} cursor, so a remote harness can poll without missing
 * or repeating entries. When full, the oldest tenth is evicted at once (amortised O(1) appends) and
 * counted, so a reader that fell behind learns how many it missed.
 */
public final class Ledger<E> {

    public static final int DEFAULT_CAPACITY = 1_000_000;

    private final int capacity;
    private final ArrayList<E> entries = new ArrayList<>();
    private long firstSequence = 1;
    private long lastSequence;

    public Ledger() {
        this(DEFAULT_CAPACITY);
    }

    public Ledger(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("ledger capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /** Appends the entry the factory builds for the next sequence number, and returns it. */
    public synchronized E append(LongFunction<E> entryForSequence) {
        if (entries.size() == capacity) {
            int evict = Math.max(1, capacity / 10);
            entries.subList(0, evict).clear();
            firstSequence += evict;
        }
        E entry = entryForSequence.apply(++lastSequence);
        entries.add(entry);
        return entry;
    }

    /** Entries with a sequence number greater than {@code since}, at most {@code limit} of them. */
    public synchronized LedgerPage<E> since(long since, int limit) {
        long cursor = Math.max(0, since);
        int from = (int) Math.min(entries.size(), Math.max(0, cursor - firstSequence + 1));
        int to = (int) Math.min(entries.size(), (long) from + Math.max(0, limit));
        List<E> page = List.copyOf(entries.subList(from, to));
        long next = page.isEmpty() ? cursor : firstSequence + to - 1;
        long dropped = Math.max(0, firstSequence - 1 - cursor);
        return new LedgerPage<>(page, next, dropped);
    }

    public synchronized List<E> all() {
        return List.copyOf(entries);
    }

    public synchronized long lastSequence() {
        return lastSequence;
    }

    /** How many entries were evicted to stay within capacity. */
    public synchronized long evicted() {
        return firstSequence - 1;
    }
}
