package dev.brownout.internal.sut;

import dev.brownout.world.WorldEndpoints;
import org.testcontainers.containers.GenericContainer;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A SUT in a container the user built ({@code Sut.container}): started in front of each world of the run with the
 * world's variables added to its environment, driven through {@code spec}'s adapter at its mapped port, and
 * stopped after each. The same container object plays the baseline and then the scenario; Testcontainers starts
 * a fresh container for each.
 */
public final class ContainerSutFactory implements SutFactory {

    private final SutSpec spec;
    private final GenericContainer<?> container;
    private final int port;
    private final ContainerOutput output = new ContainerOutput();

    private ContainerSutFactory(SutSpec spec, GenericContainer<?> container, int port) {
        this.spec = spec;
        this.container = container;
        this.port = port;
        container.withLogConsumer(output);
    }

    /**
     * @param spec          the adapter, its base URL (a template over {@code container.url}), model and key;
     *                      without a process or container of its own
     * @param containerPort the container port the adapter talks to; null for the first port it exposes
     * @throws IllegalArgumentException for a container that exposes no port when none is named
     */
    public static SutFactory of(SutSpec spec, GenericContainer<?> container, Integer containerPort) {
        Objects.requireNonNull(spec, "a SUT spec");
        Objects.requireNonNull(container, "a container");
        if (spec.process() != null || spec.container() != null) {
            throw new IllegalArgumentException("a SUT in a given container is started by it alone");
        }
        int port;
        if (containerPort != null) {
            ContainerSpec.requirePort(containerPort, "the container port");
            port = containerPort;
        } else if (!container.getExposedPorts().isEmpty()) {
            port = container.getExposedPorts().getFirst();
        } else {
            throw new IllegalArgumentException("the container of SUT '" + spec.name() + "' exposes no port: expose the "
                    + "one its API listens on (withExposedPorts(8080)) or name it (Sut.ContainerOptions.port(8080))");
        }
        return new ContainerSutFactory(spec, container, port);
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public StartedSut start(WorldEndpoints endpoints, Map<String, String> worldEnvironment, Path runDir, double timeScale) {
        return SutStarter.startInContainer(spec, endpoints, worldEnvironment, runDir, addresses ->
                SutContainer.start(spec.name(), container, port, addresses.environment(), addresses.hostPorts(), runDir, output));
    }

    @Override
    public String toString() {
        return "SUT " + spec.name() + " in a container, port " + port;
    }
}
