package dev.brownout.faultproxy;

import dev.brownout.faultproxy.internal.toxics.Chunk;
import dev.brownout.faultproxy.internal.toxics.Flow;
import dev.brownout.faultproxy.internal.toxics.ToxicBehaviour;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * One toxic on one link. Stages form a singly linked list from the link's hidden head to its sink;
 * a removed stage keeps pointing at its successor so a chunk it still holds goes on to live stages.
 * Flags are written by the control API under the link lock and read by the link's pump thread.
 */
final class Stage implements Flow {

    final Link link;
    final ToxicBehaviour behaviour;
    volatile ToxicSpec spec;
    volatile Stage next;
    /** The toxicity draw for this link; an inactive stage passes data through. */
    volatile boolean active;
    volatile boolean interrupted;
    volatile boolean removed;
    volatile boolean restartPending;
    long timerDeadline = Long.MAX_VALUE;

    Stage(Link link, ToxicSpec spec, ToxicBehaviour behaviour) {
        this.link = link;
        this.spec = spec;
        this.behaviour = behaviour;
        this.active = spec == null || draw(spec.toxicity());
        this.restartPending = spec != null;
    }

    static boolean draw(float toxicity) {
        return ThreadLocalRandom.current().nextFloat() < toxicity;
    }

    /** Called under the link lock: new attributes or a neighbour change restart this stage. */
    void restart(ToxicSpec newSpec) {
        spec = newSpec;
        active = draw(newSpec.toxicity());
        interrupted = true;
        restartPending = true;
    }

    void accept(Chunk chunk) throws IOException {
        if (!active) {
            next.accept(chunk);
            return;
        }
        interrupted = false;
        if (spec != null && spec.type().name().equals("timeout")) {
            // the timeout toxic swallows what reaches it: the peer never sees this connection's data again
            link.connection.endedBy(spec);
        }
        behaviour.onChunk(chunk, this);
    }

    void acceptEnd() throws IOException {
        if (!active) {
            next.acceptEnd();
            return;
        }
        interrupted = false;
        behaviour.onEnd(this);
    }

    @Override
    public long attribute(String name) {
        return spec.attribute(name);
    }

    @Override
    public void emit(Chunk chunk) throws IOException {
        next.accept(chunk);
    }

    @Override
    public void emitEnd() throws IOException {
        next.acceptEnd();
    }

    @Override
    public boolean sleepUntil(long deadlineNanos) throws IOException {
        if (deadlineNanos - System.nanoTime() <= 0 && !interrupted) {
            link.checkOpen();
            link.plannedNoEarlierThan(deadlineNanos);
            return true;
        }
        boolean slept = link.await(this, deadlineNanos);
        // a toxic woken early (changed or removed) changed the plan: what it held is due now
        link.plannedNoEarlierThan(slept ? deadlineNanos : System.nanoTime());
        return slept;
    }

    @Override
    public void hold() throws IOException {
        link.await(this, Long.MAX_VALUE);
        link.plannedNoEarlierThan(System.nanoTime());
    }

    @Override
    public boolean removed() {
        return removed;
    }

    @Override
    public void armTimer(long deadlineNanos) {
        link.setTimer(this, deadlineNanos);
    }

    @Override
    public void disarmTimer() {
        link.setTimer(this, Long.MAX_VALUE);
    }

    @Override
    public void closeConnection() {
        if (spec != null) {
            link.connection.endedBy(spec);
        }
        link.connection.close();
    }

    @Override
    public void resetConnection() {
        if (spec != null) {
            link.connection.endedBy(spec);
        }
        link.connection.reset();
    }

    @Override
    public RandomGenerator random() {
        return ThreadLocalRandom.current();
    }
}
