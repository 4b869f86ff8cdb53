package dev.brownout.fakes.internal.gemini;

import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.errors.ApiException;
import com.google.genai.errors.ClientException;
import com.google.genai.errors.GenAiIOException;
import com.google.genai.errors.ServerException;
import com.google.genai.types.Content;
import com.google.genai.types.FinishReason;
import com.google.genai.types.FunctionCall;
import com.google.genai.types.FunctionDeclaration;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import com.google.genai.types.Part;
import com.google.genai.types.Schema;
import com.google.genai.types.Tool;
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
import dev.brownout.fakes.behaviour.StallFault;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Google's Java GenAI SDK ({@code com.google.genai:google-genai}), unchanged, against the fake Gemini provider. */
class GeminiSdkTest {

    private static FakeWorld world;
    private static FakeProvider gemini;
    private static Client client;
    private static Client noRetries;

    @BeforeAll
    static void startWorld() {
        world = TestWorlds.start(29, ProviderConfig.of("gemini", DialectKind.GEMINI, "perfect", "hopeless", "mid"),
                ProviderConfig.of("openai", DialectKind.OPENAI, "mid"));
        gemini = world.provider("gemini");
        // Retries on 429 and 503, quickly, so each attempt shows in the ledger without slowing the suite.
        client = client(gemini.apiKey(), HttpRetryOptions.builder().attempts(3).initialDelay(0.01).maxDelay(0.05)
                .jitter(0.0).httpStatusCodes(429, 503).build());
        noRetries = client(gemini.apiKey(), HttpRetryOptions.builder().attempts(1).build());
    }

    private static Client client(String apiKey, HttpRetryOptions retries) {
        return Client.builder().apiKey(apiKey).httpOptions(HttpOptions.builder().baseUrl(gemini.baseUrl())
                .timeout(20_000).retryOptions(retries).build()).build();
    }

    @AfterAll
    static void stopWorld() {
        client.close();
        noRetries.close();
        world.close();
    }

    @BeforeEach
    void healthy() {
        gemini.behaviour().replace(ProviderBehaviour.healthy());
    }

    private static CanaryTask canary(CanaryKind kind) {
        return new CanaryGenerator(System.nanoTime()).next(kind, 2);
    }

    private static List<ProviderCall> callsFor(String taskId) {
        return gemini.ledger().all().stream().filter(call -> taskId.equals(call.taskId())).toList();
    }

    private static GenerateContentConfig config() {
        return GenerateContentConfig.builder().maxOutputTokens(512).build();
    }

    private static Tool tools(String... names) {
        List<FunctionDeclaration> declarations = new ArrayList<>();
        for (String name : names) {
            declarations.add(FunctionDeclaration.builder().name(name).description("looks something up")
                    .parameters(Schema.builder().type("OBJECT").properties(Map.of()).build()).build());
        }
        return Tool.builder().functionDeclarations(declarations).build();
    }

    private static String streamedText(ResponseStream<GenerateContentResponse> stream, List<GenerateContentResponse> seen) {
        StringBuilder text = new StringBuilder();
        for (GenerateContentResponse chunk : stream) {
            seen.add(chunk);
            if (chunk.text() != null) {
                text.append(chunk.text());
            }
        }
        return text.toString();
    }

