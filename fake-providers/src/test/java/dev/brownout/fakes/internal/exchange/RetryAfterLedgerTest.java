package dev.brownout.fakes.internal.exchange;

import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.TestWorlds;
import dev.brownout.fakes.behaviour.ErrorFault;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.behaviour.RateLimit;
import dev.brownout.fakes.ledger.ProviderCall;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger keeps the {@code retry-after} a response asked for, so a harness can tell whether it was honoured. */
class RetryAfterLedgerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> ask(FakeProvider provider) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(provider.baseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer " + provider.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"mid\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRateLimited429RecordsTheRetryAfterItSent() throws Exception {
        try (FakeWorld world = TestWorlds.start(1, ProviderConfig.of("openai", DialectKind.OPENAI, "mid")
                .withBehaviour(ProviderBehaviour.healthy().withRateLimit(new RateLimit(1, null))))) {
            FakeProvider provider = world.provider("openai");
            ask(provider);

            HttpResponse<String> limited = ask(provider);

            assertThat(limited.statusCode()).isEqualTo(429);
            ProviderCall call = provider.ledger().all().getLast();
            assertThat(call.status()).isEqualTo(429);
            assertThat(call.retryAfterMillis()).as("the retry-after-ms header the client got")
                    .isEqualTo(Long.parseLong(limited.headers().firstValue("retry-after-ms").orElseThrow()));
        }
    }

    @Test
    void anInjected503WithRetryAfterRecordsIt() throws Exception {
        ErrorFault unavailable = new ErrorFault(503, null, null, Duration.ofMillis(1500), null, null, null);
        try (FakeWorld world = TestWorlds.start(1, ProviderConfig.of("openai", DialectKind.OPENAI, "mid")
                .withBehaviour(ProviderBehaviour.of(unavailable)))) {
            FakeProvider provider = world.provider("openai");

            HttpResponse<String> response = ask(provider);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("retry-after")).contains("2");
            assertThat(provider.ledger().all().getLast().retryAfterMillis()).isEqualTo(1500L);
        }
    }

    @Test
    void anErrorWithoutRetryAfterAndASuccessRecordNone() throws Exception {
        try (FakeWorld world = TestWorlds.start(1, ProviderConfig.of("openai", DialectKind.OPENAI, "mid"))) {
            FakeProvider provider = world.provider("openai");
            assertThat(ask(provider).statusCode()).isEqualTo(200);
            provider.behaviour().replace(ProviderBehaviour.of(ErrorFault.of(500)));
            assertThat(ask(provider).statusCode()).isEqualTo(500);

            assertThat(provider.ledger().all()).extracting(ProviderCall::status, ProviderCall::retryAfterMillis)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(200, null),
                            org.assertj.core.groups.Tuple.tuple(500, null));
        }
    }
}
