package dev.brownout.fakes.oauth;

import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Plays the token endpoint's faults of the current behaviour: the added delay, the hang, and the
 * injected errors drawn from the world's seeded random. Waiting happens on a latch the server opens
 * when it stops, so neither a delay nor a hang can hold up shutdown.
 */
final class TokenEndpointFaults {

    private final Random random;
    private final CountDownLatch stopping;

    TokenEndpointFaults(long seed, CountDownLatch stopping) {
        this.random = new Random(seed);
        this.stopping = stopping;
    }

    /** Waits the delay; throws the injected error, if this request draws one. */
    void delayOrFail(OAuthBehaviour.TokenFaults faults, Exchange exchange) throws InterruptedException {
        if (!faults.delay().isZero() && stopping.await(faults.delay().toNanos(), TimeUnit.NANOSECONDS)) {
            throw stopped(exchange);
        }
        if (faults.errorRate() > 0 && random.nextDouble() < faults.errorRate()) {
            OAuthError injected = switch (faults.errorStatus()) {
                case 500 -> OAuthError.serverError("injected failure of the token endpoint");
                case 429 -> OAuthError.tooManyRequests("injected throttling of the token endpoint: too many requests",
                        faults.retryAfter());
                default -> OAuthError.temporarilyUnavailable("injected unavailability of the token endpoint");
            };
            exchange.outcome(injected.code(), true);
            throw injected;
        }
    }

    /** Holds the request until the server stops; the client gives up long before. */
    OAuthError hang(Exchange exchange) throws InterruptedException {
        stopping.await();
        return stopped(exchange);
    }

    private static OAuthError stopped(Exchange exchange) {
        OAuthError error = OAuthError.temporarilyUnavailable("the server is stopping");
        exchange.outcome(error.code(), true);
        return error;
    }
}
