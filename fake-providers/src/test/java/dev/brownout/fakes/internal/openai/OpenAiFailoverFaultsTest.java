package dev.brownout.fakes.internal.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.SseException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.TestWorlds;
import dev.brownout.fakes.behaviour.CutFault;
import dev.brownout.fakes.behaviour.CutMode;
import dev.brownout.fakes.behaviour.ErrorFault;
import dev.brownout.fakes.behaviour.FaultCondition;
import dev.brownout.fakes.behaviour.HangFault;
import dev.brownout.fakes.behaviour.LatencyFault;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.behaviour.StallFault;
import dev.brownout.fakes.behaviour.StreamErrorFault;
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

import java.io.EOFException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The provider faults a failover scenario is built from, as the official openai-java SDK sees them: what it
 * retries, what it raises, and what it hands over as a success.
 */
class OpenAiFailoverFaultsTest {

    private static final List<Integer> FIRST_ATTEMPT = List.of(1);
    private static FakeWorld world;
    private static FakeProvider openai;
    private static OpenAIClient client;
    private static OpenAIClient noRetries;

    @BeforeAll
    static void startWorld() {
        world = TestWorlds.start(17, ProviderConfig.of("openai", DialectKind.OPENAI, "perfect", "mid"));
        openai = world.provider("openai");
        client = OpenAIOkHttpClient.builder().baseUrl(openai.baseUrl()).apiKey(openai.apiKey())
                .timeout(Duration.ofSeconds(20)).build();
        noRetries = client.withOptions(options -> options.maxRetries(0));
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

    private static ChatCompletionCreateParams.Builder ask(String prompt) {
        return ChatCompletionCreateParams.builder().model("perfect").addUserMessage(prompt);
    }

    private static CanaryTask canary() {
        return new CanaryGenerator(System.nanoTime()).next(CanaryKind.ARITHMETIC, 2);
    }

    private static List<ProviderCall> callsFor(String taskId) {
        return openai.ledger().all().stream().filter(call -> taskId.equals(call.taskId())).toList();
    }

    private static String answerOf(ChatCompletion completion) {
        return completion.choices().getFirst().message().content().orElseThrow();
    }

    /** Streams the request and appends every content fragment to {@code received}, as a caller reading it would. */
    private static void stream(OpenAIClient sdk, ChatCompletionCreateParams params, StringBuilder received) {
        try (var stream = sdk.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(
                    choice -> choice.delta().content().ifPresent(received::append)));
        }
    }

    @Test
    void a429OnTheFirstAttemptOnlyIsRetriedAfterItsRetryAfterAndThenAnswered() {
        openai.behaviour().replace(ProviderBehaviour.of(new ErrorFault(429, null, null, Duration.ofMillis(300), null,
                null, null, null, null, null, FIRST_ATTEMPT, null)));
        CanaryTask task = canary();

        ChatCompletion completion = client.chat().completions().create(ask(task.prompt()).build());

        assertThat(Canaries.answerIn(answerOf(completion))).as("the retry's answer").contains(task.expected());
        List<ProviderCall> calls = callsFor(task.id());
        assertThat(calls).extracting(ProviderCall::status).as("statuses of the task's attempts").containsExactly(429, 200);
        assertThat(calls).extracting(ProviderCall::faults).as("faults per attempt")
                .containsExactly(List.of("error:429"), List.of());
        assertThat(Duration.between(calls.get(0).time(), calls.get(1).time())).as("the SDK waited the 300 ms asked for")
                .isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }

    @Test
    void aProviderStartedAfreshCountsTheNextCallOfATaskAsItsFirstAttemptAgain() {
        openai.behaviour().replace(ProviderBehaviour.of(new ErrorFault(500, null, null, Duration.ZERO, null, null, null,
                null, null, null, FIRST_ATTEMPT, null)));
        CanaryTask task = canary();
        ChatCompletionCreateParams params = ask(task.prompt()).build();

        client.chat().completions().create(params);
        openai.startAfresh();

        assertThatThrownBy(() -> noRetries.chat().completions().create(params))
                .as("the task's next call after the fresh start is its attempt 1 again, hit by the first-attempt fault")
                .isInstanceOf(InternalServerException.class);
        assertThat(callsFor(task.id())).extracting(ProviderCall::status)
                .as("statuses: the first attempt refused, the second answered, then a first attempt again")
                .containsExactly(500, 200, 500);
    }

