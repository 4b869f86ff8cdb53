package dev.brownout.cli;

import dev.brownout.RunObserver;
import dev.brownout.RunProgress;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A run's progress: phase, elapsed of total, exchanges ok and failed. On a terminal one line rewritten in
 * place; otherwise (CI logs, a pipe) a plain line at each phase and every ten seconds.
 */
final class ProgressDisplay implements RunObserver {

    private static final long PLAIN_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final PrintWriter out;
    private final boolean terminal;
    private String lastPhase;
    private long lastPlain;
    private int lastWidth;

    ProgressDisplay(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void started(Path folder, String scenario, String sut) {
        out.println("playing " + scenario + " against " + sut + " -> " + folder);
        out.flush();
    }

    @Override
    public synchronized void phaseEntered(String phase, Duration at) {
        if (!terminal) {
            out.println("phase " + phase + " at " + clock(at));
            out.flush();
        }
    }

    @Override
    public synchronized void progress(RunProgress status) {
        String line = "phase " + Objects.requireNonNullElse(status.phase(), "-") + "  " + clock(status.elapsed())
                + " / " + clock(status.total()) + "  ok " + status.ok() + "  failed " + status.failed();
        long now = System.nanoTime();
        if (terminal) {
            String padded = line.length() < lastWidth ? line + " ".repeat(lastWidth - line.length()) : line;
            lastWidth = line.length();
            out.print("\r" + padded);
            out.flush();
        } else if (!Objects.equals(status.phase(), lastPhase) || now - lastPlain >= PLAIN_EVERY_NANOS) {
            out.println(line);
            out.flush();
            lastPlain = now;
        }
        lastPhase = status.phase();
    }

    @Override
    public synchronized void finished(Optional<String> stopReason) {
        if (terminal && lastWidth > 0) {
            out.println();
        }
        out.flush();
    }

    static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    /** True when standard output is an interactive terminal and not a CI log. */
    static boolean onTerminal() {
        if (System.getenv("CI") != null || System.console() == null) {
            return false;
        }
        try {
            // from JDK 22 console() also answers for redirected streams; isTerminal() tells them apart
            Object answer = java.io.Console.class.getMethod("isTerminal").invoke(System.console());
            return Boolean.TRUE.equals(answer);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
