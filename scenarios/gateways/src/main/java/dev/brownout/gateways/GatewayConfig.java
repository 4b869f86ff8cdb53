package dev.brownout.gateways;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A gateway's whole configuration. The naive gateway uses the first upstream only; the resilient one
 * tries them in order, the first being the primary.
 *
 * @param host where the gateway listens; loopback unless asked otherwise
 * @param port 0 picks a free port
 */
public record GatewayConfig(String host, Integer port, List<UpstreamConfig> upstreams, Timeouts timeouts,
                            RetryPolicy retry, BreakerPolicy breaker) {

    public static final String LOOPBACK = "127.0.0.1";

    public GatewayConfig {
        host = host == null ? LOOPBACK : host;
        port = port == null ? 0 : port;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        upstreams = upstreams == null ? List.of() : List.copyOf(upstreams);
        if (upstreams.isEmpty()) {
            throw new IllegalArgumentException("a gateway needs at least one upstream");
        }
        Set<String> names = new HashSet<>();
        for (UpstreamConfig upstream : upstreams) {
            if (!names.add(upstream.name())) {
                throw new IllegalArgumentException("two upstreams are named '" + upstream.name() + "'");
            }
        }
        timeouts = timeouts == null ? Timeouts.defaults() : timeouts;
        retry = retry == null ? RetryPolicy.defaults() : retry;
        breaker = breaker == null ? BreakerPolicy.defaults() : breaker;
    }

    /** Loopback, a free port and every default around these upstreams. */
    public static GatewayConfig of(UpstreamConfig... upstreams) {
        return new GatewayConfig(null, null, List.of(upstreams), null, null, null);
    }

    public GatewayConfig withTimeouts(Timeouts newTimeouts) {
        return new GatewayConfig(host, port, upstreams, newTimeouts, retry, breaker);
    }

    public GatewayConfig withRetry(RetryPolicy newRetry) {
        return new GatewayConfig(host, port, upstreams, timeouts, newRetry, breaker);
    }

    public GatewayConfig withBreaker(BreakerPolicy newBreaker) {
        return new GatewayConfig(host, port, upstreams, timeouts, retry, newBreaker);
    }

    /** Reads a YAML or JSON file with snake_case fields; durations read as {@code 250ms}, {@code 2s} or ISO-8601. */
    public static GatewayConfig load(Path file) {
        try {
            return ConfigFiles.yaml().readValue(file.toFile(), GatewayConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read gateway config " + file + ": " + e.getMessage(), e);
        }
    }
}
