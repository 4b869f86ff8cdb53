package dev.brownout.harness.proxy;

import dev.brownout.harness.proxy.toxics.Chunk;
import dev.brownout.harness.proxy.toxics.ToxicBehaviour;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    private static final int READ_SIZE = 32 * 1024;
    /** As Toxiproxy's latency stub input: enough chunks that a delay does not throttle throughput. */
    private static final int BUFFERED_CHUNKS = 1024;
    private static final int UNBUFFERED_CHUNKS = 4;
    private static final long LOCK_WAIT_SECONDS = 5;

    final Connection connection;
    final Direction direction;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final Condition space = lock.newCondition();
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final List<Stage> stages = new ArrayList<>();
    private final Stage head;
    private final Stage sink;
    private boolean pumpBusy;
    private boolean closed;

    Link(Connection connection, Direction direction, List<ToxicSpec> chain) {
        this.connection = connection;
        this.direction = direction;
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
        byte[] buffer = new byte[READ_SIZE];
        try {
            InputStream in = source.getInputStream();
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
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
        boolean direct;
        lock.lock();
        try {
            while (!closed && queue.size() >= capacity()) {
                space.awaitUninterruptibly();
            }
            if (closed) {
                return false;
            }
            direct = stages.isEmpty() && queue.isEmpty() && !pumpBusy;
            if (!direct) {
                queue.add(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime()));
                wake.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (direct) {
            try {
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
            queue.add(END);
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private int capacity() {
        for (Stage stage : stages) {
            if (stage.spec.type().buffersChunks()) {
                return BUFFERED_CHUNKS;
            }
        }
        return UNBUFFERED_CHUNKS;
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
                        item = queue.poll();
                        if (item != null) {
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
                    timer.behaviour.onTimer(timer);
                } else if (item == END) {
                    head.acceptEnd();
                    return;
                } else if (item != null) {
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

    /** Stops both threads of this link; sockets are closed by the connection. */
    void kill() {
        withLock(() -> closed = true);
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
    }

    /** The end of every chain: writes to the destination socket, or swallows for a black-holed connection. */
    private final class Sink implements ToxicBehaviour {
        @Override
        public void onChunk(Chunk chunk, dev.brownout.harness.proxy.toxics.Flow flow) throws IOException {
            writeToDestination(chunk.data(), 0, chunk.length());
        }

        @Override
        public void onEnd(dev.brownout.harness.proxy.toxics.Flow flow) {
            connection.endReached(direction);
        }
    }
}
