package dev.brownout.internal.sut;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.Testcontainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.HttpWaitStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A SUT running in a container, through Testcontainers. Before the start it gets the world's variables as the
 * container sees them (see {@link ContainerAddresses}) and the world's loopback ports are exposed to it, so the
 * proxies are reachable at {@value ContainerAddresses#HOST_ALIAS}; its output goes to the run folder; once its
 * readiness check passes, {@link #close()} stops and removes it. The only class besides {@link ContainerOutput}
 * and {@link ContainerSutFactory} that names Testcontainers types.
 */
final class SutContainer implements RunningContainer {

    private final GenericContainer<?> container;
    private final int port;
    private final ContainerOutput output;
    private final Path stdout;
    private final Path stderr;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private SutContainer(GenericContainer<?> container, int port, ContainerOutput output, Path stdout, Path stderr) {
        this.container = container;
        this.port = port;
        this.output = output;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * A container of a SUT file's image, with its rendered {@code command} and {@code environment}.
     *
     * @throws SutStartException no Docker engine, an image name Docker cannot take, or a container that did not
     *                           start or was not ready in time; nothing is left running
     */
    static RunningContainer fromSpec(String name, ContainerSpec spec, List<String> command,
                                     Map<String, String> environment, Set<Integer> hostPorts, Path runDir) {
        requireDocker(name);
        DockerImageName image;
        try {
            image = DockerImageName.parse(spec.image());
        } catch (IllegalArgumentException e) {
            throw new SutStartException("SUT '" + name + "': '" + spec.image() + "' is not an image name Docker takes: "
                    + e.getMessage(), e);
        }
        ContainerSpec.Readiness ready = spec.readiness();
        GenericContainer<?> container = new GenericContainer<>(image).withExposedPorts(spec.port());
        if (ready.kind() == ContainerSpec.Readiness.Kind.TCP && Integer.parseInt(ready.target()) != spec.port()) {
            container.addExposedPort(Integer.parseInt(ready.target()));
        }
        container.waitingFor(waitStrategy(ready, spec.port()));
        if (!command.isEmpty()) {
            container.withCommand(command.toArray(String[]::new));
        }
        ContainerOutput output = new ContainerOutput();
        container.withLogConsumer(output);
        return start(name, container, spec.port(), environment, hostPorts, runDir, output);
    }

    /**
     * Starts {@code container} (a user's, or one built from a SUT file) with {@code environment} added to its own,
     * once the world's ports are exposed to it.
     *
     * @param port   the container port the adapter talks to; exposed if the container does not expose it yet
     * @param output a consumer the container already has, pointed at this run's log files here
     * @throws SutStartException see {@link #fromSpec}
     */
    static RunningContainer start(String name, GenericContainer<?> container, int port, Map<String, String> environment,
                                  Set<Integer> hostPorts, Path runDir, ContainerOutput output) {
        requireDocker(name);
        if (container.getContainerId() != null) {
            // start() would do nothing, and the container would never learn this world's addresses
            throw new SutStartException("SUT '" + name + "': its container is already running; give Sut.container a "
                    + "container that is configured but not started, so that it starts with the world's variables");
        }
        Path stdout = runDir.resolve(SutProcess.STDOUT_LOG);
        Path stderr = runDir.resolve(SutProcess.STDERR_LOG);
        output.writeTo(stdout, stderr);
        try {
            if (!container.getExposedPorts().contains(port)) {
                container.addExposedPort(port);
            }
            environment.forEach(container::withEnv);
            // before the start: a container learns the host alias only if port forwarding runs when it is created
            Testcontainers.exposeHostPorts(hostPorts.stream().mapToInt(Integer::intValue).toArray());
            container.start();
            return new SutContainer(container, port, output, stdout, stderr);
        } catch (RuntimeException e) {
            try {
                container.stop();
            } catch (RuntimeException stopping) {
                e.addSuppressed(stopping);
            }
            output.close();
            throw new SutStartException("SUT '" + name + "': its container did not start: " + causes(e) + "\n"
                    + SutProcess.tail(stdout, stderr), e);
        }
    }

    /** The readiness check as a Testcontainers wait strategy on the container's {@code port}. */
    static WaitStrategy waitStrategy(ContainerSpec.Readiness ready, int port) {
        WaitStrategy strategy = switch (ready.kind()) {
            case HTTP -> {
                HttpWaitStrategy http = Wait.forHttp(ready.target()).forPort(port);
                yield ready.status() == null ? http.forStatusCodeMatching(code -> code / 100 == 2)
                        : http.forStatusCode(ready.status());
            }
            case TCP -> Wait.forListeningPorts(Integer.parseInt(ready.target()));
            case LOG_LINE -> Wait.forLogMessage(logLineRegex(ready.target()), 1);
        };
        return strategy.withStartupTimeout(ready.timeout());
    }

    /**
     * What Testcontainers must match for a {@code log_line}: it matches a whole output frame (one or more lines,
     * with their line ends) against {@code (?s)} and the regex, while a log_line need only be found in one line,
     * as a process SUT's is.
     */
    static String logLineRegex(String logLine) {
        return "(?m).*(?:" + logLine + ").*";
    }

    private static void requireDocker(String name) {
        boolean available;
        try {
            available = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            available = false;
        }
        if (!available) {
            throw new SutStartException("SUT '" + name + "' runs in a container, and no Docker engine is reachable "
                    + "(Testcontainers looks at DOCKER_HOST, ~/.testcontainers.properties and the local Docker socket)");
        }
    }

    /** Each message down the cause chain, once: Testcontainers wraps the reason a container failed. */
    private static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && !message.isBlank() && text.indexOf(message) < 0) {
                text.append(text.isEmpty() ? "" : ": ").append(message);
            }
        }
        return text.isEmpty() ? failure.getClass().getName() : text.toString();
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int mappedPort() {
        return container.getMappedPort(port);
    }

    @Override
    public Path stdoutLog() {
        return stdout;
    }

    @Override
    public Path stderrLog() {
        return stderr;
    }

    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            container.stop();
        } finally {
            output.close();
        }
    }

    @Override
    public String toString() {
        return "container " + container.getContainerName();
    }
}
