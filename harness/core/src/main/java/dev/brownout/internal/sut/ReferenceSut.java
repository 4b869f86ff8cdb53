package dev.brownout.internal.sut;

import dev.brownout.fakes.oauth.OAuthClient;
import dev.brownout.gateways.BreakerPolicy;
import dev.brownout.gateways.GatewayConfig;
import dev.brownout.gateways.OAuthCredentials;
import dev.brownout.gateways.RetryPolicy;
import dev.brownout.gateways.RunningGateway;
import dev.brownout.gateways.Timeouts;
import dev.brownout.gateways.UpstreamConfig;
import dev.brownout.gateways.UpstreamDialect;
import dev.brownout.gateways.naive.NaiveGateway;
import dev.brownout.gateways.resilient.ResilientGateway;
import dev.brownout.world.OAuthEndpoint;
import dev.brownout.world.ProviderEndpoint;
import dev.brownout.world.WorldEndpoints;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reference gateway ({@code naive} or {@code resilient}) started in this JVM in front of the world: its
 * upstreams are the world's providers in order (the first is the primary), each with its first model and
 * its api key or, for an OAuth provider, the world's client credentials. Its clocks (timeouts, backoffs,
 * how long the breaker stays open) are multiplied by the run's time scale, never below a floor, so a
 * scenario played 20 times faster meets a gateway 20 times quicker too.
 */
final class ReferenceSut {

    /** The key sent to a provider that checks none; the gateway needs some credential. */
    static final String NO_KEY = "no-key-needed";

    /** A fresh loopback connection can take 100 ms and more while gateway, proxies and fakes share two cores. */
    static final Duration CONNECT_FLOOR = Duration.ofMillis(250);
    static final Duration ATTEMPT_FLOOR = Duration.ofMillis(250);
    static final Duration FIRST_BYTE_FLOOR = Duration.ofMillis(250);
    static final Duration BACKOFF_FLOOR = Duration.ofMillis(10);
    static final Duration MAX_BACKOFF_FLOOR = Duration.ofMillis(20);
    static final Duration RETRY_AFTER_FLOOR = Duration.ofMillis(50);
    static final Duration OPEN_FOR_FLOOR = Duration.ofMillis(100);

    private ReferenceSut() {
    }

    static StartedSut start(SutSpec spec, WorldEndpoints endpoints, double timeScale) {
        GatewayConfig config = configFor(endpoints, timeScale);
        RunningGateway gateway = switch (spec.gateway()) {
            case SutSpec.NAIVE -> NaiveGateway.start(config);
            case SutSpec.RESILIENT -> ResilientGateway.start(config);
            default -> throw new IllegalArgumentException("no reference gateway '" + spec.gateway()
                    + "'; use naive or resilient");
        };
        String model = config.upstreams().getFirst().model();
        ToolLoop sut = SutStarter.asAgent(OpenAiChatSut.of(URI.create(gateway.baseUrl()), null, model, Map.of()));
        return new StartedSut(spec.name(), sut, gateway.baseUrl(), null, List.of(gateway));
    }

    /** The gateway's configuration for this world, its clocks scaled. */
    static GatewayConfig configFor(WorldEndpoints endpoints, double timeScale) {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("a time scale must be a number > 0, e.g. 0.05 or 2; was " + timeScale);
        }
        if (endpoints.providers().isEmpty()) {
            throw new IllegalArgumentException("a reference gateway needs at least one provider in the world");
        }
        List<UpstreamConfig> upstreams = endpoints.providers().stream()
                .map(provider -> upstreamFor(provider, endpoints.oauth()))
                .toList();
        Timeouts timeouts = Timeouts.defaults();
        RetryPolicy retry = RetryPolicy.defaults();
        BreakerPolicy breaker = BreakerPolicy.defaults();
        return new GatewayConfig(null, null, upstreams,
                new Timeouts(scaled(timeouts.connect(), timeScale, CONNECT_FLOOR),
                        scaled(timeouts.attempt(), timeScale, ATTEMPT_FLOOR),
                        scaled(timeouts.firstByte(), timeScale, FIRST_BYTE_FLOOR)),
                new RetryPolicy(retry.maxAttempts(), retry.retriesPerUpstream(),
                        scaled(retry.baseBackoff(), timeScale, BACKOFF_FLOOR),
                        scaled(retry.maxBackoff(), timeScale, MAX_BACKOFF_FLOOR),
                        scaled(retry.maxRetryAfter(), timeScale, RETRY_AFTER_FLOOR)),
                new BreakerPolicy(breaker.window(), breaker.failureRatePercent(),
                        scaled(breaker.openFor(), timeScale, OPEN_FOR_FLOOR)));
    }

    /**
     * The one place a world provider becomes a gateway upstream: its dialect, its first model, and its api
     * key or the world's OAuth client credentials (secret and refresh token) for an {@code oauth} provider.
     */
    static UpstreamConfig upstreamFor(ProviderEndpoint provider, Optional<OAuthEndpoint> oauth) {
        if (provider.models().isEmpty()) {
            throw new IllegalArgumentException("provider '" + provider.name() + "' lists no model for the gateway to ask for");
        }
        String model = provider.models().getFirst();
        if ("oauth".equals(provider.auth())) {
            OAuthEndpoint server = oauth.orElseThrow(() -> new IllegalArgumentException("provider '" + provider.name()
                    + "' authenticates with OAuth, but the world has no OAuth server"));
            OAuthClient client = server.clients().stream().findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "provider '" + provider.name() + "' authenticates with OAuth, but the world's OAuth server has no client"));
            OAuthCredentials credentials = new OAuthCredentials(URI.create(server.tokenUrl()), client.clientId(),
                    client.clientSecret(), client.refreshToken());
            return UpstreamConfig.withOAuth(provider.name(), provider.baseUrl(), credentials, model)
                    .withDialect(UpstreamDialect.fromLabel(provider.dialect()));
        }
        String key = provider.apiKey() == null ? NO_KEY : provider.apiKey();
        return UpstreamConfig.withApiKey(provider.name(), provider.baseUrl(), key, model)
                .withDialect(UpstreamDialect.fromLabel(provider.dialect()));
    }

    static Duration scaled(Duration duration, double timeScale, Duration floor) {
        Duration scaled = Duration.ofNanos(Math.round(duration.toNanos() * timeScale));
        return scaled.compareTo(floor) < 0 ? floor : scaled;
    }
}
