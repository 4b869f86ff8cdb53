package dev.brownout.assertj;

import dev.brownout.Brownout;
import dev.brownout.BrownoutWorld;
import dev.brownout.WorldProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A world's provider, asserted on directly: the calls it saw since the world started or was last reset. */
class WorldLedgerTest {

    private static int ask(HttpClient http, WorldProvider provider, String taskId) throws Exception {
        String prompt = "[brownout-task id=" + taskId + " kind=user difficulty=1]\\nSay hello.";
        HttpRequest request = HttpRequest.newBuilder(URI.create(provider.baseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer " + provider.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + provider.models().getFirst()
                        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}"))
                .timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aProvidersLedgerIsJudgedFromItsCallsSinceTheLastReset() throws Exception {
        try (BrownoutWorld world = Brownout.world("src/test/resources/run/gated-outage.yaml");
             HttpClient http = HttpClient.newHttpClient()) {
            WorldProvider primary = world.provider("primary");
            for (int i = 0; i < 3; i++) {
                assertThat(ask(http, primary, "t-1")).as("call %s for task t-1 to a healthy provider", i + 1).isEqualTo(200);
            }

            assertThatThrownBy(() -> BrownoutAssertions.assertThat(primary).hasAtMostAttemptsPerTask(2))
                    .as("3 calls for task t-1 against at most 2")
                    .hasMessageContaining("Expecting the ledger of primary (3 calls) to show at most 2 calls per task")
                    .hasMessageContaining("task t-1 made 3 calls to primary");

            world.reset();
            assertThatCode(() -> BrownoutAssertions.assertThat(primary).hasAtMostAttemptsPerTask(1).honouredRetryAfter())
                    .as("the ledger since the reset, which saw no call").doesNotThrowAnyException();
        }
    }
}
