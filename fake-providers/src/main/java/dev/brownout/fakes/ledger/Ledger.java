package dev.brownout.fakes.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * An append-only, bounded journal of what a fake saw. Every entry gets a sequence number starting at 1;
 * readers page through it with a {@code since} cursor, so a remote harness can poll without missing
 * or repeating entries. When full, each append evicts the oldest entry (a ring, so an append costs the same
 * however full the ledger is: evicting a block at once shifted the whole ledger under its lock while every
 * request waited to append), and evictions are counted, so a reader that fell behind learns how many it missed.
 */
public final class Ledger<E> {

    public static final int DEFAULT_CAPACITY = 1_000_000;
    private static final int INITIAL_SLOTS = 1024;

    private final int capacity;
    /** The entries, oldest at {@code head}, wrapping around; grown until it holds {@code capacity}. */
    private Object[] ring;
    private int head;
    private int size;
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
        this.ring = new Object[Math.min(capacity, INITIAL_SLOTS)];
    }

    /** Appends the entry the factory builds for the next sequence number, and returns it. */
    public synchronized E append(LongFunction<E> entryForSequence) {
        if (size == capacity) {
            ring[head] = null;
            head = (head + 1) % ring.length;
            size--;
            firstSequence++;
        } else if (size == ring.length) {
            grow();
        }
        E entry = entryForSequence.apply(++lastSequence);
        ring[(head + size) % ring.length] = entry;
        size++;
        return entry;
    }

    /** Entries with a sequence number greater than {@code since}, at most {@code limit} of them. */
    public synchronized LedgerPage<E> since(long since, int limit) {
        long cursor = Math.max(0, since);
        int from = (int) Math.min(size, Math.max(0, cursor - firstSequence + 1));
        int to = (int) Math.min(size, (long) from + Math.max(0, limit));
        List<E> page = copy(from, to);
        long next = page.isEmpty() ? cursor : firstSequence + to - 1;
        long dropped = Math.max(0, firstSequence - 1 - cursor);
        return new LedgerPage<>(page, next, dropped);
    }

    public synchronized List<E> all() {
        return copy(0, size);
    }

    public synchronized long lastSequence() {
        return lastSequence;
    }

    /** How many entries were evicted to stay within capacity. */
    public synchronized long evicted() {
        return firstSequence - 1;
    }

    /** The entries from the {@code from}-th oldest held to before the {@code to}-th, in order. */
    @SuppressWarnings("unchecked")
    private List<E> copy(int from, int to) {
        List<E> entries = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            entries.add((E) ring[(head + i) % ring.length]);
        }
        return List.copyOf(entries);
    }

    private void grow() {
        Object[] grown = new Object[(int) Math.min(capacity, (long) ring.length * 2)];
        for (int i = 0; i < size; i++) {
            grown[i] = ring[(head + i) % ring.length];
        }
        ring = grown;
        head = 0;
    }
}
