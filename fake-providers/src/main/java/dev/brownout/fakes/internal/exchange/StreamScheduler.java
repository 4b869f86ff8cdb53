package dev.brownout.fakes.internal.exchange;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads that pace every answer of a provider: each reply in flight waits here for its next instant
 * (headers, first token, next token, the end of a hang) as one entry, and no thread is held per request,
 * stream or token. A task runs at or after its instant; it must not block, so it only hands bytes to the
 * connection's non-blocking writes. One lane (a thread and its queue) per CPU, since those writes are system
 * calls one thread cannot make fast enough for thousands of streams; a reply stays on the lane it started on.
 */
public final class StreamScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamScheduler.class);

    /**
     * How early a task may run: what is due this close runs in the pass already under way instead of after
     * another sleep. At thousands of streams the lane otherwise sleeps and wakes for every few tokens, and each
     * wake-up costs more than the tokens it sends; 0.2 ms is far inside every pacing bound the fakes promise.
     */
    static final long EARLY_NANOS = 200_000;

    private record Entry(long at, long order, Runnable task) {
    }

    private final Lane[] lanes;
    private final AtomicInteger nextLane = new AtomicInteger();
    private volatile boolean closed;

    /** Starts one lane per CPU; {@code name} (the provider's) names the threads. */
    public StreamScheduler(String name) {
        this(name, Runtime.getRuntime().availableProcessors());
    }

    StreamScheduler(String name, int threads) {
        lanes = new Lane[Math.max(1, threads)];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane("brownout-pacer-" + name + "-" + i);
        }
    }

    /**
     * Runs {@code task} at {@code System.nanoTime()} instant {@code at}, or as soon after as it can: on the lane
     * of the calling pacer thread, so a reply keeps to one lane, else on the next lane in turn.
     */
    void at(long at, Runnable task) {
        for (Lane lane : lanes) {
            if (Thread.currentThread() == lane.thread) {
                lane.waiting.add(new Entry(at, lane.order++, task));
                return;
            }
        }
        lanes[Math.floorMod(nextLane.getAndIncrement(), lanes.length)].submit(at, task);
    }

    /**
     * Runs {@code task} on a pacer thread now, holding back everything the pacer paces, on every lane, until the
     * task returns: how a test makes the pacer late on purpose.
     */
    public void runOnPacer(Runnable task) {
        CountDownLatch done = new CountDownLatch(1);
        long now = System.nanoTime();
        lanes[0].submit(now, () -> {
            try {
                task.run();
            } finally {
                done.countDown();
            }
        });
        for (int i = 1; i < lanes.length; i++) {
            lanes[i].submit(now, () -> {
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    /** Stops the threads; what was still waiting is dropped (its connections close with the listener). */
    @Override
    public void close() {
        closed = true;
        for (Lane lane : lanes) {
            LockSupport.unpark(lane.thread);
        }
    }

    private final class Lane {

        private final Thread thread;
        private final Queue<Entry> submitted = new ConcurrentLinkedQueue<>();
        /** Touched only by the lane's thread: entries by instant, then in the order they came. */
        private final PriorityQueue<Entry> waiting = new PriorityQueue<>(1024,
                (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
        private final ArrayDeque<Entry> dueNow = new ArrayDeque<>();
        private long order;

        Lane(String name) {
            thread = Thread.ofPlatform().daemon().name(name).unstarted(this::run);
            thread.start();
        }

        void submit(long at, Runnable task) {
            submitted.add(new Entry(at, 0, task));
            LockSupport.unpark(thread);
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
                if (next.at - now > EARLY_NANOS) {
                    LockSupport.parkNanos(this, next.at - now - EARLY_NANOS / 2);
                    continue;
                }
                // Everything due by now (or within EARLY_NANOS) runs in instant order; what those tasks schedule
                // waits for the next pass.
                long horizon = now + EARLY_NANOS;
                while ((next = waiting.peek()) != null && next.at - horizon <= 0) {
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
    }
}
