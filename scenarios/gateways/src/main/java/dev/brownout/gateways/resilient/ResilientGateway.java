package dev.brownout.gateways.resilient;

import dev.brownout.gateways.GatewayConfig;
import dev.brownout.gateways.GatewayProcess;
import dev.brownout.gateways.GatewayServer;
import dev.brownout.gateways.RunningGateway;

import java.util.Random;

/**
 * The gateway a careful team writes: retries with the wait the upstream asks for (bounded) or a jittered
 * exponential backoff, fails over from the primary (the first upstream) to the next ones on 5xx, 429,
 * timeouts and broken connections, keeps a circuit breaker per upstream, times out a stream that does
 * not start, and keeps OAuth tokens fresh ahead of their expiry. Every upstream speaks OpenAI's chat
 * completions; an Anthropic upstream would need the request and the stream translated, which this gateway
 * does not do.
 */
public final class ResilientGateway {

    public static final String KIND = "resilient";

    private ResilientGateway() {
    }

    public static RunningGateway start(GatewayConfig config) {
        return GatewayServer.start(config, KIND, upstreams -> new ResilientForwarder(
                upstreams.stream().map(upstream -> GuardedUpstream.of(upstream, config.breaker())).toList(),
                config.timeouts(), config.retry(), new RetryDelay(config.retry(), new Random())));
    }

    /** {@code java ... dev.brownout.gateways.resilient.ResilientGateway gateway.yaml}; prints the base URL. */
    public static void main(String[] args) {
        int code = GatewayProcess.run(KIND, args, ResilientGateway::start);
        System.exit(code);
    }
}
