package dev.brownout.gateways.resilient;

import dev.brownout.gateways.RetryPolicy;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** How long to wait before trying the same upstream again: what it asked for, else a jittered backoff. */
final class RetryDelay {

    private final RetryPolicy policy;
    private final RandomGenerator random;

    /** {@code random} is shared by every request thread, so it must be thread-safe, as {@link java.util.Random} is. */
    RetryDelay(RetryPolicy policy, RandomGenerator random) {
        this.policy = policy;
        this.random = random;
    }

    /**
     * The wait before retry number {@code retry} (1 for the first), or empty when the upstream asked for
     * a longer wait than the policy accepts, which means failing over instead of waiting.
     */
    Optional<Duration> before(int retry, HttpHeaders headers) {
        Optional<Duration> asked = askedFor(headers, Instant.now());
        if (asked.isPresent()) {
            return asked.get().compareTo(policy.maxRetryAfter()) <= 0 ? asked : Optional.empty();
        }
        return Optional.of(backoff(retry));
    }

    /** Doubles from the base per retry up to the ceiling, then keeps a random 50 to 100 % of it so callers spread out. */
    Duration backoff(int retry) {
        int doublings = Math.min(Math.max(retry - 1, 0), 20);
        long ceiling = Math.min(policy.maxBackoff().toMillis(), policy.baseBackoff().toMillis() << doublings);
        long jittered = ceiling / 2 + (long) (random.nextDouble() * (ceiling - ceiling / 2));
        return Duration.ofMillis(jittered);
    }

    /** {@code retry-after-ms} (OpenAI's, precise) wins over {@code retry-after} (seconds or an HTTP date). */
    static Optional<Duration> askedFor(HttpHeaders headers, Instant now) {
        Optional<String> millis = headers.firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                double value = Double.parseDouble(millis.get().trim());
                if (value >= 0 && Double.isFinite(value)) {
                    return Optional.of(Duration.ofMillis((long) Math.ceil(value)));
                }
            } catch (NumberFormatException ignored) {
                // a malformed hint is no hint; fall back to retry-after
            }
        }
        Optional<String> after = headers.firstValue("retry-after");
        if (after.isEmpty()) {
            return Optional.empty();
        }
        String text = after.get().trim();
        try {
            double seconds = Double.parseDouble(text);
            return seconds >= 0 && Double.isFinite(seconds)
                    ? Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)))
                    : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                Instant when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, when);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
