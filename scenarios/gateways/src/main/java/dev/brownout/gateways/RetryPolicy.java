package dev.brownout.gateways;

import java.time.Duration;

/**
 * How the resilient gateway retries before and while failing over.
 *
 * @param maxAttempts         attempts per caller request across every upstream
 * @param retriesPerUpstream  extra attempts on the same upstream after a retryable status, before failing over
 * @param baseBackoff         the first backoff; each retry doubles it, with jitter
 * @param maxBackoff          the ceiling of one backoff
 * @param maxRetryAfter       the longest {@code retry-after} honoured; a longer one fails over at once
 */
public record RetryPolicy(Integer maxAttempts, Integer retriesPerUpstream, Duration baseBackoff, Duration maxBackoff,
                          Duration maxRetryAfter) {

    public RetryPolicy {
        maxAttempts = maxAttempts == null ? 4 : maxAttempts;
        retriesPerUpstream = retriesPerUpstream == null ? 1 : retriesPerUpstream;
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("max_attempts must be between 1 and 20, was " + maxAttempts);
        }
        if (retriesPerUpstream < 0 || retriesPerUpstream > 10) {
            throw new IllegalArgumentException("retries_per_upstream must be between 0 and 10, was " + retriesPerUpstream);
        }
        baseBackoff = Timeouts.positiveOr(baseBackoff, Duration.ofMillis(200), "base_backoff");
        maxBackoff = Timeouts.positiveOr(maxBackoff, Duration.ofSeconds(2), "max_backoff");
        maxRetryAfter = Timeouts.positiveOr(maxRetryAfter, Duration.ofSeconds(5), "max_retry_after");
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(null, null, null, null, null);
    }
}
