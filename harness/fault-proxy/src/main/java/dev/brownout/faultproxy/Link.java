package dev.brownout.faultproxy;

import dev.brownout.faultproxy.internal.toxics.Chunk;
import dev.brownout.faultproxy.internal.toxics.ToxicBehaviour;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One direction of a proxied connection: a reader thread that turns socket reads into chunks and a
 * pump thread that runs them through the toxics to the destination. With no toxics the reader writes
 * straight to the destination, which keeps the plain proxy path to one copy and no hand-off.
 * The control API only flips flags and rewires stages under the lock and never waits for the pump,
 * so no toxic change can hang the API.
 */
final class Link {

    private static final Object END = new Object();
    /** Toxiproxy's chunk size: toxics see reads of at most this many bytes. */
    private static final int READ_SIZE = 32 * 1024;
    /** With no toxics, bigger reads mean fewer system calls and park/unpark cycles per byte. */
    private static final int PLAIN_READ_SIZE = 64 * 1024;
    /** As Toxiproxy's latency stub input: enough chunks that a delay does not throttle throughput. */
    private static final int BUFFERED_CHUNKS = 1024;
    private static final long BUFFERED_BYTES_PER_LINK = 32L * 1024 * 1024;
    /** Chunks a link always may queue, like the one-chunk hand-offs between Toxiproxy's stages. */
    private static final int UNBUFFERED_CHUNKS = 2;
    private static final long BUDGET_RETRY_NANOS = 10_000_000L;
    private static final long LOCK_WAIT_SECONDS = 5;

    /** A queued chunk (or END) and whether its bytes came out of the shared budget. */
    private record Queued(Object item, int reservedBytes) {
    }

    final Connection connection;
    final Direction direction;
    private final BufferBudget budget;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Condition space = lock.newCondition();
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private long queuedBytes;
    private final List<Stage> stages = new ArrayList<>();
    private final Stage head;
    private final Stage sink;
    private boolean pumpBusy;
    private boolean closed;
    /** For the connection log: bytes read from the source, and bytes delivered to the destination. */
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();
    /**
     * The instant the chunk the pump is forwarding was due at its destination: when it was read, moved later by every
     * delay a toxic planned for it. The pump's own; the time past it is the delay the proxy added on its own.
     */
    private long plannedNanos;
    /** The longest any chunk of this direction waited past its due instant, in nanoseconds. */
    private final LongAccumulator maxAddedNanos = new LongAccumulator(Long::max, 0);

    Link(Connection connection, Direction direction, List<ToxicSpec> chain, BufferBudget budget) {
        this.connection = connection;
        this.direction = direction;
        this.budget = budget;
        this.sink = new Stage(this, null, new Sink());
        this.head = new Stage(this, null, (chunk, flow) -> flow.emit(chunk));
        Stage previous = head;
        for (ToxicSpec spec : chain) {
            Stage stage = new Stage(this, spec, spec.type().newBehaviour());
            stages.add(stage);
            previous.next = stage;
            previous = stage;
        }
        previous.next = sink;
    }

    void read(Socket source) {
        byte[] buffer = new byte[PLAIN_READ_SIZE];
        try {
            InputStream in = source.getInputStream();
            while (true) {
                // An unlocked look at the chain only picks the read size; offer() decides under the lock.
                int n = in.read(buffer, 0, stages.isEmpty() ? PLAIN_READ_SIZE : READ_SIZE);
                if (n < 0) {
                    break;
                }
                bytesRead.addAndGet(n);
                if (n > 0 && !offer(buffer, n)) {
                    return;
                }
            }
        } catch (IOException e) {
            // A reset or a socket closed under us ends this direction like end-of-stream does.
        }
        offerEnd();
    }

