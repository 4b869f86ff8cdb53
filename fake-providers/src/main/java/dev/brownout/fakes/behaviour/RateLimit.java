package dev.brownout.fakes.behaviour;

/**
 * Token-bucket limits per model, as the real APIs apply them: requests and tokens per minute. The
 * defaults are high enough never to bite unless a scenario lowers them.
 */
public record RateLimit(Integer requestsPerMinute, Integer tokensPerMinute) {

    public static final int DEFAULT_REQUESTS_PER_MINUTE = 10_000;
    public static final int DEFAULT_TOKENS_PER_MINUTE = 30_000_000;

    public RateLimit {
        requestsPerMinute = requestsPerMinute == null ? DEFAULT_REQUESTS_PER_MINUTE : requestsPerMinute;
        tokensPerMinute = tokensPerMinute == null ? DEFAULT_TOKENS_PER_MINUTE : tokensPerMinute;
        if (requestsPerMinute < 1 || tokensPerMinute < 1) {
            throw new IllegalArgumentException("rate_limit: requests_per_minute and tokens_per_minute must be >= 1");
        }
    }

    public static RateLimit defaults() {
        return new RateLimit(null, null);
    }
}
