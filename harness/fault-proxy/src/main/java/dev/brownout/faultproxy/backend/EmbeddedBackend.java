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
import java.util.concurrent.ThreadLocalRandom;

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

        /**
         * Below the kernel's ephemeral range (Linux's default starts at 32768), where no {@code bind(0)} and no
         * outgoing connection on the machine is given a port: a port chosen here and bound moments later by the
         * server is not taken in between by another process that asked the kernel for any free port.
         */
        static final int FIRST_FIXED = 20_000;
        static final int LAST_FIXED = 32_767;
        private static final int TRIES = 50;

        /** A port free now on every address, chosen from outside the kernel's ephemeral range where one is free. */
        static int free() {
            for (int i = 0; i < TRIES; i++) {
                int port = ThreadLocalRandom.current().nextInt(FIRST_FIXED, LAST_FIXED + 1);
                if (bindable(port)) {
                    return port;
                }
            }
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static boolean bindable(int port) {
            try (ServerSocket socket = new ServerSocket(port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        static InetSocketAddress loopback(String reportedListen) {
            int port = Integer.parseInt(reportedListen.substring(reportedListen.lastIndexOf(':') + 1));
            return new InetSocketAddress("127.0.0.1", port);
        }
    }
}
