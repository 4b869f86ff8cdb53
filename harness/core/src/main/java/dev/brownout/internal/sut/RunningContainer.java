package dev.brownout.internal.sut;

import java.nio.file.Path;

/**
 * A SUT's container once it is ready: where this machine reaches the port its adapter talks to, where its output
 * goes, and how to stop it. Names no Testcontainers type, so the classes that hold one load without Testcontainers
 * on the class path.
 */
interface RunningContainer extends AutoCloseable {

    /** The host this machine reaches the container's published ports on. */
    String host();

    /** The port on {@link #host()} that leads to the container port the adapter talks to. */
    int mappedPort();

    /** {@code sut.stdout.log} in the run folder. */
    Path stdoutLog();

    /** {@code sut.stderr.log} in the run folder. */
    Path stderrLog();

    /** Stops and removes the container; idempotent. */
    @Override
    void close();
}
