package dev.brownout.fakes;

import dev.brownout.fakes.ledger.ProviderCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's {@code first_token_late_ms} and {@code max_token_late_ms}: how late the provider's pacer handed
 * tokens to the connection. Holding the pacer's thread back 200 ms must show on a stream in flight; a stream the
 * pacer serves unhindered must not look late. The {@code paced} model sends a token every 50 ms.
 */
class PacerLatenessTest {

    private static final long HOLD_MILLIS = 200;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static FakeWorld world;
    private static FakeProvider provider;

    @BeforeAll
    static void start() throws Exception {
        world = TestWorlds.start(11, ProviderConfig.of("openai", DialectKind.OPENAI, "paced", "mid"));
        provider = world.provider("openai");
        // Warms the code paths, so a cold JVM's first call does not count as the pacer's lateness.
        HTTP.send(request("mid", true, 4), HttpResponse.BodyHandlers.ofString());
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void aStreamInFlightWhileThePacerIsHeldBackHasATokenAtLeastThatLate() throws Exception {
        HttpResponse<Stream<String>> response = HTTP.send(request("paced", true, 12), HttpResponse.BodyHandlers.ofLines());
        Iterator<String> lines = response.body().iterator();
        // The first frame is out: the stream's remaining 11 tokens (550 ms) are due while the pacer is held.
        assertThat(lines.hasNext()).as("the stream sent its first frame").isTrue();
        lines.next();
        provider.pacer().runOnPacer(() -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(HOLD_MILLIS)));
        lines.forEachRemaining(line -> { });

        ProviderCall call = callOf(response);
        // The token due next after the hold began was due at most one 50 ms gap later, so it left >= 150 ms late.
        assertThat(call.maxTokenLateMs()).as("the latest token of a stream the pacer held back %d ms: %s",
                HOLD_MILLIS, call).isGreaterThanOrEqualTo(HOLD_MILLIS - 50.0);
        assertThat(call.outputTokens()).as("the held stream still sent all its tokens").isEqualTo(12);
    }

    @Test
    void aStreamThePacerServesUnhinderedIsNotLate() throws Exception {
        HttpResponse<String> response = HTTP.send(request("paced", true, 8), HttpResponse.BodyHandlers.ofString());

        ProviderCall call = callOf(response);
        assertThat(call.firstTokenLateMs()).as("first token lateness of a healthy stream: %s", call)
                .isNotNull().isGreaterThanOrEqualTo(0.0).isLessThan(HOLD_MILLIS / 2.0);
        assertThat(call.maxTokenLateMs()).as("latest token lateness of a healthy stream: %s", call)
                .isNotNull().isGreaterThanOrEqualTo(call.firstTokenLateMs()).isLessThan(HOLD_MILLIS / 2.0);
    }

    @Test
    void aNonStreamingCallHasNoTokenLateness() throws Exception {
        HttpResponse<String> response = HTTP.send(request("mid", false, 8), HttpResponse.BodyHandlers.ofString());

        ProviderCall call = callOf(response);
        assertThat(call.status()).as("the call was answered: %s", call).isEqualTo(200);
        assertThat(call.firstTokenLateMs()).as("first token lateness of a non-streaming call").isNull();
        assertThat(call.maxTokenLateMs()).as("latest token lateness of a non-streaming call").isNull();
    }

    private static HttpRequest request(String model, boolean stream, int maxTokens) {
        return HttpRequest.newBuilder(URI.create(provider.baseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer " + provider.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"stream\":" + stream
                        + ",\"max_tokens\":" + maxTokens
                        + ",\"messages\":[{\"role\":\"user\",\"content\":\"Tell me about gateways\"}]}"))
                .build();
    }

    /** The ledger entry of the call that got this response, found by its request id. */
    private static ProviderCall callOf(HttpResponse<?> response) {
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        return provider.ledger().all().stream().filter(call -> requestId.equals(call.requestId())).findFirst()
                .orElseThrow(() -> new AssertionError("no ledger entry for request " + requestId));
    }
}
