package dev.brownout.cli;

import dev.brownout.internal.run.MeasuredOutcome;
import dev.brownout.internal.run.MeasuredRun;

import java.time.Duration;

/**
 * Plays a measured run from the command line so that Ctrl-C or SIGTERM ends it cleanly: the signal stops
 * the run, and the JVM waits (up to a minute) until the faults are cleared, the SUT stopped, the ports
 * closed and the result written before it exits.
 */
final class InterruptibleRun {

    private static final Duration CLEAN_UP_BUDGET = Duration.ofMinutes(1);

    private InterruptibleRun() {
    }

    static MeasuredOutcome play(MeasuredRun run) {
        Thread hook = new Thread(() -> {
            run.stop("stopped by a signal (Ctrl-C or SIGTERM)");
            try {
                run.awaitFinished(CLEAN_UP_BUDGET);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "brownout-run-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run.play();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns once this run has finished
            }
        }
    }
}
