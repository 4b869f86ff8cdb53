package dev.brownout.fakes.behaviour;

import java.time.Duration;

/**
 * The state the dialects' rate-limit headers report, and whether this request was admitted. When it was
 * not, {@code retryAfter} says when it would be and {@code exceeded} which limit refused it.
 */
public record RateLimitStatus(long requestLimit, long requestsRemaining, Duration requestsReset,
                              long tokenLimit, long tokensRemaining, Duration tokensReset,
                              boolean admitted, Duration retryAfter, String exceeded) {
}
