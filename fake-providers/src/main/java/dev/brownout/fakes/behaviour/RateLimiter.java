package dev.brownout.fakes.behaviour;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-model request and token buckets of one provider. Buckets are rebuilt when the limits change, so a
 * phase that lowers the limit starts from a full bucket of the new size, as a provider's new tier would.
 */
public final class RateLimiter {

    private final Map<String, Buckets> byModel = new ConcurrentHashMap<>();
    private final Duration minute;

    /** Limits per real minute. */
    public RateLimiter() {
        this(Duration.ofMinutes(1));
    }

    /** Limits per {@code minute}: a minute on the world's clock, which a scaled scenario shortens or stretches. */
    public RateLimiter(Duration minute) {
        if (minute == null || !minute.isPositive()) {
            throw new IllegalArgumentException("a rate limiter's minute must be longer than 0, was " + minute);
        }
        this.minute = minute;
    }

    private record Buckets(RateLimit limit, TokenBucket requests, TokenBucket tokens) {
    }

    /** Admits a request estimated at {@code tokens} tokens, or reports when it could be. */
    public RateLimitStatus admit(String model, RateLimit limit, long tokens, long now) {
        Buckets buckets = bucketsFor(model, limit, now);
        Duration requestWait = buckets.requests.tryTake(1, now);
        Duration tokenWait = Duration.ZERO;
        if (requestWait.isZero()) {
            tokenWait = buckets.tokens.tryTake(tokens, now);
            if (!tokenWait.isZero()) {
                buckets.requests.giveBack(1, now);
            }
        }
        boolean admitted = requestWait.isZero() && tokenWait.isZero();
        String exceeded = !requestWait.isZero() ? "requests" : !tokenWait.isZero() ? "tokens" : null;
        return status(buckets, now, admitted, requestWait.isZero() ? tokenWait : requestWait, exceeded);
    }

    /** The current state without taking anything, for responses refused before admission. */
    public RateLimitStatus peek(String model, RateLimit limit, long now) {
        return status(bucketsFor(model, limit, now), now, true, Duration.ZERO, null);
    }

    /** Every bucket full again, as at the start: the next request of each model finds its whole minute's budget. */
    public void refill() {
        byModel.clear();
    }

    private Buckets bucketsFor(String model, RateLimit limit, long now) {
        return byModel.compute(model, (key, existing) -> existing != null && existing.limit.equals(limit)
                ? existing
                : new Buckets(limit, new TokenBucket(limit.requestsPerMinute(), now, minute),
                new TokenBucket(limit.tokensPerMinute(), now, minute)));
    }

    private static RateLimitStatus status(Buckets buckets, long now, boolean admitted, Duration retryAfter,
                                          String exceeded) {
        return new RateLimitStatus(
                buckets.requests.capacity(), buckets.requests.remaining(now), buckets.requests.untilFull(now),
                buckets.tokens.capacity(), buckets.tokens.remaining(now), buckets.tokens.untilFull(now),
                admitted, retryAfter, exceeded);
    }
}
