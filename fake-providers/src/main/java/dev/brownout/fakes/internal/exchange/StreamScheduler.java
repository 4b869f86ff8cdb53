package dev.brownout.fakes.internal.exchange;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread that paces every answer of a provider: each reply in flight waits here for its next instant
 * (headers, first token, next token, the end of a hang) as one entry, and no thread is held per request,
 * stream or token. A task runs on this thread at or after its instant; it must not block, so it only hands
 * bytes to the connection's non-blocking writes.
 */
public final class StreamScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamScheduler.class);

    private record Entry(long at, long order, Runnable task) {
    }

    private final Thread thread;
    private final Queue<Entry> submitted = new ConcurrentLinkedQueue<>();
    /** Touched only by the scheduler's thread: entries by instant, then in the order they came. */
    private final PriorityQueue<Entry> waiting = new PriorityQueue<>(1024,
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    private final ArrayDeque<Entry> dueNow = new ArrayDeque<>();
    private long order;
    private volatile boolean closed;

    public StreamScheduler(String name) {
        this.thread = Thread.ofPlatform().daemon().name("brownout-pacer-" + name).unstarted(this::run);
        thread.start();
    }

    /** Runs {@code task} on the scheduler's thread at {@code System.nanoTime()} instant {@code at}, or as soon after as it can. */
    void at(long at, Runnable task) {
        if (Thread.currentThread() == thread) {
            waiting.add(new Entry(at, order++, task));
            return;
        }
        submitted.add(new Entry(at, 0, task));
        LockSupport.unpark(thread);
    }

    /**
     * Runs {@code task} on the scheduler's thread now, holding back everything else it paces until the task
     * returns: how a test makes the pacer late on purpose.
     */
    public void runOnPacer(Runnable task) {
        at(System.nanoTime(), task);
    }

    private void run() {
        while (!closed) {
            Entry entry;
            while ((entry = submitted.poll()) != null) {
                waiting.add(new Entry(entry.at, order++, entry.task));
            }
            Entry next = waiting.peek();
            long now = System.nanoTime();
            if (next == null) {
                LockSupport.park(this);
                continue;
            }
            if (next.at - now > 0) {
                LockSupport.parkNanos(this, next.at - now);
                continue;
            }
            // Everything due by now runs in instant order; what those tasks schedule waits for the next pass.
            while ((next = waiting.peek()) != null && next.at - now <= 0) {
                dueNow.add(waiting.poll());
            }
            while ((entry = dueNow.poll()) != null) {
                try {
                    entry.task.run();
                } catch (RuntimeException | Error e) {
                    LOG.error("a paced task failed", e);
                }
            }
        }
    }

    /** Stops the thread; what was still waiting is dropped (its connections close with the listener). */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
