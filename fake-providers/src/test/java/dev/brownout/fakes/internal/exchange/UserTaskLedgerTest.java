package dev.brownout.fakes.internal.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.TestWorlds;
import dev.brownout.fakes.canary.Canaries;
import dev.brownout.fakes.ledger.ProviderCall;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A prompt with a task header of a kind the fakes do not solve ({@code kind=user}, a task from a user's task
 * file) still joins the ledger by its id, and is answered with filler like any other non-canary prompt.
 */
class UserTaskLedgerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String ask(FakeProvider provider, String prompt) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("model", "perfect");
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(provider.baseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer " + provider.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("status of the completion, body %s", response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).at("/choices/0/message/content").asText();
    }

    @Test
    void aUserTaskHeadersIdLandsInTheLedgerAndTheReplyIsFiller() throws Exception {
        String prompt = Canaries.header("refunds-3.r1", "user", 1) + "\nWhat is 2 + 2? Finish with ANSWER: <n>";
        try (FakeWorld world = TestWorlds.start(5, ProviderConfig.of("openai", DialectKind.OPENAI, "perfect"))) {
            FakeProvider provider = world.provider("openai");

            String reply = ask(provider, prompt);

            ProviderCall call = provider.ledger().all().getLast();
            assertThat(call.taskId()).as("task id the ledger recorded").isEqualTo("refunds-3.r1");
            assertThat(call.correct()).as("no verdict: the fake did not solve a user task").isNull();
            assertThat(reply).as("filler: plain sentences with no ANSWER line, even from a perfect model")
                    .doesNotContain("ANSWER")
                    .matches("([A-Z][a-z]*( [a-z]+)*\\. ?)+");
        }
    }

    @Test
    void aPromptWithoutAHeaderStillHasNoTaskId() throws Exception {
        try (FakeWorld world = TestWorlds.start(5, ProviderConfig.of("openai", DialectKind.OPENAI, "perfect"))) {
            FakeProvider provider = world.provider("openai");

            ask(provider, "Say hello.");

            assertThat(provider.ledger().all().getLast().taskId()).isNull();
        }
    }
}