    @Test
    void a500OnTheFirstAttemptOfAStreamIsRetriedBeforeTheStreamStarts() {
        openai.behaviour().replace(ProviderBehaviour.of(new ErrorFault(500, null, null, Duration.ZERO, null, null, null,
                null, null, null, FIRST_ATTEMPT, null)));
        CanaryTask task = canary();
        StringBuilder received = new StringBuilder();

        stream(client, ask(task.prompt()).build(), received);

        assertThat(Canaries.answerIn(received.toString())).as("the streamed answer of the retry").contains(task.expected());
        assertThat(callsFor(task.id())).extracting(ProviderCall::status).as("statuses of the task's attempts")
                .containsExactly(500, 200);
    }

    @Test
    void anAttemptScopedFaultNeverHitsARequestThatCarriesNoTaskId() {
        openai.behaviour().replace(ProviderBehaviour.of(new ErrorFault(500, null, null, null, null, null, null, null,
                null, null, FIRST_ATTEMPT, null)));
        long before = openai.ledger().all().size();

        ChatCompletion completion = noRetries.chat().completions().create(ask("hello without a task header").build());

        assertThat(answerOf(completion)).as("filler answer of a request without a task id").isNotEmpty();
        ProviderCall call = openai.ledger().all().get((int) before);
        assertThat(call.taskId()).as("task id of the request").isNull();
        assertThat(call.faults()).as("faults applied to a call that is no attempt of any task").isEmpty();
    }

    @Test
    void aResetOnTheFirstAttemptBreaksThatStreamAndTheNextAttemptIsHealthy() {
        openai.behaviour().replace(ProviderBehaviour.of(new CutFault(2, CutMode.RESET, null, null, FIRST_ATTEMPT, null)));
        CanaryTask task = canary();

        Throwable broken = catchThrowable(() -> stream(client, ask(task.prompt()).build(), new StringBuilder()));
        StringBuilder retried = new StringBuilder();
        stream(client, ask(task.prompt()).build(), retried);

        assertThat(broken).as("what the SDK raises for a reset stream").isInstanceOf(OpenAIIoException.class)
                .hasRootCauseInstanceOf(SocketException.class).hasRootCauseMessage("Connection reset");
        assertThat(Canaries.answerIn(retried.toString())).as("the caller's own second attempt").contains(task.expected());
        List<ProviderCall> calls = callsFor(task.id());
        assertThat(calls).extracting(ProviderCall::outcome).as("outcomes: the SDK did not retry the reset itself")
                .containsExactly(CallOutcome.CUT, CallOutcome.COMPLETE);
        assertThat(calls.getFirst().faults()).as("faults of the first attempt").containsExactly("cut:reset");
    }

    @Test
    void anAbortedStreamRaisesAnIoErrorAfterTheTokensItSent() {
        openai.behaviour().replace(ProviderBehaviour.of(new CutFault(3, CutMode.ABORT, null, null, null, null)));
        CanaryTask task = canary();
        StringBuilder received = new StringBuilder();

        assertThatThrownBy(() -> stream(client, ask(task.prompt()).build(), received))
                .as("a chunked body that ends without its zero-length chunk").isInstanceOf(OpenAIIoException.class)
                .hasRootCauseInstanceOf(EOFException.class);

        ProviderCall call = callsFor(task.id()).getFirst();
        assertThat(received).as("the tokens before the abort").isNotEmpty();
        assertThat(call.outcome()).as("outcome in the ledger").isEqualTo(CallOutcome.CUT);
        assertThat(call.outputTokens()).as("tokens sent before the abort").isEqualTo(3);
        assertThat(call.faults()).as("faults in the ledger").containsExactly("cut:abort");
        assertThat(callsFor(task.id())).as("attempts: a broken stream is not retried").hasSize(1);
    }

