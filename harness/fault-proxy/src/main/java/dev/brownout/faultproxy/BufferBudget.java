package dev.brownout.faultproxy;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes a server may hold in latency buffers across all its links. Toxiproxy lets every latency
 * toxic buffer 1024 chunks per link, so a few hundred flooding connections can exhaust memory;
 * here the deep buffering is shared out from one bounded pool, and a link beyond it waits.
 */
final class BufferBudget {

    static final long DEFAULT_BYTES = 128L * 1024 * 1024;

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    BufferBudget(long limit) {
        this.limit = limit;
    }

    boolean tryReserve(long bytes) {
        while (true) {
            long current = used.get();
            if (current + bytes > limit) {
                return false;
            }
            if (used.compareAndSet(current, current + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    long used() {
        return used.get();
    }
}
