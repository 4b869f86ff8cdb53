package dev.brownout.cli;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Ctrl-C or SIGTERM while a run or a scorecard plays: a shutdown hook stops it with {@link #REASON} and makes the
 * JVM wait, up to a minute, until it has cleared its faults, stopped its SUT, closed its ports and written what it
 * measured.
 */
final class SignalStop {

    static final String REASON = "stopped by a signal (Ctrl-C or SIGTERM)";
    private static final Duration CLEAN_UP_BUDGET = Duration.ofMinutes(1);

    /** Waits until what was stopped has finished; true if it did in time. */
    interface Finished {
        boolean await(Duration timeout) throws InterruptedException;
    }

    private SignalStop() {
    }

    /** Plays {@code play} on this thread with the hook installed, and removes it afterwards. */
    static <T> T around(Consumer<String> stop, Finished finished, Supplier<T> play, String threadName) {
        Thread hook = new Thread(() -> {
            stop.accept(REASON);
            try {
                finished.await(CLEAN_UP_BUDGET);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, threadName);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return play.get();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns once what it stopped has finished
            }
        }
    }
}
