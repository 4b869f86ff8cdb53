package dev.brownout.fakes.internal.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.AnthropicInvalidDataException;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.InternalServerException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The provider faults a failover scenario is built from, as the official anthropic-java SDK sees them: what it
 * retries, what it raises, and what it hands over as a success.
 */
class AnthropicFailoverFaultsTest {

    private static final List<Integer> FIRST_ATTEMPT = List.of(1);
    private static FakeWorld world;
    private static FakeProvider anthropic;
    private static AnthropicClient client;
    private static AnthropicClient noRetries;

    @BeforeAll
    static void startWorld() {
        world = TestWorlds.start(19, ProviderConfig.of("anthropic", DialectKind.ANTHROPIC, "perfect", "mid"));
        anthropic = world.provider("anthropic");
        client = AnthropicOkHttpClient.builder().baseUrl(anthropic.baseUrl()).apiKey(anthropic.apiKey())
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
        anthropic.behaviour().replace(ProviderBehaviour.healthy());
    }

    private static MessageCreateParams.Builder ask(String prompt) {
        return MessageCreateParams.builder().model("perfect").maxTokens(512).addUserMessage(prompt);
    }

    private static CanaryTask canary() {
        return new CanaryGenerator(System.nanoTime()).next(CanaryKind.ARITHMETIC, 2);
    }

    private static List<ProviderCall> callsFor(String taskId) {
        return anthropic.ledger().all().stream().filter(call -> taskId.equals(call.taskId())).toList();
    }

    private static String textOf(Message message) {
        return message.content().getFirst().text().orElseThrow().text();
    }

