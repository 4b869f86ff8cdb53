package dev.brownout.gateways.resilient;

import dev.brownout.gateways.RetryPolicy;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The wait before a retry: the upstream's hint when it has one and it is short enough, else a jittered backoff. */
class RetryDelayTest {

    private static final RetryPolicy POLICY =
            new RetryPolicy(4, 2, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(5));

    private static HttpHeaders headers(Map<String, String> values) {
        return HttpHeaders.of(values.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, entry -> List.of(entry.getValue()))), (name, value) -> true);
    }

    @Test
    void retryAfterMsWinsOverRetryAfterSeconds() {
        Optional<Duration> wait = new RetryDelay(POLICY, new Random(1))
                .before(1, headers(Map.of("retry-after-ms", "300", "retry-after", "1")));

        assertThat(wait).as("the wait asked for in milliseconds").contains(Duration.ofMillis(300));
    }

    @Test
    void retryAfterAsAnHttpDateIsTheTimeUntilThatDate() {
        Instant now = Instant.parse("2026-11-28T04:00:00Z");
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(3).atOffset(ZoneOffset.UTC));

        assertThat(RetryDelay.askedFor(headers(Map.of("retry-after", date)), now)).as("wait until the date")
                .contains(Duration.ofSeconds(3));
    }

    @Test
    void retryAfterLongerThanTheMaximumMeansFailOverInsteadOfWaiting() {
        Optional<Duration> wait = new RetryDelay(POLICY, new Random(1)).before(1, headers(Map.of("retry-after", "30")));

        assertThat(wait).as("a 30 s wait with a 5 s maximum").isEmpty();
    }

    @Test
    void backoffDoublesWithJitterUpToItsCeiling() {
        RetryDelay delay = new RetryDelay(POLICY, new Random(7));

        for (int sample = 0; sample < 50; sample++) {
            assertThat(delay.backoff(1)).as("first retry").isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(delay.backoff(2)).as("second retry").isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(delay.backoff(10)).as("tenth retry, capped").isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        }
    }
}
