package dev.brownout.faultproxy.backend;

import eu.rekawek.toxiproxy.ToxiproxyClient;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;

/**
 * A Toxiproxy-compatible server the harness drives over HTTP with toxiproxy-java, whatever runs it:
 * the embedded server, a Toxiproxy already running somewhere, or the real image in a container
 * ({@code ContainerBackend} in the optional artifact {@code brownout-fault-proxy-container}).
 * The address methods hide where the proxies live relative to this JVM.
 */
public interface FaultProxyBackend extends AutoCloseable {

    /** In-JVM server on a free loopback port; needs nothing installed. */
    static FaultProxyBackend embedded() {
        return EmbeddedBackend.start();
    }

    /**
     * In-JVM server with its control API and every proxy on {@code host} (e.g. an address other hosts reach),
     * requiring {@code token} as a bearer token on every control call; null for none.
     */
    static FaultProxyBackend embedded(String host, String token) {
        return EmbeddedBackend.start(host, token);
    }

    /** A running Toxiproxy reachable at {@code controlUrl}, proxying on this machine's loopback. */
    static FaultProxyBackend external(URI controlUrl) {
        return new ExternalBackend(controlUrl);
    }

    String name();

    URI controlUrl();

    /** A toxiproxy-java client for this backend; it sends no token (see docs/fault-proxy.md for a tokened server). */
    ToxiproxyClient client();

    /** The bearer token the control API requires, or empty when it requires none (as Toxiproxy). */
    default Optional<String> controlToken() {
        return Optional.empty();
    }

    /** The {@code listen} to give the proxy in slot {@code slot} (0-based) so that this JVM can reach it. */
    String listenAddress(int slot);

    /** A concrete {@code host:port} listen for slot {@code slot}, for checks that need a fixed port. */
    String fixedListenAddress(int slot, String host);

    /** Where this JVM connects to reach a proxy whose server-reported listen is {@code reportedListen}. */
    InetSocketAddress clientAddress(String reportedListen);

    /** The {@code upstream} the backend's proxies use to reach a service on this JVM's loopback. */
    String upstreamFor(int localPort);

    @Override
    void close();
}
