package dev.brownout.faultproxy.backend;

import dev.brownout.faultproxy.ServerConfig;
import dev.brownout.faultproxy.ToxiproxyServer;
import eu.rekawek.toxiproxy.ToxiproxyClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Optional;

/** The embedded server, driven over its own HTTP API like any other backend. */
final class EmbeddedBackend implements FaultProxyBackend {

    private final ToxiproxyServer server;
    private final String token;

    private EmbeddedBackend(ToxiproxyServer server, String token) {
        this.server = server;
        this.token = token;
    }

    static EmbeddedBackend start() {
        return new EmbeddedBackend(ToxiproxyServer.start(ServerConfig.ephemeral()), null);
    }

    /** On {@code host}, its control API and its proxies; {@code token} null for none. */
    static EmbeddedBackend start(String host, String token) {
        return new EmbeddedBackend(ToxiproxyServer.start(ServerConfig.ephemeral().withHost(host).withToken(token)),
                token);
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public URI controlUrl() {
        return server.url();
    }

    @Override
    public ToxiproxyClient client() {
        return new ToxiproxyClient(server.host(), server.port());
    }

    @Override
    public Optional<String> controlToken() {
        return Optional.ofNullable(token);
    }

    @Override
    public String listenAddress(int slot) {
        return literal(server.host()) + ":0";
    }

    @Override
    public String fixedListenAddress(int slot, String host) {
        return host + ":" + LocalPorts.free();
    }

    @Override
    public InetSocketAddress clientAddress(String reportedListen) {
        int port = Integer.parseInt(reportedListen.substring(reportedListen.lastIndexOf(':') + 1));
        return new InetSocketAddress(server.host(), port);
    }

    /** The fakes listen on the host the server does, as {@code brownout fakes --host} starts them. */
    @Override
    public String upstreamFor(int localPort) {
        return literal(server.host()) + ":" + localPort;
    }

    private static String literal(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    @Override
    public void close() {
        server.close();
    }

    /** Loopback helpers shared by the backends that proxy on this machine. */
    static final class LocalPorts {
        private LocalPorts() {
        }

        static int free() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static InetSocketAddress loopback(String reportedListen) {
            int port = Integer.parseInt(reportedListen.substring(reportedListen.lastIndexOf(':') + 1));
            return new InetSocketAddress("127.0.0.1", port);
        }
    }
}