    @Test
    void generateContentAnswersTheCanaryWithUsageTheLedgerAgreesWith() {
        CanaryTask task = canary(CanaryKind.ARITHMETIC);

        GenerateContentResponse response = client.models.generateContent("perfect", task.prompt(),
                config().toBuilder().systemInstruction(Content.fromParts(Part.fromText("Answer briefly."))).build());

        assertThat(Canaries.answerIn(response.text())).as("the ANSWER line of a capability-1 model")
                .contains(task.expected());
        assertThat(response.finishReason().knownEnum()).as("finish reason").isEqualTo(FinishReason.Known.STOP);
        assertThat(response.modelVersion()).as("modelVersion names the model asked for").contains("perfect");
        assertThat(response.responseId()).as("a response id").isPresent();
        var usage = response.usageMetadata().orElseThrow();
        assertThat(usage.totalTokenCount().orElseThrow()).as("total = prompt + candidates")
                .isEqualTo(usage.promptTokenCount().orElseThrow() + usage.candidatesTokenCount().orElseThrow());
        ProviderCall call = callsFor(task.id()).getFirst();
        assertThat(call.api()).as("the API the ledger says served the call").isEqualTo("generateContent");
        assertThat(call.dialect()).as("the provider's dialect").isEqualTo("gemini");
        assertThat(call.model()).as("the model read from the path").isEqualTo("perfect");
        assertThat(call.stream()).as("not streamed").isFalse();
        assertThat(call.inputTokens()).as("ledger input tokens = usage")
                .isEqualTo(usage.promptTokenCount().orElseThrow().longValue());
        assertThat(call.outputTokens()).as("ledger output tokens = usage")
                .isEqualTo(usage.candidatesTokenCount().orElseThrow().longValue());
        assertThat(call.correct()).as("ledger verdict").isTrue();
    }

    @Test
    void aStreamOfChunksAddsUpToTheAnswerAndEndsWithFinishReasonAndUsage() {
        CanaryTask task = canary(CanaryKind.LOOKUP);
        List<GenerateContentResponse> chunks = new ArrayList<>();

        String text;
        try (var stream = client.models.generateContentStream("perfect", task.prompt(), config())) {
            text = streamedText(stream, chunks);
        }

        assertThat(Canaries.answerIn(text)).as("the streamed answer").contains(task.expected());
        GenerateContentResponse last = chunks.getLast();
        assertThat(last.finishReason().knownEnum()).as("the last chunk's finish reason")
                .isEqualTo(FinishReason.Known.STOP);
        long outputTokens = last.usageMetadata().orElseThrow().candidatesTokenCount().orElseThrow();
        assertThat(chunks).as("one chunk per output token, then the closing chunk").hasSize((int) outputTokens + 1);
        assertThat(chunks.subList(0, chunks.size() - 1)).as("no chunk but the last has a finish reason")
                .allSatisfy(chunk -> assertThat(chunk.candidates().orElseThrow().getFirst().finishReason()).isEmpty());
        ProviderCall call = callsFor(task.id()).getFirst();
        assertThat(call.stream()).as("ledger: streamed").isTrue();
        assertThat(call.outcome()).as("ledger outcome").isEqualTo(CallOutcome.COMPLETE);
        assertThat(call.outputTokens()).as("ledger output tokens").isEqualTo(outputTokens);
    }

    @Test
    void aFunctionCallThenItsFunctionResponseContinuesToTheRightAnswer() {
        CanaryTask task = canary(CanaryKind.TOOL);
        String tool = task.expected().substring(0, task.expected().indexOf('('));
        Content question = Content.builder().role("user").parts(Part.fromText(task.prompt())).build();
        GenerateContentConfig withTools = config().toBuilder().tools(tools(tool, "unrelated_tool")).build();

        GenerateContentResponse first = client.models.generateContent("perfect", question, withTools);
        FunctionCall call = first.functionCalls().getFirst();
        assertThat(call.name()).as("the canary's tool is called").contains(tool);
        String value = task.expected().substring(task.expected().indexOf('"') + 1, task.expected().lastIndexOf('"'));
        assertThat(call.args().orElseThrow().values()).as("the call's arguments").contains(value);
        Content modelTurn = first.candidates().orElseThrow().getFirst().content().orElseThrow();
        Content result = Content.builder().role("user").parts(Part.fromFunctionResponse(tool,
                Map.of("ok", true))).build();
        GenerateContentResponse second = client.models.generateContent("perfect",
                List.of(question, modelTurn, result), withTools);

        assertThat(second.text()).as("the answer after the tool result").contains("{\"ok\":true}");
        assertThat(Canaries.answerIn(second.text())).as("the canary's answer").contains(task.expected());
        List<ProviderCall> calls = callsFor(task.id());
        assertThat(calls).as("both calls carry the task").hasSize(2);
        assertThat(calls.get(1).correct()).as("the continued call is graded").isTrue();
    }