    @Test
    void aNonStreamingBodyAbortedShortOfItsLengthCannotBeRead() {
        openai.behaviour().replace(ProviderBehaviour.of(new CutFault(3, CutMode.ABORT, null, null, null, null)));
        CanaryTask task = canary();

        assertThatThrownBy(() -> noRetries.chat().completions().create(ask(task.prompt()).build()))
                .as("a body short of its Content-Length, then FIN")
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasRootCauseInstanceOf(ProtocolException.class)
                .hasRootCauseMessage("unexpected end of stream");

        assertThat(callsFor(task.id()).getFirst().outcome()).as("outcome in the ledger").isEqualTo(CallOutcome.CUT);
    }

    @Test
    void aNonStreamingBodyResetShortOfItsLengthCannotBeRead() {
        openai.behaviour().replace(ProviderBehaviour.of(new CutFault(3, CutMode.RESET, null, null, null, null)));
        CanaryTask task = canary();

        assertThatThrownBy(() -> noRetries.chat().completions().create(ask(task.prompt()).build()))
                .as("a body short of its Content-Length, then RST")
                .isInstanceOf(OpenAIInvalidDataException.class)
                .hasRootCauseInstanceOf(SocketException.class)
                .hasRootCauseMessage("Connection reset");

        assertThat(callsFor(task.id()).getFirst().faults()).as("faults in the ledger").containsExactly("cut:reset");
    }

    @Test
    void aStallThatEndsCleanlyIsATruncatedSuccessAfterThePause() {
        openai.behaviour().replace(ProviderBehaviour.of(new StallFault(2, Duration.ofMillis(600), CutMode.CLEAN, null,
                null, null, null)));
        CanaryTask task = canary();
        StringBuilder received = new StringBuilder();
        long start = System.nanoTime();

        stream(client, ask(task.prompt()).build(), received);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the stream ended after the stall")
                .isGreaterThanOrEqualTo(Duration.ofMillis(590));
        assertThat(Canaries.answerIn(received.toString())).as("the ANSWER line never came").isEmpty();
        ProviderCall call = callsFor(task.id()).getFirst();
        assertThat(call.outcome()).as("outcome in the ledger").isEqualTo(CallOutcome.CUT);
        assertThat(call.outputTokens()).as("tokens sent before the stall").isEqualTo(2);
        assertThat(call.faults()).as("faults in the ledger").containsExactly("stall:clean");
    }

