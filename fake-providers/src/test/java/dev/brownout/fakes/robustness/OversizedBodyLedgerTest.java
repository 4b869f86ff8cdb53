package dev.brownout.fakes.robustness;

import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.TestWorlds;
import dev.brownout.fakes.internal.http.FakeHttpServer;
import dev.brownout.fakes.ledger.ProviderCall;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A body over the listener's limit is one refused call: one 413 in the ledger, under the id the client got. */
class OversizedBodyLedgerTest {


    @Test
    void oversizedBodyIsRecordedOnceAs413UnderTheRequestIdTheClientGot() throws Exception {
        try (FakeWorld world = FakeWorld.start(TestWorlds.openAiAndAnthropic(3));
             HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            FakeProvider anthropic = world.provider("anthropic");
            String oversized = "{\"model\":\"mid\",\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":\""
                    + "a".repeat((int) FakeHttpServer.MAX_REQUEST_BYTES) + "\"}]}";
            long before = anthropic.ledger().lastSequence();

            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create(anthropic.baseUrl()
                            + "/v1/messages"))
                    .timeout(Duration.ofSeconds(20))
                    .header("x-api-key", anthropic.apiKey())
                    .header("anthropic-version", "2023-06-01")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(oversized)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).as("status for a body over the limit: %s", refused.body()).isEqualTo(413);
            List<ProviderCall> recorded = anthropic.ledger().since(before, 100).entries();
            assertThat(recorded).as("ledger entries for one oversized request").hasSize(1);
            assertThat(recorded.getFirst().status()).as("status in the ledger").isEqualTo(413);
            assertThat(recorded.getFirst().requestId()).as("request id in the ledger")
                    .isEqualTo(refused.headers().firstValue("request-id").orElse("(no request-id header)"));
        }
    }
}
