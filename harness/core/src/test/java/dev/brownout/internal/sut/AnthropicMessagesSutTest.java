package dev.brownout.internal.sut;

import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.WorldConfig;
import dev.brownout.fakes.behaviour.CutFault;
import dev.brownout.fakes.behaviour.CutMode;
import dev.brownout.fakes.behaviour.ErrorFault;
import dev.brownout.fakes.behaviour.MalformedChunkFault;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.behaviour.StreamErrorFault;
import dev.brownout.fakes.behaviour.UnterminatedFault;
import dev.brownout.fakes.canary.Canaries;
import dev.brownout.fakes.canary.CanaryGenerator;
import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.canary.CanaryTask;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The anthropic-messages adapter against a fake Anthropic provider standing in for a gateway. */
class AnthropicMessagesSutTest {

    private static FakeWorld world;
    private static FakeProvider provider;
    private static AnthropicMessagesSut sut;
    private final CanaryGenerator canaries = new CanaryGenerator(System.nanoTime());

    @BeforeAll
    static void start() throws Exception {
        Path catalog = Path.of(Objects.requireNonNull(AnthropicMessagesSutTest.class.getResource("/world/instant-catalog.yaml")).toURI());
        world = FakeWorld.start(new WorldConfig(9L, WorldConfig.LOOPBACK, catalog.toString(),
                List.of(ProviderConfig.of("gateway", DialectKind.ANTHROPIC, "perfect"))));
        provider = world.provider("gateway");
        sut = AnthropicMessagesSut.of(URI.create(provider.baseUrl()), provider.apiKey(), "perfect", 512, Map.of());
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @BeforeEach
    void healthy() {
        provider.behaviour().replace(ProviderBehaviour.healthy());
    }

    private static ProviderCall servedFor(CanaryTask task) {
        return provider.ledger().all().stream().filter(call -> task.id().equals(call.taskId())).reduce((a, b) -> b)
                .orElseThrow();
    }

    private static SutRequest request(CanaryTask task, boolean stream) {
        return new SutRequest(task.id(), task.prompt(), stream, Duration.ofSeconds(10));
    }

    @Test
    void wholeMessageCarriesTheCanaryAnswer() throws Exception {
        CanaryTask task = canaries.next(CanaryKind.JSON, 2);

        SutReply reply = sut.send(request(task, false));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(Canaries.answerIn(reply.answer())).contains(task.expected());
        assertThat(reply.model()).isEqualTo("perfect");
    }

    @Test
    void streamedMessageIsAssembledFromTextDeltas() throws Exception {
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 2);

        SutReply reply = sut.send(request(task, true));

        assertThat(Canaries.answerIn(reply.answer())).contains(task.expected());
        assertThat(reply.truncated()).as("message_stop arrived").isFalse();
        assertThat(reply.firstByteNanos()).isPositive();
    }

    @Test
    void overloadedIsThatStatus() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(ErrorFault.of(529)));

        assertThat(sut.send(request(canaries.next(CanaryKind.JSON, 1), false)).status()).isEqualTo(529);
    }

    @Test
    void aWholeMessageRecordsItsStopReasonAndTheUsageTheProviderCounted() throws Exception {
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 2);

        SutReply reply = sut.send(request(task, false));

        ProviderCall served = servedFor(task);
        assertThat(reply.finishReason()).as("stop reason").isEqualTo("end_turn");
        assertThat(reply.usage()).as("usage: the ledger's input and output tokens")
                .isEqualTo(new SutReply.Usage(served.inputTokens(), served.outputTokens()));
        assertThat(reply.ending()).as("ending").isEqualTo(SutReply.Ending.WHOLE_BODY);
    }

    @Test
    void aStreamedMessageRecordsItsStopReasonUsageAndMessageStop() throws Exception {
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 2);

        SutReply reply = sut.send(request(task, true));

        ProviderCall served = servedFor(task);
        assertThat(reply.finishReason()).as("message_delta's stop reason").isEqualTo("end_turn");
        assertThat(reply.usage()).as("message_start's input and message_delta's output tokens, as the ledger counts them")
                .isEqualTo(new SutReply.Usage(served.inputTokens(), served.outputTokens()));
        assertThat(reply.ending()).as("ending").isEqualTo(SutReply.Ending.TERMINATOR);
    }

    @Test
    void aStreamCutCleanlyIsReportedAsItEndedWithoutStopReasonOrUsage() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(new CutFault(2, null, null)));

        SutReply reply = sut.send(request(canaries.next(CanaryKind.ARITHMETIC, 2), true));

        assertThat(reply.status()).as("status").isEqualTo(200);
        assertThat(reply.ending()).as("the body simply ended").isEqualTo(SutReply.Ending.CLEAN_END);
        assertThat(reply.finishReason()).as("stop reason").isNull();
        assertThat(reply.usage()).as("no message_delta, so no final usage").isNull();
    }

    @Test
    void aStreamThatOnlyLacksMessageStopEndsCleanlyWithItsStopReasonAndUsage() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(new UnterminatedFault(null, null, null, null)));
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 2);

        SutReply reply = sut.send(request(task, true));

        assertThat(reply.ending()).as("ending").isEqualTo(SutReply.Ending.CLEAN_END);
        assertThat(reply.finishReason()).as("stop reason").isEqualTo("end_turn");
        assertThat(reply.usage()).as("usage").isNotNull();
        assertThat(Canaries.answerIn(reply.answer())).as("the whole answer").contains(task.expected());
    }

    @Test
    void aMalformedEventIsSkippedAndCounted() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(new MalformedChunkFault(2, null, null, null, null)));
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 2);

        SutReply reply = sut.send(request(task, true));

        assertThat(reply.malformedEvents()).as("malformed events").isEqualTo(1);
        assertThat(reply.ending()).as("ending").isEqualTo(SutReply.Ending.TERMINATOR);
        assertThat(Canaries.answerIn(reply.answer())).as("the whole answer").contains(task.expected());
    }

    @Test
    void aStreamThatBreaksOffIsAnAbortedReply() {
        provider.behaviour().replace(ProviderBehaviour.of(new CutFault(2, CutMode.ABORT, null, null, null, null)));

        assertThatThrownBy(() -> sut.send(request(canaries.next(CanaryKind.ARITHMETIC, 2), true)))
                .as("a FIN before the zero-length chunk").isInstanceOf(AbortedReplyException.class);
    }

    @Test
    void anErrorEventIsAnError() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(new StreamErrorFault(1, 529, null, null, null)));

        SutReply reply = sut.send(request(canaries.next(CanaryKind.ARITHMETIC, 1), true));

        assertThat(reply.status()).as("status").isEqualTo(502);
        assertThat(reply.ending()).as("ending").isEqualTo(SutReply.Ending.ERROR_EVENT);
    }
}
