package dev.brownout.internal.run;

import dev.brownout.internal.record.PhaseRecord;
import dev.brownout.internal.world.ProxiedWorld;

import java.nio.file.Path;

/**
 * What a run tells its watchers: the progress display of the CLI, or a test that checks the world while a
 * phase holds. Every method has a no-op default; they are called from the run's own threads and must be
 * quick (a phase's check holds the phase executor, never the load).
 */
public interface RunListener {

    RunListener NONE = new RunListener() { };

    /** The run folder exists and the world is about to start. */
    default void started(Path folder, String scenario, String sut) {
    }

    /** The world runs behind its proxies, before the SUT starts; {@code world} is for reading only. */
    default void worldStarted(ProxiedWorld world) {
    }

    /** A phase's faults are set on every target; {@code world} is the running world, for checks only. */
    default void phaseEntered(PhaseRecord phase, ProxiedWorld world) {
    }

    /** About four times a second while the load runs. */
    default void progress(RunStatus status) {
    }

    /** The world is clean and closed and every file is written. */
    default void finished(RunRecord record) {
    }
}
