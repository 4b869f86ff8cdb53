package dev.brownout.internal.run;

import dev.brownout.internal.record.PhaseRecord;
import dev.brownout.internal.world.PhaseApplied;
import dev.brownout.internal.world.ProxiedWorld;
import dev.brownout.scenario.Phase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Plays a timeline on a world: each phase's faults are set at its offset from the run's origin, on a thread
 * of its own so a slow control call never delays the load. A phase that cannot be set stops the executor, keeps
 * the cause in {@code error.txt} and stops the run, since a world in an unknown state measures nothing.
 */
final class PhaseExecutor {

    private final ProxiedWorld world;
    private final List<Phase> timeline;
    private final long origin;
    private final RunListener listener;
    private final ErrorFile errors;
    private final Consumer<String> stopRun;
    private final List<PhaseRecord> played = new ArrayList<>();
    private volatile String current;
    private Thread thread;

    private PhaseExecutor(ProxiedWorld world, List<Phase> timeline, long origin, RunListener listener,
                          ErrorFile errors, Consumer<String> stopRun) {
        this.world = world;
        this.timeline = List.copyOf(timeline);
        this.origin = origin;
        this.listener = listener;
        this.errors = errors;
        this.stopRun = stopRun;
    }

    /**
     * Sets the first phase before returning (the load must never start on a world in no phase), then plays
     * the rest in the background.
     *
     * @param origin {@code System.nanoTime()} of the run's start, the driver's origin too
     * @param errors  where a phase that cannot be set, or a listener that throws, keeps its cause
     * @param stopRun told, once, why a phase could not be set
     */
    static PhaseExecutor start(ProxiedWorld world, List<Phase> timeline, long origin, RunListener listener,
                               ErrorFile errors, Consumer<String> stopRun) {
        PhaseExecutor executor = new PhaseExecutor(world, timeline, origin, listener, errors, stopRun);
        if (!executor.enter(timeline.getFirst())) {
            return executor;
        }
        executor.thread = Thread.ofVirtual().name("phase-executor").start(executor::playRest);
        return executor;
    }

    private void playRest() {
        for (Phase phase : timeline.subList(1, timeline.size())) {
            long due = origin + phase.at().toNanos();
            long remaining;
            while ((remaining = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(remaining);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            if (!enter(phase)) {
                return;
            }
        }
    }

    private boolean enter(Phase phase) {
        Duration startedAt = Duration.ofNanos(System.nanoTime() - origin);
        PhaseApplied applied;
        try {
            applied = world.phases().apply(phase);
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                stopRun.accept(errors.ended("setting the faults of phase '" + phase.name() + "'", e));
            }
            return false;
        }
        PhaseRecord record = new PhaseRecord(phase.name(), phase.at(), startedAt, applied.tookEffect());
        synchronized (played) {
            played.add(record);
        }
        current = phase.name();
        try {
            listener.phaseEntered(record, world);
        } catch (RuntimeException e) {
            // a watcher's failure is the watcher's: the timeline goes on, and the cause is kept
            errors.survived("telling the run's listener that phase '" + phase.name() + "' began", e);
        }
        return true;
    }

    /** The phase whose faults hold now, or null before the first took effect. */
    String current() {
        return current;
    }

    /** Plays no further phase; returns once a phase being set has finished. */
    void stop() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    List<PhaseRecord> played() {
        synchronized (played) {
            return List.copyOf(played);
        }
    }
}
