package dev.brownout.fakes.internal.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.ObjectMappers;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.helpers.ResponseAccumulator;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseStreamEvent;
import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.TestWorlds;
import dev.brownout.fakes.behaviour.CutFault;
import dev.brownout.fakes.behaviour.CutMode;
import dev.brownout.fakes.behaviour.ErrorFault;
import dev.brownout.fakes.behaviour.MalformedChunkFault;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.behaviour.RateLimit;
import dev.brownout.fakes.behaviour.StreamErrorFault;
import dev.brownout.fakes.behaviour.SubstituteFault;
import dev.brownout.fakes.behaviour.UnterminatedFault;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official openai-java SDK's Responses API, unchanged, against the fake OpenAI provider's /v1/responses. */
class ResponsesSdkTest {

    private static FakeWorld world;
    private static FakeProvider openai;
    private static OpenAIClient client;

    @BeforeAll
    static void startWorld() {
        world = TestWorlds.start(23, ProviderConfig.of("openai", DialectKind.OPENAI, "perfect", "hopeless", "mid"),
                ProviderConfig.of("anthropic", DialectKind.ANTHROPIC, "mid"));
        openai = world.provider("openai");
        // Validation on: every key the SDK's model requires must be present, so a missing one fails here.
        client = OpenAIOkHttpClient.builder().baseUrl(openai.baseUrl()).apiKey(openai.apiKey())
                .responseValidation(true).timeout(Duration.ofSeconds(20)).build();
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

    private static ResponseCreateParams.Builder ask(String model, String prompt) {
        return ResponseCreateParams.builder().model(model).input(prompt);
    }

    private static CanaryTask canary(CanaryKind kind) {
        return new CanaryGenerator(System.nanoTime()).next(kind, 2);
    }

    private static List<ProviderCall> callsFor(String taskId) {
        return openai.ledger().all().stream().filter(call -> taskId.equals(call.taskId())).toList();
    }

    private static String text(Response response) {
        StringBuilder text = new StringBuilder();
        for (ResponseOutputItem item : response.output()) {
            item.message().ifPresent(message -> message.content().forEach(
                    content -> content.outputText().ifPresent(part -> text.append(part.text()))));
        }
        return text.toString();
    }

    private static FunctionTool functionTool(String name) {
        return FunctionTool.builder().name(name).strict(false)
                .parameters(FunctionTool.Parameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of()))
                        .build())
                .build();
    }

    @Test
    void aResponseAnswersTheCanaryWithUsageTheLedgerAgreesWith() {
        CanaryTask task = canary(CanaryKind.ARITHMETIC);

        Response response = client.responses().create(ask("perfect", task.prompt())
                .instructions("Answer briefly.").build());

        assertThat(Canaries.answerIn(text(response))).as("the ANSWER line of a capability-1 model")
                .contains(task.expected());
        assertThat(response.id()).as("a response id").startsWith("resp_");
        assertThat(response.status()).as("status").contains(ResponseStatus.COMPLETED);
        assertThat(response.instructions()).as("the instructions are echoed").isPresent();
        var usage = response.usage().orElseThrow();
        assertThat(usage.totalTokens()).as("total = input + output")
                .isEqualTo(usage.inputTokens() + usage.outputTokens());
        ProviderCall call = callsFor(task.id()).getFirst();
        assertThat(call.api()).as("the API the ledger says served the call").isEqualTo("responses");
        assertThat(call.dialect()).as("the provider's dialect").isEqualTo("openai");
        assertThat(call.inputTokens()).as("ledger input tokens = usage").isEqualTo(usage.inputTokens());
        assertThat(call.outputTokens()).as("ledger output tokens = usage").isEqualTo(usage.outputTokens());
        assertThat(call.correct()).as("ledger verdict").isTrue();
    }

    @Test
    void aStreamOfNumberedTypedEventsAccumulatesToTheSameAnswer() {
        CanaryTask task = canary(CanaryKind.LOOKUP);
        ResponseAccumulator accumulator = ResponseAccumulator.create();
        List<Long> sequence = new ArrayList<>();
        int deltas = 0;
        try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(
                ask("perfect", task.prompt()).build())) {
            for (ResponseStreamEvent event : (Iterable<ResponseStreamEvent>) stream.stream()::iterator) {
                accumulator.accumulate(event);
                sequence.add(sequenceNumber(event));
                if (event.isOutputTextDelta()) {
                    deltas++;
                }
            }
        }

        Response response = accumulator.response();
        assertThat(Canaries.answerIn(text(response))).as("the accumulated answer").contains(task.expected());
        long outputTokens = response.usage().orElseThrow().outputTokens();
        assertThat(deltas).as("one output_text.delta per output token").isEqualTo(outputTokens);
        assertThat(sequence).as("sequence numbers count up from 0 without a gap")
                .isEqualTo(java.util.stream.LongStream.range(0, sequence.size()).boxed().toList());
        assertThat(sequence).as("created, in_progress, item and part added, the deltas, text and part and item done, "
                + "completed").hasSize(deltas + 8);
        assertThat(callsFor(task.id()).getFirst().outcome()).as("ledger outcome").isEqualTo(CallOutcome.COMPLETE);
    }

    /** A field of what the SDK decoded, read back through its own JSON mapper. */
    private static com.fasterxml.jackson.databind.JsonNode json(Object decoded) {
        return ObjectMappers.jsonMapper().valueToTree(decoded);
    }

    private static long sequenceNumber(ResponseStreamEvent event) {
        return json(event).get("sequence_number").asLong();
    }

    @Test
    void aFunctionCallLoopContinuedThroughPreviousResponseIdGetsTheRightAnswer() {
        CanaryTask task = canary(CanaryKind.TOOL);
        String tool = task.expected().substring(0, task.expected().indexOf('('));

        Response first = client.responses().create(ask("perfect", task.prompt())
                .addTool(functionTool(tool)).addTool(functionTool("unrelated_tool")).build());
        ResponseFunctionToolCall call = first.output().getFirst().functionCall().orElseThrow();
        assertThat(call.name()).as("the canary's tool is called").isEqualTo(tool);
        assertThat(call.callId()).as("a call id").startsWith("call_");
        Response second = client.responses().create(ResponseCreateParams.builder().model("perfect")
                .previousResponseId(first.id())
                .inputOfResponse(List.of(ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput
                        .builder().callId(call.callId()).output("{\"ok\":true}").build())))
                .addTool(functionTool(tool)).build());

        assertThat(text(second)).as("the answer after the tool result").contains("{\"ok\":true}");
        assertThat(Canaries.answerIn(text(second))).as("the canary's answer").contains(task.expected());
        List<ProviderCall> calls = callsFor(task.id());
        assertThat(calls).as("both calls carry the task read from the earlier conversation").hasSize(2);
        assertThat(calls.get(1).correct()).as("the continued call is graded").isTrue();
        assertThat(calls.get(1).inputTokens()).as("the continued call counts the whole conversation")
                .isGreaterThan(calls.get(0).inputTokens());
    }

    @Test
    void aStreamedFunctionCallArrivesAsArgumentDeltasThatAccumulate() {
        CanaryTask task = canary(CanaryKind.TOOL);
        String tool = task.expected().substring(0, task.expected().indexOf('('));
        ResponseAccumulator accumulator = ResponseAccumulator.create();
        int argumentDeltas = 0;
        try (var stream = client.responses().createStreaming(ask("perfect", task.prompt())
                .addTool(functionTool(tool)).build())) {
            for (ResponseStreamEvent event : (Iterable<ResponseStreamEvent>) stream.stream()::iterator) {
                accumulator.accumulate(event);
                if (event.isFunctionCallArgumentsDelta()) {
                    argumentDeltas++;
                }
            }
        }

        ResponseFunctionToolCall call = accumulator.response().output().getFirst().functionCall().orElseThrow();
        assertThat(call.name()).as("the called tool").isEqualTo(tool);
        assertThat(call.arguments()).as("the arguments JSON").startsWith("{").endsWith("}");
        assertThat(argumentDeltas).as("one arguments delta per output token")
                .isEqualTo(accumulator.response().usage().orElseThrow().outputTokens());
    }

    @Test
    void anUnterminatedStreamLacksOnlyItsTerminalEvent() {
        openai.behaviour().replace(ProviderBehaviour.of(new UnterminatedFault(null, null, null, null)));
        ResponseAccumulator accumulator = ResponseAccumulator.create();
        StringBuilder text = new StringBuilder();

        try (var stream = client.responses().createStreaming(ask("mid", "hello").build())) {
            stream.stream().forEach(event -> {
                accumulator.accumulate(event);
                event.outputTextDelta().ifPresent(delta -> text.append(delta.delta()));
            });
        }

        assertThat(text).as("the whole answer streamed").isNotEmpty();
        assertThatThrownBy(accumulator::response).as("no response.completed arrived")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnknownPreviousResponseIdIsTheApisBadRequestNamingIt() {
        OpenAIClient noRetries = client.withOptions(options -> options.maxRetries(0));

        assertThatThrownBy(() -> noRetries.responses().create(ask("mid", "go on")
                .previousResponseId("resp_unknown").build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.code()).as("code").contains("previous_response_not_found");
                    assertThat(e.param()).as("param").contains("previous_response_id");
                    assertThat(e.getMessage()).as("message").contains("resp_unknown");
                });
    }

    @Test
    void maxOutputTokensEndsTheResponseIncomplete() {
        Response response = client.responses().create(ask("mid", "Tell me about gateways").maxOutputTokens(16).build());

        assertThat(response.status()).as("status").contains(ResponseStatus.INCOMPLETE);
        assertThat(response.incompleteDetails().orElseThrow().reason()).as("why")
                .contains(Response.IncompleteDetails.Reason.MAX_OUTPUT_TOKENS);
        assertThat(response.usage().orElseThrow().outputTokens()).as("output tokens").isEqualTo(16);

        ResponseAccumulator accumulator = ResponseAccumulator.create();
        try (var stream = client.responses().createStreaming(ask("mid", "Tell me about gateways")
                .maxOutputTokens(16).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        assertThat(accumulator.response().status()).as("a stream ends with response.incomplete")
                .contains(ResponseStatus.INCOMPLETE);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "400, com.openai.errors.BadRequestException",
            "401, com.openai.errors.UnauthorizedException",
            "404, com.openai.errors.NotFoundException",
            "429, com.openai.errors.RateLimitException",
            "500, com.openai.errors.InternalServerException",
            "503, com.openai.errors.InternalServerException"})
    void eachStatusRaisesTheSdksExceptionForIt(int status, Class<? extends Throwable> expected) {
        openai.behaviour().replace(ProviderBehaviour.of(
                new ErrorFault(status, 1.0, null, Duration.ZERO, null, null, null)));
        OpenAIClient noRetries = client.withOptions(options -> options.maxRetries(0));

        assertThatThrownBy(() -> noRetries.responses().create(ask("mid", "hello").build()))
                .isInstanceOf(expected)
                .satisfies(e -> assertThat(((OpenAIServiceException) e).statusCode()).as("status").isEqualTo(status));
    }

    @Test
    void anUnknownModelIsNotFoundAndAWrongKeyUnauthorized() {
        OpenAIClient noRetries = client.withOptions(options -> options.maxRetries(0));
        assertThatThrownBy(() -> noRetries.responses().create(ask("no-such-model", "hi").build()))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.code()).as("code").contains("model_not_found"));

        OpenAIClient wrongKey = OpenAIOkHttpClient.builder().baseUrl(openai.baseUrl()).apiKey("sk-not-a-key").build();
        try {
            assertThatThrownBy(() -> wrongKey.responses().create(ask("mid", "hi").build()))
                    .isInstanceOfSatisfying(UnauthorizedException.class,
                            e -> assertThat(e.code()).as("code").contains("invalid_api_key"));
        } finally {
            wrongKey.close();
        }
    }

    @Test
    void anotherProvidersKeyIsRefusedAndRecordedAsALeak() {
        String anthropicKey = world.provider("anthropic").apiKey();
        OpenAIClient leaking = OpenAIOkHttpClient.builder().baseUrl(openai.baseUrl()).apiKey(anthropicKey)
                .maxRetries(0).build();
        try {
            assertThatThrownBy(() -> leaking.responses().create(ask("mid", "hi").build()))
                    .isInstanceOf(UnauthorizedException.class);
        } finally {
            leaking.close();
        }

        ProviderCall call = openai.ledger().all().getLast();
        assertThat(call.credentialOwner()).as("the provider whose key arrived here").isEqualTo("anthropic");
        assertThat(call.api()).as("api").isEqualTo("responses");
    }

    @Test
    void the429sRetriesAreInTheLedgerWithTheRetryAfterItAskedFor() {
        openai.behaviour().replace(ProviderBehaviour.of(
                new ErrorFault(429, 1.0, List.of("hopeless"), Duration.ofMillis(20), null, null, null)));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);

        assertThatThrownBy(() -> client.responses().create(ask("hopeless", task.prompt()).build()))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    for (String header : List.of("retry-after", "retry-after-ms", "x-ratelimit-remaining-requests",
                            "x-ratelimit-reset-tokens")) {
                        assertThat(e.headers().values(header)).as("the 429's %s header", header).isNotEmpty();
                    }
                });

        assertThat(callsFor(task.id())).as("three attempts: the first and two SDK retries")
                .extracting(ProviderCall::retryCount).containsExactly(0, 1, 2);
        assertThat(callsFor(task.id())).extracting(ProviderCall::retryAfterMillis).as("the wait each asked for")
                .containsOnly(20L);
    }

    @Test
    void a503IsRetriedByTheSdkAndEveryAttemptIsInTheLedger() {
        openai.behaviour().replace(ProviderBehaviour.of(
                new ErrorFault(503, 1.0, null, Duration.ofMillis(20), null, null, null)));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);

        assertThatThrownBy(() -> client.responses().create(ask("mid", task.prompt()).build()))
                .isInstanceOf(InternalServerException.class);

        List<ProviderCall> calls = callsFor(task.id());
        assertThat(calls).extracting(ProviderCall::retryCount).as("the first attempt and two SDK retries")
                .containsExactly(0, 1, 2);
        assertThat(calls).extracting(ProviderCall::status).as("statuses").containsOnly(503);
        assertThat(calls).extracting(ProviderCall::api).as("APIs").containsOnly("responses");
    }

    @Test
    void theRateLimiterIsSharedWithChatCompletions() {
        openai.behaviour().replace(ProviderBehaviour.healthy().withRateLimit(new RateLimit(1, null)));
        OpenAIClient noRetries = client.withOptions(options -> options.maxRetries(0));

        noRetries.chat().completions().create(ChatCompletionCreateParams.builder().model("mid")
                .addUserMessage("hello").build());

        assertThatThrownBy(() -> noRetries.responses().create(ask("mid", "hello").build()))
                .as("the minute's one request went to Chat Completions").isInstanceOf(RateLimitException.class);
    }

    @Test
    void anAttemptScopedFaultCountsAttemptsAcrossBothApis() {
        openai.behaviour().replace(ProviderBehaviour.of(new ErrorFault(500, null, null, Duration.ZERO, null, null,
                null, null, null, null, List.of(1), null)));
        OpenAIClient noRetries = client.withOptions(options -> options.maxRetries(0));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);

        assertThatThrownBy(() -> noRetries.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("perfect").addUserMessage(task.prompt()).build())).isInstanceOf(OpenAIServiceException.class);
        Response response = noRetries.responses().create(ask("perfect", task.prompt()).build());

        assertThat(Canaries.answerIn(text(response))).as("attempt 2 is healthy").contains(task.expected());
        assertThat(callsFor(task.id())).extracting(ProviderCall::api).as("the APIs of the task's calls")
                .containsExactly("chat.completions", "responses");
    }

    @Test
    void anAbortedStreamIsAnIoErrorTheSdkDoesNotRetry() {
        openai.behaviour().replace(ProviderBehaviour.of(new CutFault(4, CutMode.ABORT, null, null, null, null)));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);

        assertThatThrownBy(() -> {
            try (var stream = client.responses().createStreaming(ask("perfect", task.prompt()).build())) {
                stream.stream().forEach(event -> { });
            }
        }).isInstanceOf(OpenAIIoException.class);

        assertThat(callsFor(task.id())).as("one attempt, cut after 4 tokens").singleElement().satisfies(call -> {
            assertThat(call.outcome()).as("outcome").isEqualTo(CallOutcome.CUT);
            assertThat(call.outputTokens()).as("tokens sent").isEqualTo(4);
        });
    }

    @Test
    void aCleanCutLeavesTheAccumulatorWithoutATerminalEventAndTheResponseNotContinuable() {
        openai.behaviour().replace(ProviderBehaviour.of(new CutFault(4, null, null)));
        ResponseAccumulator accumulator = ResponseAccumulator.create();
        List<String> ids = new ArrayList<>();

        try (var stream = client.responses().createStreaming(ask("perfect", "hello").build())) {
            stream.stream().forEach(event -> {
                accumulator.accumulate(event);
                event.created().ifPresent(created -> ids.add(created.response().id()));
            });
        }

        assertThatThrownBy(accumulator::response).as("no response.completed arrived")
                .isInstanceOf(IllegalStateException.class);
        OpenAIClient noRetries = client.withOptions(options -> options.maxRetries(0));
        openai.behaviour().replace(ProviderBehaviour.healthy());
        assertThatThrownBy(() -> noRetries.responses().create(ask("mid", "go on")
                .previousResponseId(ids.getFirst()).build()))
                .as("a response that never completed cannot be continued").isInstanceOf(BadRequestException.class);
    }

    @Test
    void aMidStreamErrorArrivesAsAnErrorEventAndAFailedResponse() {
        openai.behaviour().replace(ProviderBehaviour.of(new StreamErrorFault(3, 500, null, null, null)));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);
        ResponseAccumulator accumulator = ResponseAccumulator.create();
        List<ResponseStreamEvent> errors = new ArrayList<>();

        try (var stream = client.responses().createStreaming(ask("perfect", task.prompt()).build())) {
            stream.stream().forEach(event -> {
                accumulator.accumulate(event);
                if (event.isError()) {
                    errors.add(event);
                }
            });
        }

        assertThat(errors).as("one error event").singleElement()
                .satisfies(event -> assertThat(event.asError().code()).as("its code").contains("server_error"));
        assertThat(accumulator.response().status()).as("the terminal response.failed")
                .contains(ResponseStatus.FAILED);
        assertThat(accumulator.response().error()).as("the failed response's error").isPresent();
        assertThat(callsFor(task.id())).singleElement().satisfies(call -> {
            assertThat(call.outcome()).as("outcome").isEqualTo(CallOutcome.STREAM_ERROR);
            assertThat(call.outputTokens()).as("tokens before the error").isEqualTo(3);
        });
    }

    @Test
    void aMalformedEventBreaksTheSdksStream() {
        openai.behaviour().replace(ProviderBehaviour.of(new MalformedChunkFault(2, null, null)));

        assertThatThrownBy(() -> {
            try (var stream = client.responses().createStreaming(ask("mid", "hello there").build())) {
                stream.stream().forEach(event -> { });
            }
        }).as("the SDK cannot decode the broken event").isInstanceOf(RuntimeException.class);
    }

    @Test
    void silentSubstitutionNamesTheRequestedModel() {
        openai.behaviour().replace(ProviderBehaviour.of(new SubstituteFault("hopeless", null, null)));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);

        Response response = client.responses().create(ask("perfect", task.prompt()).build());

        assertThat(json(response).get("model").asText()).as("the response claims the requested model").isEqualTo("perfect");
        assertThat(Canaries.answerIn(text(response))).as("the substitute's (capability 0) answer")
                .isNotEqualTo(Optional.of(task.expected()));
        assertThat(callsFor(task.id()).getFirst().servedModel()).as("served model").isEqualTo("hopeless");
    }
}