    @Test
    void aStallThatAbortsRaisesAnIoErrorOnlyAfterThePause() {
        openai.behaviour().replace(ProviderBehaviour.of(new StallFault(2, Duration.ofMillis(600), CutMode.ABORT, null,
                null, null, null)));
        CanaryTask task = canary();
        long start = System.nanoTime();

        assertThatThrownBy(() -> stream(client, ask(task.prompt()).build(), new StringBuilder()))
                .as("a stream closed under the client after a stall").isInstanceOf(OpenAIIoException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time until the SDK saw the close")
                .isGreaterThanOrEqualTo(Duration.ofMillis(590));
    }

    @Test
    void anUnterminatedStreamDeliversTheWholeAnswerWithFinishReasonAndUsageAndNoError() {
        openai.behaviour().replace(ProviderBehaviour.of(new UnterminatedFault(null, null, null, null)));
        CanaryTask task = canary();
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();

        try (var stream = client.chat().completions().createStreaming(ask(task.prompt())
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }

        ChatCompletion completion = accumulator.chatCompletion();
        assertThat(Canaries.answerIn(answerOf(completion))).as("the whole answer").contains(task.expected());
        assertThat(completion.choices().getFirst().finishReason()).as("finish reason")
                .isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(completion.usage()).as("the usage chunk").isPresent();
        ProviderCall call = callsFor(task.id()).getFirst();
        assertThat(call.outcome()).as("outcome: the answer was whole").isEqualTo(CallOutcome.COMPLETE);
        assertThat(call.faults()).as("faults in the ledger").containsExactly("unterminated");
    }

    @Test
    void latencyAfterTheHeadersOpensTheStreamBeforeTheFirstToken() {
        openai.behaviour().replace(ProviderBehaviour.of(new LatencyFault(Duration.ofMillis(1_000),
                LatencyFault.Where.AFTER_HEADERS, null, null, null, null)));
        long start = System.nanoTime();
        long[] firstChunk = new long[1];

        long headers;
        try (var stream = client.chat().completions().createStreaming(ask("hello").build())) {
            headers = System.nanoTime();
            stream.stream().findFirst().ifPresent(chunk -> firstChunk[0] = System.nanoTime());
        }

        assertThat(Duration.ofNanos(firstChunk[0] - headers)).as("wait between the 200's headers and the first chunk")
                .isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(Duration.ofNanos(firstChunk[0] - start)).as("time to the first chunk")
                .isGreaterThanOrEqualTo(Duration.ofMillis(990));
        assertThat(openai.ledger().all().getLast().faults()).as("faults in the ledger")
                .containsExactly("latency:after_headers");
    }

    @Test
    void latencyAfterTheHeadersSendsANonStreamingAnswersHeadersFirst() {
        openai.behaviour().replace(ProviderBehaviour.of(new LatencyFault(Duration.ofMillis(1_000),
                LatencyFault.Where.AFTER_HEADERS, null, null, null, null)));

        var raw = client.chat().completions().withRawResponse().create(ask("hello").build());
        long headers = System.nanoTime();
        ChatCompletion completion = raw.parse();
        long body = System.nanoTime();

        assertThat(raw.statusCode()).as("status sent with the early headers").isEqualTo(200);
        assertThat(answerOf(completion)).as("the answer that followed").isNotEmpty();
        assertThat(Duration.ofNanos(body - headers)).as("wait between the headers and the body")
                .isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void anErrorCodeFillsTheBodyWithTheRealApisTypeParamAndMessage() {
        openai.behaviour().replace(ProviderBehaviour.of(new ErrorFault(400, null, null, null, null, null, null, null,
                "context_length_exceeded", null, null, null)));

        assertThatThrownBy(() -> client.chat().completions().create(ask("hello").build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.code()).as("error.code").contains("context_length_exceeded");
                    assertThat(e.type()).as("error.type").contains("invalid_request_error");
                    assertThat(e.param()).as("error.param").contains("messages");
                    assertThat(e.getMessage()).as("message").contains("maximum context length");
                });
    }

    @Test
    void errorTypeCodeAndParamOverrideTheUsualFields() {
        openai.behaviour().replace(ProviderBehaviour.of(new ErrorFault(503, null, null, null, false, null, null,
                "overloaded_error", "overloaded", "model", null, null)));

        assertThatThrownBy(() -> client.chat().completions().create(ask("hello").build()))
                .isInstanceOfSatisfying(InternalServerException.class, e -> {
                    assertThat(e.type()).as("error.type").contains("overloaded_error");
                    assertThat(e.code()).as("error.code").contains("overloaded");
                    assertThat(e.param()).as("error.param").contains("model");
                });
        assertThat(openai.ledger().all().getLast().faults()).as("faults in the ledger")
                .containsExactly("error:503:overloaded");
    }

    @Test
    void aMidStreamErrorCarriesItsCode() {
        openai.behaviour().replace(ProviderBehaviour.of(new StreamErrorFault(2, 500, null, null, null, null,
                "rate_limit_exceeded", null, null, null)));

        assertThatThrownBy(() -> stream(client, ask("hello").build(), new StringBuilder()))
                .isInstanceOfSatisfying(SseException.class, e -> {
                    assertThat(e.code()).as("error.code of the event").contains("rate_limit_exceeded");
                    assertThat(e.type()).as("error.type the code picks").contains("requests");
                });
    }

    @Test
    void aPrefillConditionRefusesOnlyConversationsEndingWithAnAssistantMessage() {
        openai.behaviour().replace(ProviderBehaviour.of(new ErrorFault(400, null, null, null, null,
                "This model does not support assistant message prefill.", null, null, null, null, null,
                FaultCondition.ASSISTANT_PREFILL)));

        ChatCompletion plain = client.chat().completions().create(ask("hello").build());
        assertThatThrownBy(() -> client.chat().completions().create(ask("hello").addAssistantMessage("Well,").build()))
                .as("a conversation ending with an assistant message")
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.getMessage()).contains("does not support assistant message prefill"));

        assertThat(answerOf(plain)).as("the answer to a conversation ending with the user").isNotEmpty();
    }

