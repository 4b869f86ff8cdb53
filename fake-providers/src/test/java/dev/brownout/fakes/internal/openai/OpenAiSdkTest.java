package dev.brownout.fakes.internal.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.errors.SseException;
import com.openai.errors.UnauthorizedException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionTool;
import com.openai.models.models.Model;
import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.TestWorlds;
import dev.brownout.fakes.behaviour.CutFault;
import dev.brownout.fakes.behaviour.ErrorFault;
import dev.brownout.fakes.behaviour.MalformedChunkFault;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.behaviour.QualityFault;
import dev.brownout.fakes.behaviour.StreamErrorFault;
import dev.brownout.fakes.behaviour.SubstituteFault;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official openai-java SDK, unchanged, against the fake OpenAI provider. */
class OpenAiSdkTest {

    private static FakeWorld world;
    private static FakeProvider openai;
    private static OpenAIClient client;

    @BeforeAll
    static void startWorld() {
        world = TestWorlds.start(7, ProviderConfig.of("openai", DialectKind.OPENAI, "perfect", "hopeless", "mid"));
        openai = world.provider("openai");
        client = OpenAIOkHttpClient.builder().baseUrl(openai.baseUrl()).apiKey(openai.apiKey())
                .timeout(Duration.ofSeconds(20)).build();
    }

    @AfterAll
    static void stopWorld() {
        client.close();
        world.close();
    }

    @BeforeEach
    void healthy() {
        openai.behaviour().replace(ProviderBehaviour.healthy());
    }

