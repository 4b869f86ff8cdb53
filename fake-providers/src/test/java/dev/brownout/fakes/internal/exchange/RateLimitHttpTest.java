package dev.brownout.fakes.internal.exchange;

import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.TestWorlds;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.behaviour.RateLimit;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Real token-bucket rate limiting, answered in each dialect's shape and headers. */
class RateLimitHttpTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void openAiRequestOverTheLimitGets429WithRetryHeadersAndRemainingZero() throws Exception {
        try (FakeWorld world = TestWorlds.start(1, ProviderConfig.of("openai", DialectKind.OPENAI, "mid")
                .withBehaviour(ProviderBehaviour.healthy().withRateLimit(new RateLimit(2, null))))) {
            var provider = world.provider("openai");
            HttpRequest request = HttpRequest.newBuilder(URI.create(provider.baseUrl() + "/chat/completions"))
                    .header("Authorization", "Bearer " + provider.apiKey())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"mid\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                    .build();

            List<HttpResponse<String>> responses = List.of(
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString()),
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString()),
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString()));

            assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(200, 200, 429);
            assertThat(responses.get(1).headers().firstValue("x-ratelimit-remaining-requests")).contains("0");
            HttpResponse<String> limited = responses.get(2);
            assertThat(limited.headers().firstValue("x-ratelimit-limit-requests")).contains("2");
            assertThat(limited.headers().firstValue("retry-after").map(Integer::parseInt))
                    .as("seconds until a request fits: half a minute at 2 per minute")
                    .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(29, 31));
            assertThat(limited.headers().firstValue("retry-after-ms").map(Long::parseLong))
                    .hasValueSatisfying(millis -> assertThat(millis).isBetween(29_000L, 30_500L));
            assertThat(limited.body()).contains("\"type\":\"requests\"", "\"code\":\"rate_limit_exceeded\"");
        }
    }

    @Test
    void anthropicTokenLimitGets429RateLimitErrorWithResetTimestamps() throws Exception {
        try (FakeWorld world = TestWorlds.start(1, ProviderConfig.of("anthropic", DialectKind.ANTHROPIC, "mid")
                .withBehaviour(ProviderBehaviour.healthy().withRateLimit(new RateLimit(null, 100))))) {
            var provider = world.provider("anthropic");
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(provider.baseUrl() + "/v1/messages"))
                    .header("x-api-key", provider.apiKey()).header("anthropic-version", "2023-06-01")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"mid\",\"max_tokens\":500,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as("500 max tokens cannot fit a 100-token bucket").isEqualTo(429);
            assertThat(response.body()).contains("\"type\":\"rate_limit_error\"");
            assertThat(response.headers().firstValue("retry-after")).isPresent();
            assertThat(response.headers().firstValue("anthropic-ratelimit-tokens-limit")).contains("100");
            assertThat(response.headers().firstValue("anthropic-ratelimit-requests-reset"))
                    .hasValueSatisfying(reset -> assertThat(reset).matches("\\d{4}-\\d{2}-\\d{2}T.*Z"));
        }
    }
}
