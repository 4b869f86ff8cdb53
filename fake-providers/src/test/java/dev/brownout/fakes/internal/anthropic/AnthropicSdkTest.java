package dev.brownout.fakes.internal.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.InternalServerException;
import com.anthropic.errors.NotFoundException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.SseException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolUseBlock;
import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.TestWorlds;
import dev.brownout.fakes.behaviour.CutFault;
import dev.brownout.fakes.behaviour.ErrorFault;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.behaviour.StreamErrorFault;
import dev.brownout.fakes.canary.Canaries;
import dev.brownout.fakes.canary.CanaryGenerator;
import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.canary.CanaryTask;
import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official anthropic-java SDK, unchanged, against the fake Anthropic provider. */
class AnthropicSdkTest {

    private static FakeWorld world;
    private static FakeProvider anthropic;
    private static AnthropicClient client;

    @BeforeAll
    static void startWorld() {
        world = TestWorlds.start(11, ProviderConfig.of("anthropic", DialectKind.ANTHROPIC, "perfect", "mid"),
                ProviderConfig.of("openai", DialectKind.OPENAI, "mid"));
        anthropic = world.provider("anthropic");
        client = AnthropicOkHttpClient.builder().baseUrl(anthropic.baseUrl()).apiKey(anthropic.apiKey())
                .timeout(Duration.ofSeconds(20)).build();
    }

    @AfterAll
    static void stopWorld() {
        client.close();
        world.close();
    }

    @BeforeEach
    void healthy() {
        anthropic.behaviour().replace(ProviderBehaviour.healthy());
    }

    private static MessageCreateParams.Builder ask(String model, String prompt) {
        return MessageCreateParams.builder().model(model).maxTokens(512).addUserMessage(prompt);
    }

    private static CanaryTask canary(CanaryKind kind) {
        return new CanaryGenerator(System.nanoTime()).next(kind, 2);
    }

    private List<ProviderCall> callsFor(String taskId) {
        return anthropic.ledger().all().stream().filter(call -> taskId.equals(call.taskId())).toList();
    }

