package dev.brownout.faultproxy;

import java.util.Objects;

/**
 * How to run an embedded Toxiproxy server. Loopback by default; port 0 picks a free port.
 *
 * @param host    interface for the control API
 * @param port    control API port (Toxiproxy's default is 8474)
 * @param version what {@code GET /version} reports; clients compare it with Toxiproxy releases
 * @param token   the bearer token every control API call must carry ({@code Authorization: Bearer <token>}), or
 *                null for none, as Toxiproxy (which has no authentication)
 */
public record ServerConfig(String host, int port, String version, String token) {

    public static final String TOXIPROXY_VERSION = "2.12.0";
    public static final int DEFAULT_PORT = 8474;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(version, "version");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (token != null && (token.isBlank() || !token.chars().allMatch(c -> c > ' ' && c < 127))) {
            throw new IllegalArgumentException("a control API token must be printable ASCII without spaces, and not empty");
        }
    }

    /** A server whose control API requires no token. */
    public ServerConfig(String host, int port, String version) {
        this(host, port, version, null);
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
        return new ServerConfig(newHost, port, version, token);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, version, token);
    }

    /** This configuration with every control API call requiring {@code bearer}; null for none. */
    public ServerConfig withToken(String bearer) {
        return new ServerConfig(host, port, version, bearer);
    }
}