    @Test
    void aCutStreamResumedFromWhatArrivedContinuesToTheWholeAnswer() {
        openai.behaviour().replace(ProviderBehaviour.of(new CutFault(5, CutMode.CLEAN, null, null, FIRST_ATTEMPT, null)));
        CanaryTask task = canary();
        StringBuilder prefix = new StringBuilder();
        stream(client, ask(task.prompt()).build(), prefix);

        StringBuilder continuation = new StringBuilder();
        stream(client, ask(task.prompt()).addAssistantMessage(prefix.toString()).build(), continuation);
        ChatCompletion whole = client.chat().completions().create(ask(task.prompt()).build());

        assertThat(Canaries.answerIn(prefix.toString())).as("the cut answer alone").isEmpty();
        assertThat(prefix + continuation.toString()).as("prefix + continuation, as a gateway stitches them")
                .isEqualTo(answerOf(whole));
        assertThat(Canaries.answerIn(prefix + continuation.toString())).as("the stitched answer's ANSWER line")
                .contains(task.expected());
        assertThat(callsFor(task.id()).get(1).outputTokens()).as("tokens of the continuation, against the whole answer's")
                .isLessThan(whole.usage().orElseThrow().completionTokens());
    }

    @Test
    void aPrefixThatIsNotTheAnswersBeginningIsFollowedByTheWholeAnswer() {
        CanaryTask task = canary();

        ChatCompletion completion = client.chat().completions()
                .create(ask(task.prompt()).addAssistantMessage("Let me think").build());

        String stitched = "Let me think" + answerOf(completion);
        assertThat(Canaries.answerIn(stitched)).as("the stitched answer's last ANSWER line").contains(task.expected());
    }

    @Test
    void aHangThatEndsClosesTheConnectionAndTheSdkRetriesIt() {
        openai.behaviour().replace(ProviderBehaviour.of(new HangFault(Duration.ofMillis(300), null, null, FIRST_ATTEMPT,
                null)));
        CanaryTask task = canary();

        ChatCompletion completion = client.chat().completions().create(ask(task.prompt()).build());

        assertThat(Canaries.answerIn(answerOf(completion))).as("the retry's answer").contains(task.expected());
        List<ProviderCall> calls = callsFor(task.id());
        assertThat(calls).extracting(ProviderCall::outcome).as("outcomes of the attempts")
                .containsExactly(CallOutcome.HANG, CallOutcome.COMPLETE);
        assertThat(calls.getFirst().faults()).as("faults of the first attempt").containsExactly("hang:close");
        assertThat(Duration.between(calls.get(0).time(), calls.get(1).time())).as("the hang held the first attempt")
                .isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }

    @Test
    void aHangThatEndsIsAnIoErrorLongBeforeTheClientsTimeout() {
        openai.behaviour().replace(ProviderBehaviour.of(new HangFault(Duration.ofMillis(300), null, null, null, null)));
        long start = System.nanoTime();

        assertThatThrownBy(() -> noRetries.chat().completions().create(ask("hello").build()))
                .as("a connection closed with no response").isInstanceOf(OpenAIIoException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to the error (client timeout: 20 s)")
                .isBetween(Duration.ofMillis(290), Duration.ofSeconds(10));
    }
}