    @Test
    void aStreamedFunctionCallArrivesWholeInOneChunk() {
        CanaryTask task = canary(CanaryKind.TOOL);
        String tool = task.expected().substring(0, task.expected().indexOf('('));
        List<GenerateContentResponse> chunks = new ArrayList<>();

        try (var stream = client.models.generateContentStream("perfect", task.prompt(),
                config().toBuilder().tools(tools(tool)).build())) {
            streamedText(stream, chunks);
        }

        List<FunctionCall> calls = chunks.stream().flatMap(chunk -> chunk.functionCalls() == null ? java.util.stream.Stream.empty()
                : chunk.functionCalls().stream()).toList();
        assertThat(calls).as("one whole function call").singleElement()
                .satisfies(call -> assertThat(call.name()).as("its name").contains(tool));
        assertThat(chunks).as("the call, then the closing chunk").hasSize(2);
    }

    @Test
    void modeNoneKeepsTheModelFromCallingTools() {
        CanaryTask task = canary(CanaryKind.TOOL);
        String tool = task.expected().substring(0, task.expected().indexOf('('));

        GenerateContentResponse response = client.models.generateContent("perfect", task.prompt(), config().toBuilder()
                .tools(tools(tool)).toolConfig(com.google.genai.types.ToolConfig.builder().functionCallingConfig(
                        com.google.genai.types.FunctionCallingConfig.builder().mode("NONE").build()).build()).build());

        assertThat(response.functionCalls()).as("no function call under mode NONE").isNullOrEmpty();
        assertThat(Canaries.answerIn(response.text())).as("answered in text").contains(task.expected());
    }

