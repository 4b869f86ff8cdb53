package dev.brownout.fakes.standalone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code java -jar target/brownout-fakes.jar ARGS} as a real child process, run by the same {@code java} that
 * runs the test. Its stdout lines and its whole stderr are collected on their own threads, so a chatty or a
 * silent process cannot block the test; every wait has a deadline.
 */
final class StandaloneProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("basedir", "."), "target", "brownout-fakes.jar");

    private final Process process;
    private final LinkedBlockingQueue<String> stdoutLines = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> stdoutClosed = new CompletableFuture<>();
    private final CompletableFuture<String> stderr;

    private StandaloneProcess(Process process) {
        this.process = process;
        Thread.ofVirtual().name("standalone-stdout").start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    stdoutLines.add(line);
                }
            } catch (IOException e) {
                // The process is gone; what was read is all there is.
            }
            stdoutClosed.complete(null);
        });
        this.stderr = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }, command -> Thread.ofVirtual().name("standalone-stderr").start(command));
    }

    static StandaloneProcess start(String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the integration tests with "
                    + "'./mvnw -pl fake-providers verify', which packages it first");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow(
                () -> new IllegalStateException("cannot tell which java runs this test")));
        command.add("-Xmx256m");
        // Start-up is the cost of every test here, and on a busy CI box C2 compilation threads triple it
        // (13 s against 3.5 s measured on 2 shared cores); the fakes serve a handful of calls per test.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        try {
            return new StandaloneProcess(new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    /** The next stdout line, or a failure naming what stderr said if none comes within {@code timeout}. */
    String nextStdoutLine(Duration timeout) throws InterruptedException {
        String line = stdoutLines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError("no line on stdout within " + timeout + " (alive: " + process.isAlive()
                    + "); stderr so far is not available until exit");
        }
        return line;
    }

    /** Every stdout line not read yet; only complete once the process has exited. */
    List<String> remainingStdout(Duration timeout) throws InterruptedException {
        try {
            stdoutClosed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("stdout did not close within " + timeout, e);
        }
        List<String> rest = new ArrayList<>();
        stdoutLines.drainTo(rest);
        return rest;
    }

    /** Everything the process wrote to stderr; waits for it to close. */
    String stderr(Duration timeout) throws InterruptedException {
        try {
            return stderr.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("stderr did not close within " + timeout, e);
        }
    }

    void closeStdin() throws IOException {
        process.getOutputStream().close();
    }

    /** SIGTERM on POSIX. */
    void terminate() {
        process.destroy();
    }

    /** The exit code, or null if it is still running after {@code timeout}. */
    Integer exitCode(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
