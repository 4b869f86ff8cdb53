package dev.brownout.fakes.oauth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;

/** The server's Prometheus metrics: tokens issued by grant, errors by endpoint and code, request latency. */
final class OAuthMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final String server;

    OAuthMetrics(String server) {
        this.server = server;
    }

    void record(Exchange exchange, int status) {
        Timer.builder("brownout.oauth.request")
                .description("Time to answer a request of the OAuth server")
                .tags("server", server, "endpoint", exchange.endpoint())
                .publishPercentiles(0.5, 0.9, 0.99)
                .register(registry)
                .record(Duration.ofNanos(exchange.elapsedNanos()));
        if (status == 200 && "token".equals(exchange.endpoint())) {
            Counter.builder("brownout.oauth.tokens.issued")
                    .description("Access tokens issued, by grant")
                    .tags("server", server, "grant", exchange.grant() == null ? "none" : exchange.grant())
                    .register(registry)
                    .increment();
        } else if (!"ok".equals(exchange.outcome())) {
            Counter.builder("brownout.oauth.errors")
                    .description("Requests refused or failed, by endpoint and error code")
                    .tags("server", server, "endpoint", exchange.endpoint(), "code", exchange.outcome(),
                            "injected", String.valueOf(exchange.injected()))
                    .register(registry)
                    .increment();
        }
    }

    String scrape() {
        return registry.scrape();
    }
}
