package dev.brownout.faultproxy.internal.toxics;

import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * What a toxic sees of the link it runs in: a way to pass data on, to wait, and to end the connection.
 * Waits end early when the toxic is updated or removed, or the connection closes; toxics then forward
 * what they hold instead of finishing the delay, as Toxiproxy's interrupted stubs do.
 */
public interface Flow {

    /** Current attribute value of this toxic (updates are visible between waits). */
    long attribute(String name);

    /** Passes a chunk to the next toxic, or writes it to the destination socket. */
    void emit(Chunk chunk) throws IOException;

    /** Passes end-of-stream on. */
    void emitEnd() throws IOException;

    /**
     * Waits until the deadline (System.nanoTime); false if the toxic was updated or removed meanwhile.
     * Throws when the connection closes, which ends the link.
     */
    boolean sleepUntil(long deadlineNanos) throws IOException;

    /** Waits until the toxic is updated or removed; throws when the connection closes. */
    void hold() throws IOException;

    /** True once this toxic has been removed from the link (its successor is then live). */
    boolean removed();

    /** Arms a timer; {@link ToxicBehaviour#onTimer} runs when it passes while the link is idle. */
    void armTimer(long deadlineNanos);

    void disarmTimer();

    /** Closes both sockets of the connection. */
    void closeConnection();

    /** Closes both sockets with SO_LINGER 0, so the peers see a TCP reset. */
    void resetConnection();

    RandomGenerator random();
}
