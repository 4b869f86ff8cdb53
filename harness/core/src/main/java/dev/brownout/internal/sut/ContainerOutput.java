package dev.brownout.internal.sut;

import org.testcontainers.containers.output.OutputFrame;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A SUT container's output, written to {@code sut.stdout.log} and {@code sut.stderr.log} in the run folder as a
 * process SUT's is. Attached to a container once (Testcontainers keeps every log consumer a container was given,
 * and a container given by the user plays the baseline and then the scenario); each start points it at that run's
 * folder. Output that arrives while it points nowhere is dropped.
 */
final class ContainerOutput implements Consumer<OutputFrame> {

    private OutputStream stdout;
    private OutputStream stderr;

    /** From now on, into these two files, each started afresh. */
    synchronized void writeTo(Path stdoutLog, Path stderrLog) {
        close();
        try {
            stdout = Files.newOutputStream(stdoutLog);
            stderr = Files.newOutputStream(stderrLog);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot write the SUT container's output to " + stdoutLog.getParent(), e);
        }
    }

    @Override
    public synchronized void accept(OutputFrame frame) {
        byte[] bytes = frame.getBytes();
        OutputStream target = switch (frame.getType()) {
            case STDOUT -> stdout;
            case STDERR -> stderr;
            case END -> null;
        };
        if (target == null || bytes == null) {
            return;
        }
        try {
            target.write(bytes);
        } catch (IOException e) {
            // a full disk must not stop the container's log stream; what was written stays
        }
    }

    /** Closes both files; later output is dropped. */
    synchronized void close() {
        stdout = closed(stdout);
        stderr = closed(stderr);
    }

    private static OutputStream closed(OutputStream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // nothing more will be written to it
            }
        }
        return null;
    }
}