    private static ChatCompletionCreateParams.Builder ask(String model, String prompt) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage(prompt);
    }

    private static CanaryTask canary(CanaryKind kind) {
        return new CanaryGenerator(System.nanoTime()).next(kind, 2);
    }

    private List<ProviderCall> callsFor(String taskId) {
        return openai.ledger().all().stream().filter(call -> taskId.equals(call.taskId())).toList();
    }

    @Test
    void completionAnswersTheCanaryAndReportsRealUsage() {
        CanaryTask task = canary(CanaryKind.ARITHMETIC);

        ChatCompletion completion = client.chat().completions().create(ask("perfect", task.prompt()).build());

        String answer = completion.choices().getFirst().message().content().orElseThrow();
        assertThat(Canaries.answerIn(answer)).as("the ANSWER line of a capability-1 model").contains(task.expected());
        assertThat(completion.model()).as("model named in the response").isEqualTo("perfect");
        assertThat(completion.choices().getFirst().finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        var usage = completion.usage().orElseThrow();
        assertThat(usage.completionTokens()).as("completion tokens counted by a real tokenizer").isGreaterThan(3);
        assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
        ProviderCall call = callsFor(task.id()).getFirst();
        assertThat(call.outputTokens()).as("ledger output tokens = usage").isEqualTo(usage.completionTokens());
        assertThat(call.inputTokens()).as("ledger input tokens = usage").isEqualTo(usage.promptTokens());
        assertThat(call.correct()).as("ledger verdict").isTrue();
        assertThat(call.costUsd()).as("cost from the catalog price").isPositive();
    }

    @Test
    void aHopelessModelAnswersPlausiblyButWrong() {
        CanaryTask task = canary(CanaryKind.ARITHMETIC);

        ChatCompletion completion = client.chat().completions().create(ask("hopeless", task.prompt()).build());

        String answer = Canaries.answerIn(completion.choices().getFirst().message().content().orElseThrow()).orElseThrow();
        assertThat(answer).as("a capability-0 model's answer").isNotEqualTo(task.expected());
        assertThat(Math.abs(Long.parseLong(answer) - Long.parseLong(task.expected())))
                .as("a wrong answer is a near miss, not garbage").isBetween(1L, 100L);
        assertThat(callsFor(task.id()).getFirst().correct()).isFalse();
    }

    @Test
    void streamWithUsageAccumulatesToTheSameAnswer() {
        CanaryTask task = canary(CanaryKind.LOOKUP);
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        int chunks = 0;
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
                ask("perfect", task.prompt())
                        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
                accumulator.accumulate(chunk);
                chunks++;
            }
        }

        ChatCompletion completion = accumulator.chatCompletion();
        String text = completion.choices().getFirst().message().content().orElseThrow();
        assertThat(Canaries.answerIn(text)).contains(task.expected());
        var usage = completion.usage().orElseThrow();
        assertThat(chunks).as("one chunk per token plus role, finish and usage chunks")
                .isEqualTo(usage.completionTokens() + 3);
        assertThat(callsFor(task.id()).getFirst().outcome()).isEqualTo(CallOutcome.COMPLETE);
    }

    @Test
    void nChoicesEachGetTheirOwnIndexAndFinishReason() {
        ChatCompletion completion = client.chat().completions().create(ask("mid", "Say something").n(3).build());

        assertThat(completion.choices()).extracting(ChatCompletion.Choice::index).containsExactly(0L, 1L, 2L);
        assertThat(completion.choices()).allSatisfy(choice ->
                assertThat(choice.message().content()).isPresent());

        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (var stream = client.chat().completions().createStreaming(ask("mid", "Say something").n(2).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        assertThat(accumulator.chatCompletion().choices()).as("streamed choices, each finished").hasSize(2)
                .allSatisfy(choice -> assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP));
    }

    @Test
    void maxCompletionTokensCutsTheAnswerWithFinishReasonLength() {
        ChatCompletion completion = client.chat().completions()
                .create(ask("mid", "Tell me about gateways").maxCompletionTokens(5).build());

        assertThat(completion.choices().getFirst().finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.LENGTH);
        assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(5);
    }

    @Test
    void toolCanaryCallsTheOfferedToolWithTheRightArguments() {
        CanaryTask task = canary(CanaryKind.TOOL);
        String tool = task.expected().substring(0, task.expected().indexOf('('));

        ChatCompletion completion = client.chat().completions().create(ask("perfect", task.prompt())
                .tools(List.of(functionTool(tool), functionTool("unrelated_tool"))).build());

        var choice = completion.choices().getFirst();
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        assertThat(choice.message().content()).as("no text beside a tool call").isEmpty();
        ChatCompletionMessageFunctionToolCall call = choice.message().toolCalls().orElseThrow().getFirst().asFunction();
        assertThat(call.id()).startsWith("call_");
        assertThat(call.function().name()).isEqualTo(tool);
        String value = task.expected().substring(task.expected().indexOf('"') + 1, task.expected().lastIndexOf('"'));
        assertThat(call.function().arguments()).as("arguments JSON").contains("\"" + value + "\"");
    }

    @Test
    void streamedToolCallArrivesAsArgumentFragmentsThatAccumulate() {
        CanaryTask task = canary(CanaryKind.TOOL);
        String tool = task.expected().substring(0, task.expected().indexOf('('));
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        int argumentFragments = 0;
        try (var stream = client.chat().completions().createStreaming(ask("perfect", task.prompt())
                .tools(List.of(functionTool(tool))).build())) {
            for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
                accumulator.accumulate(chunk);
                if (!chunk.choices().isEmpty() && chunk.choices().getFirst().delta().toolCalls().isPresent()) {
                    argumentFragments++;
                }
            }
        }

        var message = accumulator.chatCompletion().choices().getFirst().message();
        var call = message.toolCalls().orElseThrow().getFirst().asFunction();
        assertThat(call.function().name()).isEqualTo(tool);
        assertThat(call.function().arguments()).as("fragments joined into JSON").startsWith("{").endsWith("}");
        assertThat(argumentFragments).as("the header chunk plus several argument fragments").isGreaterThan(2);
    }

    @Test
    void listsItsModels() {
        List<String> ids = client.models().list().data().stream().map(Model::id).toList();

        assertThat(ids).containsExactly("perfect", "hopeless", "mid");
    }

    @Test
    void retriesA429ThenSucceedsWithTheRetryCountInTheLedger() {
        openai.behaviour().replace(ProviderBehaviour.of(
                new ErrorFault(429, 1.0, List.of("hopeless"), Duration.ofMillis(20), null, null, null)));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);

        assertThatThrownBy(() -> client.chat().completions().create(ask("hopeless", task.prompt()).build()))
                .isInstanceOf(RateLimitException.class);

        assertThat(callsFor(task.id())).as("three attempts: the first and two SDK retries")
                .extracting(ProviderCall::retryCount).containsExactly(0, 1, 2);
        assertThat(callsFor(task.id())).extracting(ProviderCall::status).containsOnly(429);
    }

    @Test
    void retries503AndSucceedsOnceTheFaultIsGone() {
        openai.behaviour().replace(ProviderBehaviour.of(
                new ErrorFault(503, 1.0, null, Duration.ofMillis(300), null, null, null)));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);
        Thread.ofVirtual().start(() -> {
            while (callsFor(task.id()).isEmpty()) {
                Thread.onSpinWait();
            }
            openai.behaviour().replace(ProviderBehaviour.healthy());
        });

        ChatCompletion completion = client.chat().completions().create(ask("perfect", task.prompt()).build());

        assertThat(Canaries.answerIn(completion.choices().getFirst().message().content().orElseThrow()))
                .contains(task.expected());
        List<ProviderCall> calls = callsFor(task.id());
        assertThat(calls).extracting(ProviderCall::status).containsExactly(503, 200);
        assertThat(calls).extracting(ProviderCall::retryCount).containsExactly(0, 1);
        Duration gap = Duration.between(calls.get(0).time(), calls.get(1).time());
        assertThat(gap).as("the SDK waited the retry-after-ms we sent (300 ms)")
                .isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }

    @Test
    void doesNotRetryA400() {
        openai.behaviour().replace(ProviderBehaviour.of(ErrorFault.of(400)));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);

        assertThatThrownBy(() -> client.chat().completions().create(ask("mid", task.prompt()).build()))
                .isInstanceOf(BadRequestException.class);

        assertThat(callsFor(task.id())).as("a 400 is final: one attempt").hasSize(1);
    }

    @Test
    void xShouldRetryFalseSuppressesTheRetryOfA503() {
        openai.behaviour().replace(ProviderBehaviour.of(
                new ErrorFault(503, 1.0, null, null, false, null, null)));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);

        assertThatThrownBy(() -> client.chat().completions().create(ask("mid", task.prompt()).build()))
                .isInstanceOf(InternalServerException.class);

        assertThat(callsFor(task.id())).hasSize(1);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "400, com.openai.errors.BadRequestException",
            "401, com.openai.errors.UnauthorizedException",
            "403, com.openai.errors.PermissionDeniedException",
            "404, com.openai.errors.NotFoundException",
            "409, com.openai.errors.UnexpectedStatusCodeException",
            "422, com.openai.errors.UnprocessableEntityException",
            "429, com.openai.errors.RateLimitException",
            "500, com.openai.errors.InternalServerException",
            "502, com.openai.errors.InternalServerException",
            "503, com.openai.errors.InternalServerException",
            "529, com.openai.errors.InternalServerException"})
    void eachStatusRaisesTheSdksExceptionForIt(int status, Class<? extends Throwable> expected) {
        openai.behaviour().replace(ProviderBehaviour.of(
                new ErrorFault(status, 1.0, null, Duration.ZERO, null, null, null)));
        OpenAIClient noRetries = client.withOptions(options -> options.maxRetries(0));

        assertThatThrownBy(() -> noRetries.chat().completions().create(ask("mid", "hello").build()))
                .isInstanceOf(expected)
                .satisfies(e -> assertThat(((OpenAIServiceException) e).statusCode()).isEqualTo(status));
    }

    @Test
    void errorBodiesCarryTypeAndCodeTheSdkParses() {
        OpenAIClient noRetries = client.withOptions(options -> options.maxRetries(0));

        assertThatThrownBy(() -> noRetries.chat().completions().create(ask("no-such-model", "hi").build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.code()).contains("model_not_found");
                    assertThat(e.type()).contains("invalid_request_error");
                });
        assertThatThrownBy(() -> noRetries.chat().completions().create(ask("mid", "hi").n(500).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.param()).contains("n"));
    }

    @Test
    void aWrongKeyIsUnauthorizedAndNotRetried() {
        OpenAIClient wrongKey = OpenAIOkHttpClient.builder().baseUrl(openai.baseUrl()).apiKey("sk-not-a-key").build();
        try {
            assertThatThrownBy(() -> wrongKey.chat().completions().create(ask("mid", "hi").build()))
                    .isInstanceOfSatisfying(UnauthorizedException.class,
                            e -> assertThat(e.code()).contains("invalid_api_key"));
        } finally {
            wrongKey.close();
        }
    }

    @Test
    void midStreamErrorEventSurfacesAsSseExceptionAfterSomeTokens() {
        openai.behaviour().replace(ProviderBehaviour.of(new StreamErrorFault(
                3, 500, null, null, null)));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);
        StringBuilder received = new StringBuilder();

        assertThatThrownBy(() -> {
            try (var stream = client.chat().completions().createStreaming(ask("perfect", task.prompt()).build())) {
                stream.stream().forEach(chunk -> chunk.choices().forEach(
                        choice -> choice.delta().content().ifPresent(received::append)));
            }
        }).isInstanceOf(SseException.class);

        assertThat(received).as("text before the error event").isNotEmpty();
        assertThat(callsFor(task.id())).as("a mid-stream error is not retried").hasSize(1)
                .first().satisfies(call -> {
                    assertThat(call.outcome()).isEqualTo(CallOutcome.STREAM_ERROR);
                    assertThat(call.outputTokens()).isEqualTo(3);
                });
    }

    @Test
    void aCutStreamEndsSilentlyWithATruncatedAnswerThatCostsWhatItSent() {
        openai.behaviour().replace(ProviderBehaviour.of(new CutFault(4, null, null)));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);
        StringBuilder received = new StringBuilder();

        try (var stream = client.chat().completions().createStreaming(ask("perfect", task.prompt()).build())) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(
                    choice -> choice.delta().content().ifPresent(received::append)));
        }

        assertThat(Canaries.answerIn(received.toString())).as("the ANSWER line never arrived").isEmpty();
        ProviderCall call = callsFor(task.id()).getFirst();
        assertThat(call.outcome()).isEqualTo(CallOutcome.CUT);
        assertThat(call.outputTokens()).as("tokens actually streamed").isEqualTo(4);
        assertThat(call.costUsd()).as("cost of what was streamed: $1/M input, $2/M output")
                .isEqualByComparingTo(BigDecimal.valueOf(call.inputTokens() * 1.0 + 4 * 2.0)
                        .divide(BigDecimal.valueOf(1_000_000)));
    }

    @Test
    void aMalformedChunkBreaksTheSdksStream() {
        openai.behaviour().replace(ProviderBehaviour.of(new MalformedChunkFault(2, null, null)));

        assertThatThrownBy(() -> {
            try (var stream = client.chat().completions().createStreaming(ask("mid", "hello there").build())) {
                stream.stream().forEach(chunk -> { });
            }
        }).as("the SDK cannot decode the broken chunk").isInstanceOf(RuntimeException.class);
    }

    @Test
    void silentSubstitutionNamesTheRequestedModelWhileTheLedgerKnowsBetter() {
        openai.behaviour().replace(ProviderBehaviour.of(
                new SubstituteFault("hopeless", null, null)));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);

        ChatCompletion completion = client.chat().completions().create(ask("perfect", task.prompt()).build());

        assertThat(completion.model()).as("the response still claims the requested model").isEqualTo("perfect");
        assertThat(Canaries.answerIn(completion.choices().getFirst().message().content().orElseThrow()))
                .as("but the answer is the substitute's (capability 0)").isNotEqualTo(Optional.of(task.expected()));
        ProviderCall call = callsFor(task.id()).getFirst();
        assertThat(call.model()).isEqualTo("perfect");
        assertThat(call.servedModel()).isEqualTo("hopeless");
    }

    @Test
    void qualityBrownoutMakesEveryAnswerWrongWithoutAnyError() {
        openai.behaviour().replace(ProviderBehaviour.of(
                new QualityFault(0.0, null, null)));
        CanaryGenerator generator = new CanaryGenerator(99);

        for (int i = 0; i < 5; i++) {
            CanaryTask task = generator.next(CanaryKind.JSON, 1);
            ChatCompletion completion = client.chat().completions().create(ask("perfect", task.prompt()).build());
            assertThat(Canaries.answerIn(completion.choices().getFirst().message().content().orElseThrow()))
                    .as("task %s under a capability multiplier of 0", task.id())
                    .isNotEqualTo(Optional.of(task.expected()));
        }
    }

    @Test
    void everyResponseCarriesRequestIdAndRateLimitHeaders() throws Exception {
        var raw = client.chat().completions().withRawResponse().create(ask("mid", "hello").build());

        assertThat(raw.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
        assertThat(raw.headers().names()).as("header names").contains(
                "x-ratelimit-limit-requests", "x-ratelimit-remaining-requests", "x-ratelimit-reset-requests",
                "x-ratelimit-limit-tokens", "x-ratelimit-remaining-tokens", "x-ratelimit-reset-tokens");
    }

    private static ChatCompletionTool functionTool(String name) {
        return ChatCompletionTool.ofFunction(ChatCompletionFunctionTool.builder()
                .function(FunctionDefinition.builder().name(name)
                        .parameters(FunctionParameters.builder()
                                .putAdditionalProperty("type", JsonValue.from("object"))
                                .putAdditionalProperty("properties", JsonValue.from(Map.of()))
                                .build())
                        .build())
                .build());
    }
}
