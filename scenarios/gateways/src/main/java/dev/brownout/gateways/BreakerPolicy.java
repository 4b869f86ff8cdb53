package dev.brownout.gateways;

import java.time.Duration;

/**
 * The per-upstream circuit breaker: over the last {@code window} attempts, once at least that many were
 * made and {@code failureRatePercent} of them failed, the breaker opens for {@code openFor}, then lets one
 * probe through.
 */
public record BreakerPolicy(Integer window, Integer failureRatePercent, Duration openFor) {

    public BreakerPolicy {
        window = window == null ? 10 : window;
        failureRatePercent = failureRatePercent == null ? 50 : failureRatePercent;
        if (window < 1 || window > 1000) {
            throw new IllegalArgumentException("breaker window must be between 1 and 1000, was " + window);
        }
        if (failureRatePercent < 1 || failureRatePercent > 100) {
            throw new IllegalArgumentException("breaker failure_rate_percent must be between 1 and 100, was " + failureRatePercent);
        }
        openFor = Timeouts.positiveOr(openFor, Duration.ofSeconds(30), "open_for");
    }

    public static BreakerPolicy defaults() {
        return new BreakerPolicy(null, null, null);
    }
}
