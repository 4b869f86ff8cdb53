package dev.brownout.fakes.behaviour;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    @Test
    void admitsUpToTheRequestLimitThenSaysWhenTheNextFits() {
        RateLimiter limiter = new RateLimiter();
        RateLimit limit = new RateLimit(3, 1_000_000);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.admit("m", limit, 10, 0).admitted()).as("request %d of 3", i + 1).isTrue();
        }
        RateLimitStatus refused = limiter.admit("m", limit, 10, 0);

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.exceeded()).isEqualTo("requests");
        assertThat(refused.retryAfter()).as("one request refills in a third of a minute")
                .isBetween(Duration.ofSeconds(19), Duration.ofSeconds(21));
        assertThat(limiter.admit("m", limit, 10, MINUTE / 3 + 1_000_000).admitted()).as("after that wait").isTrue();
    }

    @Test
    void aRefilledLimiterAdmitsAWholeMinutesBudgetAtOnceAgain() {
        RateLimiter limiter = new RateLimiter();
        RateLimit limit = new RateLimit(2, 1_000_000);
        limiter.admit("m", limit, 1, 0);
        limiter.admit("m", limit, 1, 0);

        limiter.refill();

        assertThat(limiter.admit("m", limit, 1, 0).admitted()).as("the first request after the refill").isTrue();
        assertThat(limiter.admit("m", limit, 1, 0).admitted()).as("the second: the whole budget again").isTrue();
        assertThat(limiter.admit("m", limit, 1, 0).admitted()).as("the third is over the limit as before").isFalse();
    }

    @Test
    void aRequestRefusedForTokensDoesNotSpendARequest() {
        RateLimiter limiter = new RateLimiter();
        RateLimit limit = new RateLimit(10, 100);

        RateLimitStatus refused = limiter.admit("m", limit, 500, 0);

        assertThat(refused.exceeded()).isEqualTo("tokens");
        assertThat(refused.requestsRemaining()).isEqualTo(10);
    }

    @Test
    void modelsHaveTheirOwnBucketsAndNewLimitsStartFull() {
        RateLimiter limiter = new RateLimiter();
        limiter.admit("a", new RateLimit(1, 1000), 1, 0);

        assertThat(limiter.admit("b", new RateLimit(1, 1000), 1, 0).admitted()).isTrue();
        assertThat(limiter.admit("a", new RateLimit(2, 1000), 1, 0).requestsRemaining()).isEqualTo(1);
    }

    @Test
    void onAScaledClockTheBurstIsTheWrittenCountAndItRefillsInAScaledMinute() {
        // a scenario played at 0.05: its minute lasts 3 s
        RateLimiter limiter = new RateLimiter(Duration.ofSeconds(3));
        RateLimit limit = new RateLimit(120, 1_000_000);

        for (int i = 0; i < 120; i++) {
            assertThat(limiter.admit("m", limit, 1, 0).admitted()).as("request %d of the written 120", i + 1).isTrue();
        }
        RateLimitStatus refused = limiter.admit("m", limit, 1, 0);

        assertThat(refused.admitted()).as("the 121st request at once").isFalse();
        assertThat(refused.retryAfter()).as("one request refills in 1/120 of a 3-second minute")
                .isBetween(Duration.ofMillis(24), Duration.ofMillis(26));
        assertThat(limiter.admit("m", limit, 1, Duration.ofSeconds(3).toNanos()).requestsRemaining())
                .as("a scaled minute later the bucket is full again, less the request just taken").isEqualTo(119);
    }

    @Test
    void aMinuteOfZeroIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RateLimiter(Duration.ZERO))
                .hasMessageContaining("minute must be longer than 0");
    }
}
