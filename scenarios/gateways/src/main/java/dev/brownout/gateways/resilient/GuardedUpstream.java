package dev.brownout.gateways.resilient;

import dev.brownout.gateways.BreakerPolicy;
import dev.brownout.gateways.Upstream;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/** An upstream behind its own circuit breaker, which counts its failures (5xx, 429, timeouts, broken connections). */
record GuardedUpstream(Upstream upstream, CircuitBreaker breaker) {

    static GuardedUpstream of(Upstream upstream, BreakerPolicy policy) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(policy.window())
                .minimumNumberOfCalls(policy.window())
                .failureRateThreshold(policy.failureRatePercent())
                .waitDurationInOpenState(policy.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build();
        return new GuardedUpstream(upstream, CircuitBreaker.of(upstream.name(), config));
    }

    String name() {
        return upstream.name();
    }
}
