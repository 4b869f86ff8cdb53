package dev.brownout.faultproxy;

import java.util.Objects;

/**
 * How to run an embedded Toxiproxy server. Loopback by default; port 0 picks a free port.
 *
 * @param host    interface for the control API
 * @param port    control API port (Toxiproxy's default is 8474)
 * @param version what {@code GET /version} reports; clients compare it with Toxiproxy releases
 */
public record ServerConfig(String host, int port, String version) {

    public static final String TOXIPROXY_VERSION = "2.12.0";
    public static final int DEFAULT_PORT = 8474;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(version, "version");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
    }

    /** 127.0.0.1:8474, as toxiproxy-server. */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", DEFAULT_PORT, TOXIPROXY_VERSION);
    }

    /** 127.0.0.1 on a free port: what tests and the harness use. */
    public static ServerConfig ephemeral() {
        return new ServerConfig("127.0.0.1", 0, TOXIPROXY_VERSION);
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(newHost, port, version);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, version);
    }
}
