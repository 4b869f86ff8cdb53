package dev.brownout.fakes.internal.exchange;

import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.TestWorlds;
import dev.brownout.fakes.behaviour.HangFault;
import dev.brownout.fakes.behaviour.LatencyFault;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.behaviour.SlowTokensFault;
import dev.brownout.fakes.behaviour.StallFault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Time to first token and token gaps follow the model's profile: the {@code paced} test model has a fixed
 * 300 ms TTFT and 20 tokens/s. Bounds are wide so a loaded 2-core machine never flakes; exact figures are
 * the benchmark's business.
 */
class PacingTest {

    private static final String MAX_24 = "\"max_tokens\":24";
    private static FakeWorld world;
    private static FakeProvider provider;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        world = TestWorlds.start(3, ProviderConfig.of("openai", DialectKind.OPENAI, "paced", "mid"));
        provider = world.provider("openai");
        // A first request warms both JVMs' code paths, so the timings below measure pacing, not class loading.
        HTTP.send(request("{\"model\":\"mid\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"warm up\"}]}"),
                HttpResponse.BodyHandlers.ofString());
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @BeforeEach
    void healthy() {
        provider.behaviour().replace(ProviderBehaviour.healthy());
    }

    private static HttpRequest request(String body) {
        return HttpRequest.newBuilder(URI.create(provider.baseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer " + provider.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Arrival times (ns after sending) of each content chunk of a stream. */
    private static List<Long> contentArrivals(String model, String extra) throws Exception {
        long sent = System.nanoTime();
        HttpResponse<java.util.stream.Stream<String>> response = HTTP.send(request(
                "{\"model\":\"" + model + "\",\"stream\":true," + extra + ",\"messages\":[{\"role\":\"user\",\"content\":\"Tell me about gateways\"}]}"),
                HttpResponse.BodyHandlers.ofLines());
        List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
        response.body().forEach(line -> {
            if (line.contains("\"content\":\"") && !line.contains("\"role\"")) {
                arrivals.add(System.nanoTime() - sent);
            }
        });
        return arrivals;
    }

    @Test
    void streamWaitsTheTimeToFirstTokenThenPacesTokensAtTheModelsRate() throws Exception {
        List<Long> arrivals = contentArrivals("paced", MAX_24);

        assertThat(arrivals).hasSize(24);
        assertThat(Duration.ofNanos(arrivals.getFirst())).as("time to first token (profile: 300 ms)")
                .isBetween(Duration.ofMillis(290), Duration.ofSeconds(10));
        Duration span = Duration.ofNanos(arrivals.getLast() - arrivals.getFirst());
        assertThat(span).as("23 gaps of 50 ms at 20 tokens/s")
                .isBetween(Duration.ofMillis(900), Duration.ofSeconds(6));
    }

    @Test
    void nonStreamingAnswerTakesTheSameTotalTime() throws Exception {
        long sent = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request(
                "{\"model\":\"paced\"," + MAX_24 + ",\"messages\":[{\"role\":\"user\",\"content\":\"Tell me about gateways\"}]}"),
                HttpResponse.BodyHandlers.ofString());
        Duration took = Duration.ofNanos(System.nanoTime() - sent);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(took).as("300 ms TTFT + 23 x 50 ms").isBetween(Duration.ofMillis(1_440), Duration.ofSeconds(10));
    }

    @Test
    void latencyFaultAddsToTheTimeToFirstToken() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(new LatencyFault(Duration.ofMillis(700), null, null)));

        List<Long> arrivals = contentArrivals("paced", "\"max_tokens\":2");

        assertThat(Duration.ofNanos(arrivals.getFirst())).as("300 ms profile + 700 ms fault")
                .isBetween(Duration.ofMillis(990), Duration.ofSeconds(10));
    }

    @Test
    void slowTokensFaultStretchesTheGaps() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(new SlowTokensFault(0.25, null, null)));

        List<Long> arrivals = contentArrivals("paced", "\"max_tokens\":6");

        assertThat(Duration.ofNanos(arrivals.getLast() - arrivals.getFirst())).as("5 gaps of 200 ms at a quarter of the rate")
                .isBetween(Duration.ofMillis(800), Duration.ofSeconds(6));
    }

    @Test
    void stallPausesTheStreamAfterTheGivenTokenAndThenItCarriesOn() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(new StallFault(2, Duration.ofMillis(1_000), null, null)));

        List<Long> arrivals = contentArrivals("mid", "\"max_tokens\":5");

        assertThat(arrivals).as("all tokens still arrive").hasSize(5);
        Duration stalled = Duration.ofNanos(arrivals.get(2) - arrivals.get(1));
        Duration before = Duration.ofNanos(arrivals.get(1) - arrivals.get(0));
        assertThat(stalled).as("the gap after token 2 (a 1 s stall)").isBetween(Duration.ofMillis(800), Duration.ofSeconds(6));
        assertThat(stalled.minus(before)).as("the stall sits after token 2, not before it")
                .isGreaterThan(Duration.ofMillis(700));
    }

    @Test
    void hangAcceptsTheRequestAndNeverAnswers() {
        provider.behaviour().replace(ProviderBehaviour.of(new HangFault(null, null)));
        HttpRequest hung = HttpRequest.newBuilder(URI.create(provider.baseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer " + provider.apiKey()).timeout(Duration.ofMillis(800))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"mid\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build();

        assertThatThrownBy(() -> HTTP.send(hung, HttpResponse.BodyHandlers.ofString()))
                .as("the client's own timeout is all that ends it").isInstanceOf(HttpTimeoutException.class);
        assertThat(provider.ledger().all().getLast().outcome()).isEqualTo(dev.brownout.fakes.ledger.CallOutcome.HANG);
    }

    @Test
    void closingTheWorldReleasesHungRequestsPromptly() {
        FakeWorld other = TestWorlds.start(4, ProviderConfig.of("openai", DialectKind.OPENAI, "mid")
                .withBehaviour(ProviderBehaviour.of(new HangFault(null, null))));
        FakeProvider hanging = other.provider("openai");
        Thread.ofVirtual().start(() -> {
            try {
                HTTP.send(HttpRequest.newBuilder(URI.create(hanging.baseUrl() + "/chat/completions"))
                        .header("Authorization", "Bearer " + hanging.apiKey()).timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"mid\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception expected) {
                // The connection is closed under it; that is the point.
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (hanging.ledger().all().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        long start = System.nanoTime();
        other.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("close with a hung request open")
                .isLessThan(Duration.ofSeconds(5));
    }
}
