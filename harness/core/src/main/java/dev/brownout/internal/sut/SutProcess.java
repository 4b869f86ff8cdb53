package dev.brownout.internal.sut;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A SUT running as a process: its output goes to {@code sut.stdout.log} and {@code sut.stderr.log} in the
 * run folder, its standard input stays open (a SUT that watches for its end stops with the harness), and
 * stopping it sends SIGTERM to it, every descendant and every process of its group, waits the grace, then
 * kills what is left. A JVM shutdown (Ctrl-C) stops it too.
 * <p>
 * It never outlives the harness: it is started by {@link SutLauncher} (its own process group, SIGTERM from the
 * kernel when the harness dies), a {@link SutWatchdog} ends its whole group when the harness dies, and
 * {@link SutPidFile} in the run folder, removed at a clean stop, lets the next run end it should both fail.
 */
final class SutProcess implements AutoCloseable {

    static final String STDOUT_LOG = "sut.stdout.log";
    static final String STDERR_LOG = "sut.stderr.log";
    private static final int TAIL_LINES = 20;
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final Process process;
    private final boolean ownGroup;
    private final Path runDir;
    private final Path stdout;
    private final Path stderr;
    private final Duration stopGrace;
    private final CompletableFuture<Integer> exited;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread shutdownHook;
    private volatile SutWatchdog watchdog;

    private SutProcess(Process process, boolean ownGroup, Path runDir, Duration stopGrace) {
        this.process = process;
        this.ownGroup = ownGroup;
        this.runDir = runDir;
        this.stdout = runDir.resolve(STDOUT_LOG);
        this.stderr = runDir.resolve(STDERR_LOG);
        this.stopGrace = stopGrace;
        this.exited = process.onExit().thenApply(Process::exitValue);
        this.shutdownHook = new Thread(this::stop, "sut-process-stop-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code command} and writes its pid file; a program that cannot be run, or a pid file that cannot
     * be written (the process is then stopped), is a {@link SutStartException}.
     *
     * @param sut             the SUT's name, for the pid file
     * @param writtenCommand  the command as the SUT file wrote it, for the pid file (the rendered one may hold
     *                        the world's credentials)
     */
    static SutProcess start(String sut, List<String> writtenCommand, List<String> command, Path workingDir,
                            Map<String, String> environment, Path runDir, Duration stopGrace) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectOutput(runDir.resolve(STDOUT_LOG).toFile())
                .redirectError(runDir.resolve(STDERR_LOG).toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment);
        SutProcess started;
        try {
            started = new SutProcess(SutLauncher.start(builder), SutLauncher.ownGroups(), runDir, stopGrace);
        } catch (IOException e) {
            throw new SutStartException("cannot start the SUT process " + command + " in " + workingDir + ": "
                    + e.getMessage(), e);
        }
        started.watchdog = SutWatchdog.start(started.process, started.ownGroup, stopGrace).orElse(null);
        if (!started.ownGroup && started.watchdog != null) {
            // a watchdog aimed at a bare pid must not outlive the process: the pid may be given to another
            SutWatchdog guard = started.watchdog;
            started.process.onExit().thenRunAsync(guard::release);
        }
        try {
            started.pidFile(sut, writtenCommand).write(runDir);
        } catch (IOException | RuntimeException e) {
            started.close();
            throw new SutStartException("cannot write the SUT's pid file " + runDir.resolve(SutPidFile.NAME) + ": "
                    + e.getMessage() + "; the SUT process was stopped", e);
        }
        return started;
    }

    private SutPidFile pidFile(String sut, List<String> writtenCommand) {
        ProcessIdentity identity = ProcessIdentity.of(process.pid()).orElseGet(
                () -> new ProcessIdentity(process.pid(), null, -1, process.info().startInstant().orElse(null)));
        return new SutPidFile(sut, writtenCommand, identity, ownGroup ? process.pid() : -1, stopGrace,
                ProcessIdentity.current());
    }

    /** The watchdog that ends this SUT's group if the harness dies; empty where none could start. */
    Optional<SutWatchdog> watchdog() {
        return Optional.ofNullable(watchdog);
    }

    Process process() {
        return process;
    }

    CompletableFuture<Integer> exited() {
        return exited;
    }

    Path stdoutLog() {
        return stdout;
    }

    Path stderrLog() {
        return stderr;
    }

    /** Everything the process has written to stdout and stderr so far, as lines. */
    List<String> outputLines() {
        List<String> lines = new ArrayList<>();
        lines.addAll(read(stdout));
        lines.addAll(read(stderr));
        return lines;
    }

    /** The last lines of stdout and of stderr, labelled, for an error message. */
    String tail() {
        return tail(stdout, stderr);
    }

    /** The last lines of two output files (a process's or a container's), labelled, for an error message. */
    static String tail(Path stdout, Path stderr) {
        StringBuilder text = new StringBuilder();
        appendTail(text, "stdout", read(stdout));
        appendTail(text, "stderr", read(stderr));
        return text.isEmpty() ? "  (no output)" : text.toString().stripTrailing();
    }

    private static void appendTail(StringBuilder text, String label, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Deque<String> last = new ArrayDeque<>();
        for (String line : lines) {
            last.addLast(line);
            if (last.size() > TAIL_LINES) {
                last.removeFirst();
            }
        }
        text.append("  last lines of its ").append(label).append(":\n");
        last.forEach(line -> text.append("    ").append(line).append('\n'));
    }

    private static List<String> read(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).lines().toList();
            } catch (IOException unreadable) {
                return List.of();
            }
        }
    }

    /** Stops the process and its descendants; idempotent, never throws. */
    void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        tree.add(process.toHandle());
        addDescendantsAndGroup(tree);
        closeInput();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + stopGrace.toNanos();
        for (ProcessHandle handle : tree) {
            awaitExit(handle, Math.max(0, deadline - System.nanoTime()));
        }
        // children the process started during its stop, or that outlived it, are still ours
        addDescendantsAndGroup(tree);
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            awaitExit(handle, KILL_WAIT.toNanos());
        }
        // released only now: a harness that dies while it stops the SUT still leaves the watchdog to finish
        SutWatchdog guard = watchdog;
        if (guard != null) {
            guard.release();
        }
        if (!process.isAlive()) {
            SutPidFile.removeIfOf(runDir, process.pid());
        }
    }

    /**
     * The process's descendants, and the members of its process group: a child that detached from its parent
     * (a daemonizing server) is no descendant any more but stays in the group.
     */
    private void addDescendantsAndGroup(Set<ProcessHandle> tree) {
        process.descendants().forEach(tree::add);
        if (ownGroup) {
            tree.addAll(ProcStat.groupMembers(process.pid()));
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping; its hook did or will do the same
        }
    }

    private void closeInput() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // an already-closed pipe is what we wanted
        }
        try (InputStream ignored = process.getInputStream(); InputStream alsoIgnored = process.getErrorStream()) {
            // redirected to files: these are null streams, closed for tidiness
        } catch (IOException e) {
            // nothing to release
        }
    }

    private static void awaitExit(ProcessHandle handle, long nanos) {
        if (!handle.isAlive()) {
            return;
        }
        try {
            handle.onExit().get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // still alive: killed next
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
