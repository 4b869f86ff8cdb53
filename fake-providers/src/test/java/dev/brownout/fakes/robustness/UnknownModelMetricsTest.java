package dev.brownout.fakes.robustness;

import dev.brownout.fakes.TestWorlds;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model names a client makes up must not become Prometheus label values: each would be a new time series
 * kept for the provider's lifetime, so a client (or a fuzzer) could grow the registry and the scrape
 * without bound. Unknown models are counted together under {@code model="unknown"}.
 */
class UnknownModelMetricsTest {

    static final int MADE_UP_MODELS = 200;


    @Test
    void madeUpModelNamesAreCountedUnderOneUnknownLabelInsteadOfOneSeriesEach() throws Exception {
        try (FakeWorld world = FakeWorld.start(TestWorlds.openAiAndAnthropic(5));
             HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            FakeProvider openai = world.provider("openai");
            for (int i = 0; i < MADE_UP_MODELS; i++) {
                HttpResponse<String> refused = client.send(HttpRequest.newBuilder(
                                URI.create(openai.baseUrl() + "/chat/completions"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + openai.apiKey())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"made-up-" + i + "\","
                                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).as("status for made-up model %d", i).isEqualTo(404);
            }

            String metrics = client.send(HttpRequest.newBuilder(URI.create(openai.adminUrl() + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();

            assertThat(metrics).as("metrics after %d made-up model names", MADE_UP_MODELS)
                    .doesNotContain("made-up-")
                    .containsPattern("brownout_provider_requests_total\\{[^}]*model=\"unknown\"[^}]*status=\"404\""
                            + "[^}]*} " + MADE_UP_MODELS + "\\.0");
            assertThat(world.provider("openai").ledger().all()).as("ledger entries, which keep the name asked for")
                    .anySatisfy(call -> assertThat(call.model()).isEqualTo("made-up-7"));
        }
    }
}
