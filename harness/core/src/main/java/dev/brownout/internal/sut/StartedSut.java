package dev.brownout.internal.sut;

import dev.brownout.sut.SutClient;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A system under test ready for traffic: the {@link SutClient} to drive, and what must be stopped after the run.
 * For a process SUT, {@link #exited()} completes with its exit code when it ends, so a run can tell a crash
 * from slowness. {@link #close()} stops everything it started (a process with its descendants: SIGTERM, the
 * grace, then a kill; a container: stopped and removed); it is idempotent, and throws only after it tried every step.
 */
public final class StartedSut implements AutoCloseable {

    private final String name;
    private final SutClient sut;
    private final String baseUrl;
    private final SutProcess process;
    private final RunningContainer container;
    private final List<AutoCloseable> inJvm;
    private final CompletableFuture<Integer> exited;
    private final AtomicBoolean closed = new AtomicBoolean();

    StartedSut(String name, SutClient sut, String baseUrl, SutProcess process, List<AutoCloseable> inJvm) {
        this(name, sut, baseUrl, process, null, inJvm);
    }

    private StartedSut(String name, SutClient sut, String baseUrl, SutProcess process, RunningContainer container,
                       List<AutoCloseable> inJvm) {
        this.name = name;
        this.sut = sut;
        this.baseUrl = baseUrl;
        this.process = process;
        this.container = container;
        this.inJvm = List.copyOf(inJvm);
        this.exited = process == null ? new CompletableFuture<>() : process.exited();
    }

    /** A SUT whose server runs in {@code container}, stopped on {@link #close()}. */
    static StartedSut inContainer(String name, SutClient sut, String baseUrl, RunningContainer container) {
        return new StartedSut(name, sut, baseUrl, null, container, List.of());
    }

    public String name() {
        return name;
    }

    /** What the driver sends tasks to. */
    public SutClient sut() {
        return sut;
    }

    /** The URL the adapter talks to, rendered; empty for a {@code command} SUT. */
    public Optional<String> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /** The SUT's process, when the harness started one. */
    public Optional<ProcessHandle> process() {
        return process == null ? Optional.empty() : Optional.of(process.process().toHandle());
    }

    /** The watchdog that ends the SUT's process if the harness dies; empty for a SUT without a process. */
    Optional<SutWatchdog> watchdog() {
        return process == null ? Optional.empty() : process.watchdog();
    }

    /**
     * Completes with the process's exit code when it ends, whether it crashed or was stopped; never
     * completes for a SUT without a process.
     */
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    /** {@code sut.stdout.log} in the run folder, for a SUT in a process or a container. */
    public Optional<Path> stdoutLog() {
        return process != null ? Optional.of(process.stdoutLog())
                : container != null ? Optional.of(container.stdoutLog()) : Optional.empty();
    }

    /** {@code sut.stderr.log} in the run folder, for a SUT in a process or a container. */
    public Optional<Path> stderrLog() {
        return process != null ? Optional.of(process.stderrLog())
                : container != null ? Optional.of(container.stderrLog()) : Optional.empty();
    }

    /**
     * Stops the process and closes every resource, each whatever the others did.
     *
     * @throws IllegalStateException when any failed to stop, the others' failures suppressed in it, so the run
     *                               keeps every cause with its stack trace
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        IllegalStateException failure = null;
        if (process != null) {
            try {
                process.close();
            } catch (RuntimeException e) {
                failure = added(failure, "the SUT process of '" + name + "' failed to stop", e);
            }
        }
        if (container != null) {
            try {
                container.close();
            } catch (RuntimeException e) {
                failure = added(failure, "the SUT container of '" + name + "' failed to stop", e);
            }
        }
        for (AutoCloseable resource : inJvm) {
            try {
                resource.close();
            } catch (Exception e) {
                failure = added(failure, "stopping SUT '" + name + "': " + resource + " failed to close", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static IllegalStateException added(IllegalStateException first, String what, Exception cause) {
        IllegalStateException next = new IllegalStateException(what + ": " + cause.getMessage(), cause);
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    @Override
    public String toString() {
        return "SUT " + name + (baseUrl == null ? "" : " at " + baseUrl);
    }
}
