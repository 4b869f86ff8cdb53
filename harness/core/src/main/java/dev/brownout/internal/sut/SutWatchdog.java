package dev.brownout.internal.sut;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A small {@code sh} process that ends a SUT when the harness dies: it waits on a pipe only the harness holds
 * open, and when that closes (the kernel closes it as the harness dies, however it dies) it sends SIGTERM to
 * the SUT's whole process group, waits the SUT's stop grace, then kills what is left. It sits in a session of
 * its own, so a signal to the harness's group does not take it along. The parent-death signal reaches only the
 * SUT's first process; this also ends what it started (a shell script's server), and it is the only guard
 * where {@code setpriv} is missing. At a clean stop the harness tells it to leave without doing anything.
 */
final class SutWatchdog {

    /** $1 the pid or negative process group to end, $2 the grace in tenths of a second. */
    private static final String SCRIPT = """
            trap '' INT HUP
            read -r word
            [ "$word" = release ] && exit 0
            kill -TERM "$1" 2>/dev/null || exit 0
            n=0
            while [ "$n" -lt "$2" ] && kill -0 "$1" 2>/dev/null; do sleep 0.1; n=$((n + 1)); done
            kill -KILL "$1" 2>/dev/null
            exit 0
            """;
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(2);

    private final Process process;

    private SutWatchdog(Process process) {
        this.process = process;
    }

    /**
     * Watches over {@code sut}: its process group when it leads one, else the process alone. Empty where no
     * {@code sh} can be started (the pid file sweep then ends a SUT a killed harness left).
     */
    static Optional<SutWatchdog> start(Process sut, boolean ownGroup, Duration grace) {
        String target = ownGroup ? "-" + sut.pid() : Long.toString(sut.pid());
        long tenths = Math.max(1, Math.min(grace.toMillis() / 100, Integer.MAX_VALUE));
        List<String> command = new ArrayList<>();
        if (SutLauncher.ownGroups()) {
            command.add("setsid");
        }
        command.addAll(List.of("sh", "-c", SCRIPT, "brownout-sut-watchdog", target, Long.toString(tenths)));
        try {
            Process watchdog = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return Optional.of(new SutWatchdog(watchdog));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** The SUT was stopped in order: the watchdog leaves without touching anything. Idempotent. */
    synchronized void release() {
        try (OutputStream pipe = process.getOutputStream()) {
            pipe.write("release\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException alreadyGone) {
            // a watchdog that is gone has nothing left to do
        }
        try {
            if (!process.waitFor(RELEASE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** What the harness's death does to the watchdog: its end of the pipe closes. For tests. */
    void closePipeAsIfTheHarnessDied() {
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyClosed) {
            // the same outcome
        }
    }
}
