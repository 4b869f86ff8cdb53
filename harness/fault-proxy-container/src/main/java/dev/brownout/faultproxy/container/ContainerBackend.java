package dev.brownout.faultproxy.container;

import dev.brownout.faultproxy.backend.FaultProxyBackend;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.Testcontainers;
import org.testcontainers.toxiproxy.ToxiproxyContainer;

import java.net.InetSocketAddress;
import java.net.URI;

/**
 * The real Toxiproxy image. Proxies listen inside the container on its 32 exposed ports
 * (8666-8697) and reach this JVM through Testcontainers' host gateway: each upstream is
 * {@code host.testcontainers.internal} and a port of this machine's loopback exposed to the container.
 * This JVM reaches the proxies at the container's published ports; a SUT in another container reaches
 * those published ports the same way the proxies reach the fakes (see {@code docs/sut.md}).
 */
public final class ContainerBackend implements FaultProxyBackend {

    /** The Toxiproxy release the embedded server is held to. */
    public static final String DEFAULT_IMAGE = "ghcr.io/shopify/toxiproxy:2.12.0";
    private static final int FIRST_PROXY_PORT = 8666;
    private static final int PROXY_PORTS = 32;

    private final ToxiproxyContainer container;

    private ContainerBackend(ToxiproxyContainer container) {
        this.container = container;
    }

    /** Whether a Docker engine answers; without one {@link #start(String)} cannot work. */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The real Toxiproxy image at {@link #DEFAULT_IMAGE}; throws if Docker is not available. */
    public static ContainerBackend start() {
        return start(DEFAULT_IMAGE);
    }

    /** The Toxiproxy image {@code image}; throws if Docker is not available. */
    public static ContainerBackend start(String image) {
        if (!dockerAvailable()) {
            throw new IllegalStateException("the container backend needs a Docker engine, and none is reachable");
        }
        // host access before the start: Testcontainers names this machine host.testcontainers.internal only in
        // containers created while its port forwarding runs, and upstreamFor exposes the fakes' ports only later
        ToxiproxyContainer container = new ToxiproxyContainer(image).withAccessToHost(true);
        container.start();
        return new ContainerBackend(container);
    }

    @Override
    public String name() {
        return "container " + container.getDockerImageName();
    }

    @Override
    public URI controlUrl() {
        return URI.create("http://" + container.getHost() + ":" + container.getControlPort());
    }

    @Override
    public ToxiproxyClient client() {
        return new ToxiproxyClient(container.getHost(), container.getControlPort());
    }

    @Override
    public String listenAddress(int slot) {
        return "0.0.0.0:" + port(slot);
    }

    @Override
    public String fixedListenAddress(int slot, String host) {
        return host + ":" + port(slot);
    }

    private static int port(int slot) {
        if (slot < 0 || slot >= PROXY_PORTS) {
            throw new IllegalArgumentException("the Toxiproxy container exposes " + PROXY_PORTS + " proxy ports; slot " + slot + " is out of range");
        }
        return FIRST_PROXY_PORT + slot;
    }

    @Override
    public InetSocketAddress clientAddress(String reportedListen) {
        int port = Integer.parseInt(reportedListen.substring(reportedListen.lastIndexOf(':') + 1));
        return new InetSocketAddress(container.getHost(), container.getMappedPort(port));
    }

    @Override
    public String upstreamFor(int localPort) {
        Testcontainers.exposeHostPorts(localPort);
        return "host.testcontainers.internal:" + localPort;
    }

    @Override
    public void close() {
        container.stop();
    }
}