    @Test
    void messageAnswersTheCanaryWithUsage() {
        CanaryTask task = canary(CanaryKind.JSON);

        Message message = client.messages().create(ask("perfect", task.prompt()).build());

        String text = message.content().getFirst().text().orElseThrow().text();
        assertThat(Canaries.answerIn(text)).contains(task.expected());
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.id()).startsWith("msg_");
        assertThat(message.usage().outputTokens()).isEqualTo(callsFor(task.id()).getFirst().outputTokens());
        assertThat(message.usage().inputTokens()).isEqualTo(callsFor(task.id()).getFirst().inputTokens());
    }

    @Test
    void streamOfNamedEventsAccumulatesIntoTheSameMessage() {
        CanaryTask task = canary(CanaryKind.LOOKUP);
        MessageAccumulator accumulator = MessageAccumulator.create();
        int events = 0;
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(ask("perfect", task.prompt()).build())) {
            for (RawMessageStreamEvent event : (Iterable<RawMessageStreamEvent>) stream.stream()::iterator) {
                accumulator.accumulate(event);
                events++;
            }
        }

        Message message = accumulator.message();
        assertThat(Canaries.answerIn(message.content().getFirst().text().orElseThrow().text())).contains(task.expected());
        assertThat(message.usage().outputTokens()).as("cumulative count in message_delta")
                .isEqualTo(callsFor(task.id()).getFirst().outputTokens());
        assertThat(events).as("message_start, block start, one delta per token, block stop, message_delta, message_stop")
                .isEqualTo(message.usage().outputTokens() + 5);
    }

    @Test
    void toolCanaryBecomesAToolUseBlockWithAnObjectInput() {
        CanaryTask task = canary(CanaryKind.TOOL);
        String tool = task.expected().substring(0, task.expected().indexOf('('));

        Message message = client.messages().create(ask("perfect", task.prompt()).addTool(tool(tool)).build());

        assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
        ToolUseBlock use = message.content().stream().map(ContentBlock::toolUse).flatMap(java.util.Optional::stream)
                .findFirst().orElseThrow();
        assertThat(use.name()).isEqualTo(tool);
        assertThat(use.id()).startsWith("toolu_");
        String value = task.expected().substring(task.expected().indexOf('"') + 1, task.expected().lastIndexOf('"'));
        assertThat(use._input().toString()).as("tool input object").contains(value);
    }

    @Test
    void streamedToolUseArrivesAsInputJsonDeltas() {
        CanaryTask task = canary(CanaryKind.TOOL);
        String tool = task.expected().substring(0, task.expected().indexOf('('));
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (var stream = client.messages().createStreaming(ask("perfect", task.prompt()).addTool(tool(tool)).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }

        ToolUseBlock use = accumulator.message().content().getFirst().toolUse().orElseThrow();
        assertThat(use.name()).isEqualTo(tool);
        String value = task.expected().substring(task.expected().indexOf('"') + 1, task.expected().lastIndexOf('"'));
        assertThat(use._input().toString()).as("partial_json fragments joined and parsed").contains(value);
    }

    @Test
    void overloaded529IsRetriedByTheSdk() {
        anthropic.behaviour().replace(ProviderBehaviour.of(
                new ErrorFault(529, 1.0, null, Duration.ofMillis(10), null, null, null)));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);

        assertThatThrownBy(() -> client.messages().create(ask("mid", task.prompt()).build()))
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(529);
                    assertThat(e.getMessage()).contains("overloaded_error");
                });

        assertThat(callsFor(task.id())).as("529 is retried: three attempts")
                .extracting(ProviderCall::retryCount).containsExactly(0, 1, 2);
    }

    @Test
    void rateLimitedRequestIsRetriedAfterTheAdvertisedWait() {
        anthropic.behaviour().replace(ProviderBehaviour.of(
                new ErrorFault(429, 1.0, null, Duration.ofMillis(250), null, null, null)));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);

        assertThatThrownBy(() -> client.messages().create(ask("mid", task.prompt()).build()))
                .isInstanceOf(RateLimitException.class);

        List<ProviderCall> calls = callsFor(task.id());
        assertThat(calls).hasSize(3);
        assertThat(Duration.between(calls.get(0).time(), calls.get(1).time()))
                .as("the SDK honoured retry-after-ms: 250").isGreaterThanOrEqualTo(Duration.ofMillis(240));
    }

    @Test
    void midStreamOverloadedErrorThrowsSseExceptionAndIsNotRetried() {
        anthropic.behaviour().replace(ProviderBehaviour.of(new StreamErrorFault(2, 529, null, null, null)));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);

        assertThatThrownBy(() -> {
            try (var stream = client.messages().createStreaming(ask("perfect", task.prompt()).build())) {
                stream.stream().forEach(event -> { });
            }
        }).isInstanceOfSatisfying(SseException.class, e -> assertThat(e.getMessage()).contains("Overloaded"));

        assertThat(callsFor(task.id())).hasSize(1).first()
                .satisfies(call -> assertThat(call.outcome()).isEqualTo(CallOutcome.STREAM_ERROR));
    }

    @Test
    void aCutStreamLeavesTheAccumulatorWithoutAMessageStop() {
        anthropic.behaviour().replace(ProviderBehaviour.of(new CutFault(3, null, null)));
        MessageAccumulator accumulator = MessageAccumulator.create();

        try (var stream = client.messages().createStreaming(ask("mid", "Tell me a story").build())) {
            stream.stream().forEach(accumulator::accumulate);
        }

        assertThatThrownBy(accumulator::message).as("no message_stop arrived").isInstanceOf(RuntimeException.class);
    }

    @Test
    void unknownModelIsNotFound() {
        AnthropicClient noRetries = client.withOptions(options -> options.maxRetries(0));

        assertThatThrownBy(() -> noRetries.messages().create(ask("no-such-model", "hi").build()))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.getMessage()).contains("not_found_error"));
    }

    @Test
    void anotherProvidersKeyIsRefusedAndRecordedAsALeak() {
        String foreignKey = world.provider("openai").apiKey();
        AnthropicClient leaky = AnthropicOkHttpClient.builder().baseUrl(anthropic.baseUrl()).apiKey(foreignKey).build();
        try {
            assertThatThrownBy(() -> leaky.messages().create(ask("mid", "hi").build()))
                    .isInstanceOfSatisfying(UnauthorizedException.class,
                            e -> assertThat(e.getMessage()).contains("authentication_error"));
        } finally {
            leaky.close();
        }

        ProviderCall refused = anthropic.ledger().all().getLast();
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.credentialOwner()).as("whose key leaked here").isEqualTo("openai");
        assertThat(refused.credentialLeak()).isTrue();
    }

    @Test
    void countsTokensLikeTheMessagesEndpointDoes() {
        CanaryTask task = canary(CanaryKind.ARITHMETIC);
        Message message = client.messages().create(ask("mid", task.prompt()).build());

        long counted = client.messages().countTokens(MessageCountTokensParams.builder()
                .model("mid").addUserMessage(task.prompt()).build()).inputTokens();

        assertThat(counted).isEqualTo(message.usage().inputTokens());
    }

    @Test
    void rateLimitHeadersArePresentOnEveryAnswer() {
        var raw = client.messages().withRawResponse().create(ask("mid", "hi").build());

        assertThat(raw.headers().names()).contains("request-id",
                "anthropic-ratelimit-requests-limit", "anthropic-ratelimit-requests-remaining",
                "anthropic-ratelimit-requests-reset", "anthropic-ratelimit-tokens-remaining");
        assertThat(raw.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
    }

    @Test
    void errorStatusCodeReachesTheSdkException() {
        anthropic.behaviour().replace(ProviderBehaviour.of(ErrorFault.of(500)));
        AnthropicClient noRetries = client.withOptions(options -> options.maxRetries(0));

        assertThatThrownBy(() -> noRetries.messages().create(ask("mid", "hi").build()))
                .isInstanceOfSatisfying(AnthropicServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.getMessage()).contains("api_error");
                });
    }

    private static Tool tool(String name) {
        return Tool.builder().name(name)
                .inputSchema(Tool.InputSchema.builder().properties(JsonValue.from(Map.of())).build())
                .build();
    }
}
