package dev.brownout.gateways.naive;

import dev.brownout.gateways.GatewayConfig;
import dev.brownout.gateways.GatewayProcess;
import dev.brownout.gateways.GatewayServer;
import dev.brownout.gateways.RunningGateway;

/**
 * The gateway a team writes on its first day: every request goes to the first upstream, once, and
 * whatever it answers, errors included, goes back to the caller. No retries, no failover, no breaker.
 */
public final class NaiveGateway {

    public static final String KIND = "naive";

    private NaiveGateway() {
    }

    public static RunningGateway start(GatewayConfig config) {
        // Only the first upstream is used, so only its model is listed and only its credential is set up.
        GatewayConfig primaryOnly = new GatewayConfig(config.host(), config.port(), config.upstreams().subList(0, 1),
                config.timeouts(), config.retry(), config.breaker());
        return GatewayServer.start(primaryOnly, KIND,
                upstreams -> new NaiveForwarder(upstreams.getFirst(), primaryOnly.timeouts()));
    }

    /** {@code java ... dev.brownout.gateways.naive.NaiveGateway gateway.yaml}; prints the base URL. */
    public static void main(String[] args) {
        int code = GatewayProcess.run(KIND, args, NaiveGateway::start);
        System.exit(code);
    }
}