    private boolean offer(byte[] buffer, int n) {
        // Stamped when read, as Toxiproxy does, so time spent waiting for queue space counts as delay.
        long readAt = System.nanoTime();
        boolean direct;
        // Copy outside the lock so the control API never waits behind a large copy.
        byte[] copy = stages.isEmpty() ? null : Arrays.copyOf(buffer, n);
        lock.lock();
        try {
            int reserved = 0;
            while (true) {
                if (closed) {
                    return false;
                }
                if (queue.size() < UNBUFFERED_CHUNKS) {
                    break;
                }
                boolean deep = buffersDeeply();
                if (deep && queue.size() < BUFFERED_CHUNKS && queuedBytes + n <= BUFFERED_BYTES_PER_LINK
                        && budget.tryReserve(n)) {
                    reserved = n;
                    break;
                }
                if (deep) {
                    // The shared budget frees up on other links, which do not signal this one.
                    space.awaitNanos(BUDGET_RETRY_NANOS);
                } else {
                    space.awaitUninterruptibly();
                }
            }
            direct = stages.isEmpty() && queue.isEmpty() && !pumpBusy;
            if (!direct) {
                queue.add(new Queued(new Chunk(copy != null ? copy : Arrays.copyOf(buffer, n), readAt), reserved));
                queuedBytes += n;
                wake.signalAll();
            } else if (reserved > 0) {
                budget.release(reserved);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
        if (direct) {
            try {
                maxAddedNanos.accumulate(System.nanoTime() - readAt);
                writeToDestination(buffer, 0, n);
            } catch (IOException e) {
                connection.close();
                return false;
            }
        }
        return true;
    }

    private void offerEnd() {
        lock.lock();
        try {
            queue.add(new Queued(END, 0));
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private boolean buffersDeeply() {
        for (Stage stage : stages) {
            if (stage.spec.type().buffersChunks()) {
                return true;
            }
        }
        return false;
    }

    void pump() {
        try {
            while (true) {
                Object item = null;
                Stage timer = null;
                List<Stage> restarts = List.of();
                lock.lock();
                try {
                    while (true) {
                        if (closed) {
                            return;
                        }
                        restarts = takeRestarts();
                        if (!restarts.isEmpty()) {
                            break;
                        }
                        Queued queued = queue.poll();
                        if (queued != null) {
                            item = queued.item();
                            if (item instanceof Chunk chunk) {
                                queuedBytes -= chunk.length();
                            }
                            budget.release(queued.reservedBytes());
                            pumpBusy = true;
                            space.signalAll();
                            break;
                        }
                        Stage due = earliestTimer();
                        if (due == null) {
                            wake.awaitUninterruptibly();
                            continue;
                        }
                        long wait = due.timerDeadline - System.nanoTime();
                        if (wait <= 0) {
                            due.timerDeadline = Long.MAX_VALUE;
                            timer = due;
                            break;
                        }
                        wake.awaitNanos(wait);
                    }
                } finally {
                    lock.unlock();
                }
                for (Stage stage : restarts) {
                    if (stage.active) {
                        stage.behaviour.onStart(stage);
                    } else {
                        stage.disarmTimer();
                    }
                }
                if (timer != null) {
                    plannedNanos = System.nanoTime();
                    timer.behaviour.onTimer(timer);
                } else if (item == END) {
                    head.acceptEnd();
                    return;
                } else if (item != null) {
                    plannedNanos = ((Chunk) item).arrivedNanos();
                    head.accept((Chunk) item);
                    lock.lock();
                    try {
                        pumpBusy = false;
                    } finally {
                        lock.unlock();
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            connection.close();
        }
    }

    private List<Stage> takeRestarts() {
        List<Stage> due = null;
        for (Stage stage : stages) {
            if (stage.restartPending) {
                stage.restartPending = false;
                if (due == null) {
                    due = new ArrayList<>();
                }
                due.add(stage);
            }
        }
        return due == null ? List.of() : due;
    }

    private Stage earliestTimer() {
        Stage earliest = null;
        for (Stage stage : stages) {
            if (stage.timerDeadline != Long.MAX_VALUE
                    && (earliest == null || stage.timerDeadline - earliest.timerDeadline < 0)) {
                earliest = stage;
            }
        }
        return earliest;
    }

    /** Waits on behalf of a stage; false when the stage was updated or removed. */
    boolean await(Stage stage, long deadlineNanos) throws IOException {
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    throw new IOException("connection closed");
                }
                if (stage.interrupted) {
                    stage.interrupted = false;
                    return false;
                }
                if (deadlineNanos == Long.MAX_VALUE) {
                    wake.awaitUninterruptibly();
                    continue;
                }
                long wait = deadlineNanos - System.nanoTime();
                if (wait <= 0) {
                    return true;
                }
                wake.awaitNanos(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } finally {
            lock.unlock();
        }
    }

    void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("connection closed");
        }
    }

    void setTimer(Stage stage, long deadlineNanos) {
        lock.lock();
        try {
            stage.timerDeadline = deadlineNanos;
        } finally {
            lock.unlock();
        }
    }

    void addToxic(ToxicSpec spec) {
        Stage added = new Stage(this, spec, spec.type().newBehaviour());
        withLock(() -> {
            Stage previous = stages.isEmpty() ? head : stages.getLast();
            stages.add(added);
            added.next = sink;
            previous.next = added;
            if (previous != head) {
                previous.restart(previous.spec);
            }
        });
    }

    void updateToxic(ToxicSpec spec) {
        withLock(() -> {
            for (Stage stage : stages) {
                if (stage.spec.name().equals(spec.name())) {
                    stage.restart(spec);
                }
            }
        });
    }

    void removeToxic(String name) {
        withLock(() -> {
            for (int i = 0; i < stages.size(); i++) {
                Stage stage = stages.get(i);
                if (stage.spec.name().equals(name)) {
                    Stage previous = i == 0 ? head : stages.get(i - 1);
                    stages.remove(i);
                    previous.next = stage.next;
                    stage.removed = true;
                    stage.interrupted = true;
                    stage.timerDeadline = Long.MAX_VALUE;
                    if (previous != head) {
                        previous.restart(previous.spec);
                    }
                    return;
                }
            }
        });
    }

    /** Stops both threads of this link and returns its buffered bytes; sockets are closed by the connection. */
    void kill() {
        withLock(() -> {
            closed = true;
            for (Queued queued : queue) {
                budget.release(queued.reservedBytes());
            }
            queue.clear();
            queuedBytes = 0;
        });
    }

    /** Bounded so that a pathological lock holder can never hang the control API. */
    private void withLock(Runnable change) {
        boolean locked;
        try {
            locked = lock.tryLock(LOCK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, "interrupted while changing a live connection");
        }
        if (!locked) {
            throw new ApiError(503, "timed out changing a live connection");
        }
        try {
            change.run();
            wake.signalAll();
            space.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void writeToDestination(byte[] data, int offset, int length) throws IOException {
        Socket destination = connection.destination(direction);
        if (destination == null) {
            return;
        }
        OutputStream out = destination.getOutputStream();
        out.write(data, offset, length);
        bytesWritten.addAndGet(length);
    }

    /** A toxic held the current chunk until {@code nanos}: it is not due before then. */
    void plannedNoEarlierThan(long nanos) {
        if (nanos - plannedNanos > 0) {
            plannedNanos = nanos;
        }
    }

    /** The longest any chunk of this direction waited in the proxy past the instant it was due, in milliseconds. */
    double maxAddedDelayMs() {
        return maxAddedNanos.get() / 1e6;
    }

    long bytesRead() {
        return bytesRead.get();
    }

    long bytesWritten() {
        return bytesWritten.get();
    }

    /** The end of every chain: writes to the destination socket, or swallows for a black-holed connection. */
    private final class Sink implements ToxicBehaviour {
        @Override
        public void onChunk(Chunk chunk, dev.brownout.faultproxy.internal.toxics.Flow flow) throws IOException {
            maxAddedNanos.accumulate(System.nanoTime() - plannedNanos);
            writeToDestination(chunk.data(), 0, chunk.length());
        }

        @Override
        public void onEnd(dev.brownout.faultproxy.internal.toxics.Flow flow) {
            connection.endReached(direction);
        }
    }
}