    /** Reads the whole stream into a list of its events, as a caller iterating it would. */
    private static List<RawMessageStreamEvent> events(MessageCreateParams params) {
        List<RawMessageStreamEvent> events = new ArrayList<>();
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
            stream.stream().forEach(events::add);
        }
        return events;
    }

    private static String textIn(List<RawMessageStreamEvent> events) {
        StringBuilder text = new StringBuilder();
        events.forEach(event -> event.contentBlockDelta()
                .flatMap(delta -> delta.delta().text()).ifPresent(delta -> text.append(delta.text())));
        return text.toString();
    }

    @Test
    void anOverloadOnTheFirstAttemptOnlyIsRetriedAndThenAnswered() {
        anthropic.behaviour().replace(ProviderBehaviour.of(new ErrorFault(529, null, null, Duration.ofMillis(50), null,
                null, null, null, null, null, FIRST_ATTEMPT, null)));
        CanaryTask task = canary();

        Message message = client.messages().create(ask(task.prompt()).build());

        assertThat(Canaries.answerIn(textOf(message))).as("the retry's answer").contains(task.expected());
        assertThat(callsFor(task.id())).extracting(ProviderCall::status).as("statuses of the task's attempts")
                .containsExactly(529, 200);
    }

    @Test
    void aResetStreamRaisesAnIoErrorWithConnectionReset() {
        anthropic.behaviour().replace(ProviderBehaviour.of(new CutFault(2, CutMode.RESET, null, null, null, null)));
        CanaryTask task = canary();

        assertThatThrownBy(() -> events(ask(task.prompt()).build())).as("a stream reset mid-answer")
                .isInstanceOf(AnthropicIoException.class)
                .hasRootCauseInstanceOf(SocketException.class).hasRootCauseMessage("Connection reset");

        assertThat(callsFor(task.id())).as("attempts: a broken stream is not retried").hasSize(1)
                .first().satisfies(call -> assertThat(call.faults()).containsExactly("cut:reset"));
    }

    @Test
    void anAbortedStreamRaisesAnIoErrorAfterItsTokens() {
        anthropic.behaviour().replace(ProviderBehaviour.of(new CutFault(3, CutMode.ABORT, null, null, null, null)));
        CanaryTask task = canary();

        assertThatThrownBy(() -> events(ask(task.prompt()).build()))
                .as("a chunked body that ends without its zero-length chunk")
                .isInstanceOf(AnthropicIoException.class).hasRootCauseInstanceOf(EOFException.class);

        ProviderCall call = callsFor(task.id()).getFirst();
        assertThat(call.outcome()).as("outcome in the ledger").isEqualTo(CallOutcome.CUT);
        assertThat(call.outputTokens()).as("tokens sent before the abort").isEqualTo(3);
    }

    @Test
    void aNonStreamingBodyAbortedShortOfItsLengthCannotBeRead() {
        anthropic.behaviour().replace(ProviderBehaviour.of(new CutFault(3, CutMode.ABORT, null, null, null, null)));

        assertThatThrownBy(() -> noRetries.messages().create(ask("hello").build()))
                .as("a body short of its Content-Length, then FIN")
                .isInstanceOf(AnthropicInvalidDataException.class)
                .hasRootCauseInstanceOf(ProtocolException.class).hasRootCauseMessage("unexpected end of stream");
    }

    @Test
    void aStallThatEndsCleanlyIsAQuietEndWithoutMessageStopAfterThePause() {
        anthropic.behaviour().replace(ProviderBehaviour.of(new StallFault(2, Duration.ofMillis(600), CutMode.CLEAN,
                null, null, null, null)));
        CanaryTask task = canary();
        long start = System.nanoTime();

        List<RawMessageStreamEvent> events = events(ask(task.prompt()).build());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the stream ended after the stall")
                .isGreaterThanOrEqualTo(Duration.ofMillis(590));
        assertThat(events).as("events of a stream that stopped after 2 tokens")
                .noneMatch(RawMessageStreamEvent::isMessageStop).noneMatch(RawMessageStreamEvent::isMessageDelta);
        MessageAccumulator accumulator = MessageAccumulator.create();
        events.forEach(accumulator::accumulate);
        assertThatThrownBy(accumulator::message).as("the SDK's accumulator without message_stop")
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void anUnterminatedStreamHasItsStopReasonAndUsageButNoMessageStop() {
        anthropic.behaviour().replace(ProviderBehaviour.of(new UnterminatedFault(null, null, null, null)));
        CanaryTask task = canary();

        List<RawMessageStreamEvent> events = events(ask(task.prompt()).build());

        assertThat(Canaries.answerIn(textIn(events))).as("the whole answer arrived").contains(task.expected());
        var delta = events.stream().filter(RawMessageStreamEvent::isMessageDelta).findFirst().orElseThrow().asMessageDelta();
        assertThat(delta.delta().stopReason()).as("stop reason in message_delta").contains(StopReason.END_TURN);
        assertThat(delta.usage().outputTokens()).as("usage in message_delta")
                .isEqualTo(callsFor(task.id()).getFirst().outputTokens());
        assertThat(events).as("events: no message_stop").noneMatch(RawMessageStreamEvent::isMessageStop);
        assertThat(callsFor(task.id()).getFirst().faults()).as("faults in the ledger").containsExactly("unterminated");
    }

    @Test
    void latencyAfterTheHeadersOpensTheStreamBeforeTheFirstEvent() {
        anthropic.behaviour().replace(ProviderBehaviour.of(new LatencyFault(Duration.ofMillis(1_000),
                LatencyFault.Where.AFTER_HEADERS, null, null, null, null)));
        long firstEvent = 0;

        long headers;
        try (var stream = client.messages().createStreaming(ask("hello").build())) {
            headers = System.nanoTime();
            if (stream.stream().findFirst().isPresent()) {
                firstEvent = System.nanoTime();
            }
        }

        assertThat(Duration.ofNanos(firstEvent - headers)).as("wait between the 200's headers and message_start")
                .isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void anErrorCodeIsSentInAnthropicsOwnShape() {
        anthropic.behaviour().replace(ProviderBehaviour.of(new ErrorFault(400, null, null, null, null, null, null, null,
                "context_length_exceeded", null, null, null)));

        assertThatThrownBy(() -> client.messages().create(ask("hello").build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.getMessage())
                        .as("Anthropic's body for a prompt over the context window")
                        .contains("invalid_request_error", "prompt is too long")
                        .doesNotContain("context_length_exceeded"));
    }

    @Test
    void anErrorTypeReplacesTheStatussUsualType() {
        anthropic.behaviour().replace(ProviderBehaviour.of(new ErrorFault(500, null, null, null, false, null, null,
                "overloaded_error", null, null, null, null)));

        assertThatThrownBy(() -> client.messages().create(ask("hello").build()))
                .isInstanceOfSatisfying(InternalServerException.class,
                        e -> assertThat(e.getMessage()).as("the error's type").contains("overloaded_error"));
    }

    @Test
    void aPrefillConditionRefusesOnlyConversationsEndingWithAnAssistantMessage() {
        anthropic.behaviour().replace(ProviderBehaviour.of(new ErrorFault(400, null, null, null, null,
                "This model does not support assistant message prefill. The conversation must end with a user message.",
                null, null, null, null, null, FaultCondition.ASSISTANT_PREFILL)));

        Message plain = client.messages().create(ask("hello").build());
        assertThatThrownBy(() -> client.messages().create(ask("hello").addAssistantMessage("Well,").build()))
                .as("a conversation ending with an assistant prefill")
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.getMessage()).contains("does not support assistant message prefill"));

        assertThat(textOf(plain)).as("the answer to a conversation ending with the user").isNotEmpty();
    }

    @Test
    void aPrefillIsContinuedSoPrefixAndContinuationAreTheWholeAnswer() {
        CanaryTask task = canary();
        String whole = textOf(client.messages().create(ask(task.prompt()).build()));
        String prefix = whole.substring(0, whole.indexOf('\n')).stripTrailing();

        Message continued = client.messages().create(ask(task.prompt()).addAssistantMessage(prefix).build());

        assertThat(prefix + textOf(continued)).as("prefill + continuation").isEqualTo(whole);
        assertThat(Canaries.answerIn(prefix + textOf(continued))).as("its ANSWER line").contains(task.expected());
    }

    @Test
    void aPrefillEndingInWhitespaceIsRefusedAsTheRealApiRefusesIt() {
        assertThatThrownBy(() -> client.messages().create(ask("hello").addAssistantMessage("The answer is\n").build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.getMessage())
                        .contains("final assistant content cannot end with trailing whitespace"));
    }

    @Test
    void aHangThatEndsClosesTheConnectionAndTheSdkRetriesIt() {
        anthropic.behaviour().replace(ProviderBehaviour.of(new HangFault(Duration.ofMillis(300), null, null,
                FIRST_ATTEMPT, null)));
        CanaryTask task = canary();

        Message message = client.messages().create(ask(task.prompt()).build());

        assertThat(Canaries.answerIn(textOf(message))).as("the retry's answer").contains(task.expected());
        assertThat(callsFor(task.id())).extracting(ProviderCall::outcome).as("outcomes of the attempts")
                .containsExactly(CallOutcome.HANG, CallOutcome.COMPLETE);
    }
}