    @Test
    void maxOutputTokensEndsTheCandidateWithMaxTokens() {
        GenerateContentResponse response = client.models.generateContent("mid", "tell me a long story",
                GenerateContentConfig.builder().maxOutputTokens(3).build());

        assertThat(response.finishReason().knownEnum()).as("finish reason").isEqualTo(FinishReason.Known.MAX_TOKENS);
        assertThat(response.usageMetadata().orElseThrow().candidatesTokenCount()).as("output tokens").contains(3);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "400, com.google.genai.errors.ClientException, INVALID_ARGUMENT",
            "401, com.google.genai.errors.ClientException, UNAUTHENTICATED",
            "403, com.google.genai.errors.ClientException, PERMISSION_DENIED",
            "404, com.google.genai.errors.ClientException, NOT_FOUND",
            "429, com.google.genai.errors.ClientException, RESOURCE_EXHAUSTED",
            "500, com.google.genai.errors.ServerException, INTERNAL",
            "503, com.google.genai.errors.ServerException, UNAVAILABLE"})
    void eachStatusRaisesTheSdksExceptionWithGooglesStatus(int status, Class<? extends Throwable> expected,
                                                           String googleStatus) {
        gemini.behaviour().replace(ProviderBehaviour.of(ErrorFault.of(status)));

        assertThatThrownBy(() -> noRetries.models.generateContent("mid", "hello", config()))
                .isInstanceOf(expected)
                .satisfies(e -> {
                    assertThat(((ApiException) e).code()).as("code").isEqualTo(status);
                    assertThat(((ApiException) e).status()).as("Google's status").isEqualTo(googleStatus);
                });
    }

    @Test
    void anUnknownModelIsNotFoundAndAWrongKeyUnauthenticated() {
        assertThatThrownBy(() -> noRetries.models.generateContent("no-such-model", "hi", config()))
                .isInstanceOfSatisfying(ClientException.class, e -> {
                    assertThat(e.code()).as("code").isEqualTo(404);
                    assertThat(e.message()).as("message").contains("models/no-such-model is not found");
                });

        try (Client wrongKey = client("AIza-not-a-key", HttpRetryOptions.builder().attempts(1).build())) {
            assertThatThrownBy(() -> wrongKey.models.generateContent("mid", "hi", config()))
                    .isInstanceOfSatisfying(ClientException.class, e -> {
                        assertThat(e.code()).as("code").isEqualTo(401);
                        assertThat(e.message()).as("message").contains("API key not valid");
                    });
        }
        assertThat(gemini.ledger().all().getLast().authFailure()).as("ledger auth failure").isEqualTo("unknown");
    }

    @Test
    void anotherProvidersKeyIsRefusedAndRecordedAsALeak() {
        try (Client leaking = client(world.provider("openai").apiKey(),
                HttpRetryOptions.builder().attempts(1).build())) {
            assertThatThrownBy(() -> leaking.models.generateContent("mid", "hi", config()))
                    .isInstanceOf(ClientException.class);
        }

        ProviderCall call = gemini.ledger().all().getLast();
        assertThat(call.credentialOwner()).as("the provider whose key arrived here").isEqualTo("openai");
        assertThat(call.api()).as("api").isEqualTo("generateContent");
    }

    @Test
    void a429IsRetriedByTheSdkAndEveryAttemptIsInTheLedgerWithTheDelayItAskedFor() {
        gemini.behaviour().replace(ProviderBehaviour.of(
                new ErrorFault(429, 1.0, List.of("hopeless"), Duration.ofMillis(20), null, null, null)));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);

        assertThatThrownBy(() -> client.models.generateContent("hopeless", task.prompt(), config()))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.status())
                        .as("status").isEqualTo("RESOURCE_EXHAUSTED"));

        List<ProviderCall> calls = callsFor(task.id());
        assertThat(calls).as("three attempts: the first and the SDK's two retries").hasSize(3);
        assertThat(calls).extracting(ProviderCall::retryAfterMillis).as("the wait each asked for").containsOnly(20L);
    }

    @Test
    void a503IsRetriedByTheSdkAndEveryAttemptIsInTheLedger() {
        gemini.behaviour().replace(ProviderBehaviour.of(ErrorFault.of(503)));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);

        assertThatThrownBy(() -> client.models.generateContent("mid", task.prompt(), config()))
                .isInstanceOf(ServerException.class);

        List<ProviderCall> calls = callsFor(task.id());
        assertThat(calls).extracting(ProviderCall::status).as("three attempts, each a 503").containsExactly(503, 503, 503);
        assertThat(calls).extracting(ProviderCall::api).as("APIs").containsOnly("generateContent");
    }

    @Test
    void anAttemptScopedFaultFailsOnlyTheFirstAttemptAndTheRetryAnswers() {
        gemini.behaviour().replace(ProviderBehaviour.of(new ErrorFault(503, null, null, Duration.ZERO, null, null,
                null, null, null, null, List.of(1), null)));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);

        GenerateContentResponse response = client.models.generateContent("perfect", task.prompt(), config());

        assertThat(Canaries.answerIn(response.text())).as("attempt 2 is healthy").contains(task.expected());
        assertThat(callsFor(task.id())).extracting(ProviderCall::status).as("the task's attempts")
                .containsExactly(503, 200);
    }

    @Test
    void anAbortedStreamIsAnErrorTheCallerSees() {
        gemini.behaviour().replace(ProviderBehaviour.of(new CutFault(4, CutMode.ABORT, null, null, null, null)));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);

        assertThatThrownBy(() -> {
            try (var stream = client.models.generateContentStream("perfect", task.prompt(), config())) {
                streamedText(stream, new ArrayList<>());
            }
        }).as("the SDK's read fails").isInstanceOf(GenAiIOException.class);

        assertThat(callsFor(task.id())).as("one attempt, cut after 4 tokens").singleElement().satisfies(call -> {
            assertThat(call.outcome()).as("outcome").isEqualTo(CallOutcome.CUT);
            assertThat(call.outputTokens()).as("tokens sent").isEqualTo(4);
        });
    }

    @Test
    void aCleanCutEndsTheStreamWithoutAFinishReason() {
        gemini.behaviour().replace(ProviderBehaviour.of(new CutFault(4, null, null)));
        List<GenerateContentResponse> chunks = new ArrayList<>();

        try (var stream = client.models.generateContentStream("perfect", "hello there", config())) {
            streamedText(stream, chunks);
        }

        assertThat(chunks).as("the 4 chunks sent before the cut").hasSize(4);
        assertThat(chunks).as("none says the answer is finished: that is how a reader tells a cut")
                .allSatisfy(chunk -> assertThat(chunk.candidates().orElseThrow().getFirst().finishReason()).isEmpty());
    }

    @Test
    void aMidStreamErrorRaisesTheSdksExceptionAfterTheTextSoFar() {
        gemini.behaviour().replace(ProviderBehaviour.of(new StreamErrorFault(3, 503, null, null, null)));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);
        List<GenerateContentResponse> chunks = new ArrayList<>();

        assertThatThrownBy(() -> {
            try (var stream = client.models.generateContentStream("perfect", task.prompt(), config())) {
                streamedText(stream, chunks);
            }
        }).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).as("status")
                .isEqualTo("UNAVAILABLE"));

        assertThat(chunks).as("the 3 chunks before the error").hasSize(3);
        assertThat(callsFor(task.id())).singleElement().satisfies(call -> {
            assertThat(call.outcome()).as("outcome").isEqualTo(CallOutcome.STREAM_ERROR);
            assertThat(call.outputTokens()).as("tokens before the error").isEqualTo(3);
        });
    }

    @Test
    void aStallHoldsTheStreamBetweenTwoChunksAndItThenCompletes() {
        Duration stall = Duration.ofMillis(300);
        gemini.behaviour().replace(ProviderBehaviour.of(new StallFault(2, stall, null, null)));
        List<Long> arrivals = new ArrayList<>();
        List<GenerateContentResponse> chunks = new ArrayList<>();

        try (var stream = client.models.generateContentStream("mid", "hello there", config())) {
            for (GenerateContentResponse chunk : stream) {
                arrivals.add(System.nanoTime());
                chunks.add(chunk);
            }
        }

        assertThat(Duration.ofNanos(arrivals.get(2) - arrivals.get(1))).as("the gap after the second chunk")
                .isGreaterThanOrEqualTo(stall.minusMillis(20));
        assertThat(chunks.getLast().finishReason().knownEnum()).as("the stream still completes")
                .isEqualTo(FinishReason.Known.STOP);
    }

    @Test
    void aMalformedChunkBreaksTheSdksStream() {
        gemini.behaviour().replace(ProviderBehaviour.of(new MalformedChunkFault(2, null, null)));

        assertThatThrownBy(() -> {
            try (var stream = client.models.generateContentStream("mid", "hello there", config())) {
                streamedText(stream, new ArrayList<>());
            }
        }).as("the SDK cannot decode the broken chunk").isInstanceOf(GenAiIOException.class);
    }

    @Test
    void silentSubstitutionNamesTheRequestedModel() {
        gemini.behaviour().replace(ProviderBehaviour.of(new SubstituteFault("hopeless", null, null)));
        CanaryTask task = canary(CanaryKind.ARITHMETIC);

        GenerateContentResponse response = client.models.generateContent("perfect", task.prompt(), config());

        assertThat(response.modelVersion()).as("the response claims the requested model").contains("perfect");
        assertThat(Canaries.answerIn(response.text())).as("the substitute's (capability 0) answer")
                .isNotEqualTo(Optional.of(task.expected()));
        assertThat(callsFor(task.id()).getFirst().servedModel()).as("served model").isEqualTo("hopeless");
    }
}
