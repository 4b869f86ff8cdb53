package dev.brownout.gateways.resilient;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.behaviour.ErrorFault;
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
import dev.brownout.gateways.UpstreamConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The resilient gateway failing over between an OpenAI and an Anthropic upstream, in both directions. */
class ResilientMixedDialectFailoverTest {

    private TestWorld world;
    private RunningGateway gateway;
    private OpenAIClient sdk;

    private void startGateway(GatewayConfig config) {
        gateway = ResilientGateway.start(config.withRetry(
                new RetryPolicy(4, 1, Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofSeconds(2))));
        sdk = TestWorld.sdkFor(gateway);
    }

    @AfterEach
    void stop() {
        if (sdk != null) {
            sdk.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        world.close();
    }

    private ChatCompletion streamed(String prompt) {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream = sdk.chat().completions().createStreaming(TestWorld.ask(prompt).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        return accumulator.chatCompletion();
    }

    @Test
    void openAiPrimaryAnswering503FailsOverToTheAnthropicBackup() {
        world = TestWorld.start(51, DialectKind.OPENAI, DialectKind.ANTHROPIC);
        world.primary().behaviour().replace(ProviderBehaviour.of(ErrorFault.of(503)));
        startGateway(world.primaryThenBackup());
        CanaryTask task = new CanaryGenerator(6).next(CanaryKind.ARITHMETIC, 2);

        ChatCompletion completion = sdk.chat().completions().create(TestWorld.ask(task.prompt()).build());

        assertThat(completion.model()).as("the Anthropic backup's model").isEqualTo(TestWorld.BACKUP_MODEL);
        assertThat(completion.choices().getFirst().message().content()).as("the backup's answer, as message content")
                .hasValueSatisfying(content -> assertThat(Canaries.answerIn(content)).isNotEmpty());
        assertThat(world.backup().ledger().all()).as("backup's ledger").extracting(ProviderCall::dialect, ProviderCall::status)
                .containsExactly(tuple("anthropic", 200));
    }

    @Test
    void openAiPrimaryStreamAnswering503FailsOverToTheAnthropicBackupsStream() {
        world = TestWorld.start(52, DialectKind.OPENAI, DialectKind.ANTHROPIC);
        world.primary().behaviour().replace(ProviderBehaviour.of(ErrorFault.of(503)));
        startGateway(world.primaryThenBackup());

        ChatCompletion completion = streamed("hello");

        assertThat(completion.model()).as("the Anthropic backup's model").isEqualTo(TestWorld.BACKUP_MODEL);
        assertThat(completion.choices().getFirst().finishReason()).as("finish reason of the translated stream")
                .isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(world.backup().ledger().all()).as("backup's ledger").extracting(ProviderCall::outcome)
                .containsExactly(CallOutcome.COMPLETE);
    }

    @Test
    void unreachableOpenAiPrimaryFailsOverToTheAnthropicBackup() throws IOException {
        world = TestWorld.start(53, DialectKind.OPENAI, DialectKind.ANTHROPIC);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        UpstreamConfig unreachable = UpstreamConfig.withApiKey("primary", "http://127.0.0.1:" + closedPort + "/v1",
                "sk-unused", TestWorld.PRIMARY_MODEL);
        startGateway(GatewayConfig.of(unreachable, world.backupUpstream()));

        ChatCompletion completion = streamed("hello");

        assertThat(completion.model()).as("the Anthropic backup's model").isEqualTo(TestWorld.BACKUP_MODEL);
    }

    @Test
    void anthropicPrimaryAnswering529FailsOverToTheOpenAiBackup() {
        world = TestWorld.start(54, DialectKind.ANTHROPIC, DialectKind.OPENAI);
        world.primary().behaviour().replace(ProviderBehaviour.of(ErrorFault.of(529)));
        startGateway(world.primaryThenBackup());

        ChatCompletion completion = sdk.chat().completions().create(TestWorld.ask("hello").build());

        assertThat(completion.model()).as("the OpenAI backup's model").isEqualTo(TestWorld.BACKUP_MODEL);
        assertThat(world.primary().ledger().all()).as("primary: first attempt and one retry, both overloaded")
                .extracting(ProviderCall::status).containsExactly(529, 529);
    }

    @Test
    void anthropic529RetryAfterIsWaitedOutBeforeRetryingThePrimary() {
        world = TestWorld.start(55, DialectKind.ANTHROPIC, DialectKind.OPENAI);
        Duration retryAfter = Duration.ofSeconds(1);
        world.primary().behaviour().replace(ProviderBehaviour.of(
                new ErrorFault(529, null, null, retryAfter, null, null, null)));
        startGateway(world.primaryThenBackup());

        long started = System.nanoTime();
        ChatCompletion completion = sdk.chat().completions().create(TestWorld.ask("hello").build());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("time to the backup's answer, after the wait the 529 asked for").isGreaterThanOrEqualTo(retryAfter);
        assertThat(completion.model()).as("the OpenAI backup's model").isEqualTo(TestWorld.BACKUP_MODEL);
        assertThat(world.primary().ledger().all()).as("primary attempts: one, and one after the wait").hasSize(2);
    }
}
