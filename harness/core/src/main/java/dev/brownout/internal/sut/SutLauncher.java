package dev.brownout.internal.sut;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Starts SUT processes so that they end with the harness. Where util-linux is installed, each one is started
 * through {@code setsid} (it leads its own session and process group, so the group can be ended whole, and a
 * Ctrl-C at the terminal reaches only the harness, which stops it in order) and {@code setpriv --pdeathsig TERM}
 * (the kernel sends it SIGTERM when its parent dies, a SIGKILLed harness included).
 * <p>
 * Linux ties that parent-death signal to the thread that forked the process, not to the JVM: the JDK starts a
 * process from the calling thread ({@code posix_spawn} of {@code jspawnhelper}, which then execs the program,
 * so the JVM is its parent), and a SUT started from a short-lived thread (a pool thread, a virtual thread's
 * carrier) would be signalled when that thread ends. So every start runs on one platform thread that lives as
 * long as the JVM. Without the tools (macOS, Alpine without util-linux) the command runs as given;
 * {@link SutWatchdog} and the pid file sweep still end it.
 */
final class SutLauncher {

    private static final Optional<Path> SETSID = onPath("setsid");
    private static final Optional<Path> SETPRIV = onPath("setpriv").filter(SutLauncher::offersParentDeathSignal);
    private static final BlockingQueue<FutureTask<Process>> STARTS = new LinkedBlockingQueue<>();

    static {
        Thread.ofPlatform().daemon().name("brownout-sut-launcher").start(SutLauncher::startForever);
    }

    private SutLauncher() {
    }

    /** Whether the processes started here lead their own process group (its id is their pid). */
    static boolean ownGroups() {
        return SETSID.isPresent();
    }

    /** Whether the processes started here get SIGTERM when the harness dies. */
    static boolean parentDeathSignal() {
        return SETPRIV.isPresent();
    }

    /**
     * Starts {@code builder}'s command on the launcher thread, wrapped as above; the builder's command is
     * replaced by the wrapped one. Waits for the start even when interrupted (the interrupt is kept), so a
     * process is never started without its caller knowing it.
     *
     * @throws IOException the program cannot be run (not found, not executable)
     */
    static Process start(ProcessBuilder builder) throws IOException {
        builder.command(tied(builder.command(), builder.directory() == null ? Path.of("") : builder.directory().toPath()));
        FutureTask<Process> start = new FutureTask<>(builder::start);
        STARTS.add(start);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return start.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException("starting " + builder.command() + " failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code command} behind {@code setsid} and {@code setpriv}, with its program resolved as the JDK would. */
    static List<String> tied(List<String> command, Path workingDir) throws IOException {
        if (SETSID.isEmpty() && SETPRIV.isEmpty()) {
            return command;
        }
        List<String> tied = new ArrayList<>();
        SETSID.ifPresent(setsid -> tied.add(setsid.toString()));
        SETPRIV.ifPresent(setpriv -> tied.addAll(List.of(setpriv.toString(), "--pdeathsig", "TERM", "--")));
        // resolved here, so a missing program is still the start's IOException, not a wrapper exiting with 127
        tied.add(program(command.getFirst(), workingDir).toString());
        tied.addAll(command.subList(1, command.size()));
        return tied;
    }

    private static Path program(String program, Path workingDir) throws IOException {
        if (program.contains("/")) {
            Path path = workingDir.resolve(program);
            if (Files.isRegularFile(path) && Files.isExecutable(path)) {
                return path;
            }
            throw new IOException("Cannot run program \"" + program + "\" (in directory \"" + workingDir.toAbsolutePath()
                    + "\"): " + (Files.exists(path) ? "not an executable file" : "no such file"));
        }
        // the JDK looks a bare name up on the harness's own PATH, not the one given to the process
        return onPath(program).orElseThrow(() -> new IOException("Cannot run program \"" + program
                + "\": no executable of that name on the PATH"));
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null || path.isEmpty() || System.getProperty("os.name", "").startsWith("Windows")) {
            return Optional.empty();
        }
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(folder, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** util-linux before 2.33 (2018) has a {@code setpriv} without {@code --pdeathsig}. */
    private static boolean offersParentDeathSignal(Path setpriv) {
        try {
            Process help = new ProcessBuilder(setpriv.toString(), "--help").redirectErrorStream(true).start();
            help.getOutputStream().close();
            String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!help.waitFor(5, TimeUnit.SECONDS)) {
                help.destroyForcibly();
                return false;
            }
            return text.contains("--pdeathsig");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void startForever() {
        while (true) {
            try {
                STARTS.take().run();
            } catch (InterruptedException e) {
                // nothing interrupts this thread on purpose; it must outlive every process it started
            } catch (RuntimeException | Error e) {
                // FutureTask.run keeps its task's failures; nothing else may end this thread
            }
        }
    }
}
