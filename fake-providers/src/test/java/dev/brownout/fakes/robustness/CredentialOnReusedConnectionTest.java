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
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials are compared exactly, also on a kept-alive connection: the listener must not hand a
 * handler a header value remembered from an earlier request that differs only in case.
 */
class CredentialOnReusedConnectionTest {


    @Test
    void keyDifferingOnlyInCaseIsRefusedAfterTheRealKeyWasSentOnTheSameConnection() throws Exception {
        try (FakeWorld world = FakeWorld.start(TestWorlds.openAiAndAnthropic(7));
             HttpClient oneConnection = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            FakeProvider openai = world.provider("openai");
            String realKey = openai.apiKey();
            String shoutedKey = realKey.toUpperCase(Locale.ROOT);

            HttpResponse<String> withRealKey = oneConnection.send(completion(openai, realKey),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> withShoutedKey = oneConnection.send(completion(openai, shoutedKey),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(withRealKey.statusCode()).as("status with the real key %s", realKey).isEqualTo(200);
            assertThat(withShoutedKey.statusCode())
                    .as("status with %s, which only differs from the real key in case, on the same connection: %s",
                            shoutedKey, withShoutedKey.body())
                    .isEqualTo(401);
        }
    }

    private static HttpRequest completion(FakeProvider provider, String key) {
        return HttpRequest.newBuilder(URI.create(provider.baseUrl() + "/chat/completions"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"mid\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}"))
                .build();
    }
}
