package dev.brownout.fakes.internal.exchange;

import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.TestWorlds;
import dev.brownout.fakes.WorldConfig;
import dev.brownout.fakes.catalog.LatencyProfile;
import dev.brownout.fakes.catalog.ModelCatalog;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A world's time scale paces its models on the scenario's clock: TTFT times the scale, token rate divided by it. */
class WorldTimeScaleTest {

    @Test
    void aScaledProfileMultipliesTimesAndDividesTheTokenRate() {
        LatencyProfile profile = new LatencyProfile(Duration.ofMillis(400), Duration.ofMillis(1200), 50);

        LatencyProfile scaled = profile.scaled(0.05);

        assertThat(scaled.ttftMedian()).as("median TTFT at 0.05").isEqualTo(Duration.ofMillis(20));
        assertThat(scaled.ttftP99()).as("p99 TTFT at 0.05").isEqualTo(Duration.ofMillis(60));
        assertThat(scaled.tokensPerSecond()).as("token rate at 0.05").isEqualTo(1000.0);
        assertThat(scaled.sigma()).as("the spread of a log-normal does not change with its scale")
                .isCloseTo(profile.sigma(), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aPacedCatalogKeepsCapabilityPriceAndWindow() {
        ModelCatalog catalog = ModelCatalog.load(TestWorlds.instantCatalog());

        ModelCatalog paced = catalog.paced(0.1);

        assertThat(paced.require("paced").latency().ttftMedian()).as("paced model's TTFT at 0.1")
                .isEqualTo(Duration.ofMillis(30));
        assertThat(paced.require("paced").capability()).isEqualTo(catalog.require("paced").capability());
        assertThat(paced.require("paced").price()).isEqualTo(catalog.require("paced").price());
        assertThat(paced.require("paced").contextWindow()).isEqualTo(catalog.require("paced").contextWindow());
        assertThat(catalog.paced(1)).as("a scale of 1 is the catalog itself").isSameAs(catalog);
    }

    @Test
    void aWorldOnASlowerClockAnswersNoSoonerThanItsScaledTimeToFirstToken() throws Exception {
        // paced: a fixed 300 ms TTFT; at scale 5 no answer can start before 1.5 s, however idle the machine
        WorldConfig config = new WorldConfig(3L, WorldConfig.LOOPBACK, TestWorlds.instantCatalog().toString(),
                List.of(ProviderConfig.of("openai", DialectKind.OPENAI, "paced")), null, 5.0);
        try (FakeWorld world = FakeWorld.start(config)) {
            FakeProvider provider = world.provider("openai");
            HttpRequest request = HttpRequest.newBuilder(URI.create(provider.baseUrl() + "/chat/completions"))
                    .header("Authorization", "Bearer " + provider.apiKey())
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"paced\",\"max_tokens\":1,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                    .build();
            long sent = System.nanoTime();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            Duration took = Duration.ofNanos(System.nanoTime() - sent);

            assertThat(response.statusCode()).as("status, body: %s", response.body()).isEqualTo(200);
            assertThat(took).as("a 300 ms TTFT on a clock 5 times as long").isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        }
    }

    @Test
    void aTimeScaleOfZeroIsRefusedWithTheValidRange() {
        assertThatThrownBy(() -> WorldConfig.defaults().withTimeScale(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time_scale must be a number > 0");
    }
}
