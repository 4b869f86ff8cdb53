package dev.brownout.gateways.resilient;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.brownout.fakes.behaviour.CutFault;
import dev.brownout.fakes.behaviour.ErrorFault;
import dev.brownout.fakes.behaviour.LatencyFault;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.canary.Canaries;
import dev.brownout.fakes.canary.CanaryGenerator;
import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.canary.CanaryTask;
import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.gateways.GatewayConfig;
import dev.brownout.gateways.RetryPolicy;
import dev.brownout.gateways.RunningGateway;
import dev.brownout.gateways.TestWorld;
import dev.brownout.gateways.Timeouts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Streams through the resilient gateway: relayed whole, failed over before the first event, never after. */
class ResilientStreamingTest {

    private static final Duration FIRST_BYTE_TIMEOUT = Duration.ofMillis(500);

    private TestWorld world;
    private RunningGateway gateway;
    private OpenAIClient sdk;

    @BeforeEach
    void start() {
        world = TestWorld.start(31);
        GatewayConfig config = world.primaryThenBackup()
                .withRetry(new RetryPolicy(4, 1, Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofSeconds(2)))
                .withTimeouts(new Timeouts(null, null, FIRST_BYTE_TIMEOUT));
        gateway = ResilientGateway.start(config);
        sdk = TestWorld.sdkFor(gateway);
    }

    @AfterEach
    void stop() {
        sdk.close();
        gateway.close();
        world.close();
    }

    private ChatCompletion streamed(String prompt) {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream = sdk.chat().completions().createStreaming(TestWorld.ask(prompt)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        return accumulator.chatCompletion();
    }

    @Test
    void healthyStreamAccumulatesToThePrimarysWholeAnswer() {
        CanaryTask task = new CanaryGenerator(3).next(CanaryKind.LOOKUP, 2);

        ChatCompletion completion = streamed(task.prompt());

        assertThat(Canaries.answerIn(completion.choices().getFirst().message().content().orElseThrow()))
                .as("the accumulated answer").contains(task.expected());
        assertThat(completion.model()).as("the model that served").isEqualTo(TestWorld.PRIMARY_MODEL);
        assertThat(completion.usage().orElseThrow().completionTokens()).as("usage relayed in the last chunk")
                .isEqualTo(world.primary().ledger().all().getFirst().outputTokens());
    }

    @Test
    void streamRefusedWith503IsServedByTheBackup() {
        world.primary().behaviour().replace(ProviderBehaviour.of(ErrorFault.of(503)));

        ChatCompletion completion = streamed("hello");

        assertThat(completion.model()).as("the model that served").isEqualTo(TestWorld.BACKUP_MODEL);
        assertThat(world.backup().ledger().all()).as("backup's ledger").extracting(ProviderCall::outcome)
                .containsExactly(CallOutcome.COMPLETE);
    }

    @Test
    void streamThatDoesNotStartInTimeFailsOverToTheBackup() {
        world.primary().behaviour().replace(ProviderBehaviour.of(new LatencyFault(Duration.ofSeconds(5), 1.0, null)));
        sdk.models().list();

        long started = System.nanoTime();
        ChatCompletion completion = streamed("hello");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(completion.model()).as("the model that served").isEqualTo(TestWorld.BACKUP_MODEL);
        assertThat(took).as("time to the backup's whole stream")
                .isBetween(FIRST_BYTE_TIMEOUT, FIRST_BYTE_TIMEOUT.plusMillis(1500));
    }

    @Test
    void streamCutAfterItStartedIsRelayedCutAndNotRetried() throws Exception {
        world.primary().behaviour().replace(ProviderBehaviour.of(new CutFault(3, 1.0, null)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"any\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}"))
                .timeout(Duration.ofSeconds(10))
                .build();

        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).as("status of the started stream").isEqualTo(200);
        assertThat(response.body()).as("what the caller got: the chunks sent before the cut, no terminator")
                .contains("data: {").doesNotContain("[DONE]");
        assertThat(world.primary().ledger().all()).as("primary's ledger").extracting(ProviderCall::outcome)
                .containsExactly(CallOutcome.CUT);
        assertThat(world.backup().ledger().all()).as("the backup is not asked once the stream started").isEmpty();
    }
}
