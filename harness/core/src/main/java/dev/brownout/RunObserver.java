package dev.brownout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What a run tells whoever watches it, such as a progress display. A measured run plays its baseline and then
 * the scenario, and each tells its own start and end. Every method has a no-op default; they are called from
 * the run's own threads and must return quickly.
 */
public interface RunObserver {

    /** A played run (a baseline or the scenario itself) starts; its folder exists. */
    default void started(Path folder, String scenario, String sut) {
    }

    /** A phase's faults took effect on every target; {@code at} is its offset from the timeline's start. */
    default void phaseEntered(String phase, Duration at) {
    }

    /** About four times a second while the load runs. */
    default void progress(RunProgress progress) {
    }

    /** The played run ended and the world is clean and closed; empty when it completed, else why it ended early. */
    default void finished(Optional<String> stopReason) {
    }
}
