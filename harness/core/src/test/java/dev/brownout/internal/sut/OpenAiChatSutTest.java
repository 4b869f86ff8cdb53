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
import dev.brownout.internal.workload.ArrivalSchedule;
import dev.brownout.internal.workload.Exchange;
import dev.brownout.internal.workload.OpenLoopDriver;
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
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The openai-chat adapter against a fake OpenAI provider standing in for a gateway: what the adapter
 * reports is checked against what the provider's ledger says it served.
 */
class OpenAiChatSutTest {

    private static FakeWorld world;
    private static FakeProvider provider;
    private static OpenAiChatSut sut;
    private final CanaryGenerator canaries = new CanaryGenerator(System.nanoTime());

    @BeforeAll
    static void start() throws Exception {
        Path catalog = Path.of(Objects.requireNonNull(OpenAiChatSutTest.class.getResource("/world/instant-catalog.yaml")).toURI());
        world = FakeWorld.start(new WorldConfig(9L, WorldConfig.LOOPBACK, catalog.toString(),
                List.of(ProviderConfig.of("gateway", DialectKind.OPENAI, "perfect"))));
        provider = world.provider("gateway");
        sut = OpenAiChatSut.of(URI.create(provider.baseUrl()), provider.apiKey(), "perfect", Map.of());
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

    private SutRequest request(CanaryTask task, boolean stream) {
        return new SutRequest(task.id(), task.prompt(), stream, Duration.ofSeconds(10));
    }

    @Test
    void wholeAnswerCarriesTheCanaryAnswerAndTheModelNamed() throws Exception {
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 2);

        SutReply reply = sut.send(request(task, false));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(Canaries.answerIn(reply.answer())).contains(task.expected());
        assertThat(reply.model()).isEqualTo("perfect");
        assertThat(reply.truncated()).isFalse();
    }

    @Test
    void streamedAnswerIsAssembledWithItsFirstByteTime() throws Exception {
        CanaryTask task = canaries.next(CanaryKind.LOOKUP, 2);
        long sent = System.nanoTime();

        SutReply reply = sut.send(request(task, true));

        assertThat(Canaries.answerIn(reply.answer())).contains(task.expected());
        assertThat(reply.firstByteNanos()).as("first content chunk after sending").isGreaterThan(sent);
        assertThat(reply.truncated()).as("the stream ended with [DONE]").isFalse();
    }

    @Test
    void anErrorStatusComesBackAsThatStatus() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(ErrorFault.of(503)));

        SutReply reply = sut.send(request(canaries.next(CanaryKind.JSON, 1), false));

        assertThat(reply.status()).isEqualTo(503);
    }

    @Test
    void aWholeAnswerRecordsItsFinishReasonAndTheUsageTheProviderCounted() throws Exception {
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 2);

        SutReply reply = sut.send(request(task, false));

        ProviderCall served = servedFor(task);
        assertThat(reply.finishReason()).as("finish reason").isEqualTo("stop");
        assertThat(reply.usage()).as("usage: the ledger's input and output tokens")
                .isEqualTo(new SutReply.Usage(served.inputTokens(), served.outputTokens()));
        assertThat(reply.ending()).as("ending").isEqualTo(SutReply.Ending.WHOLE_BODY);
    }

    @Test
    void aStreamedAnswerRecordsItsFinishReasonUsageAndTerminator() throws Exception {
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 2);

        SutReply reply = sut.send(request(task, true));

        ProviderCall served = servedFor(task);
        assertThat(reply.finishReason()).as("finish reason of the last choice chunk").isEqualTo("stop");
        assertThat(reply.usage()).as("the usage chunk: the ledger's input and output tokens")
                .isEqualTo(new SutReply.Usage(served.inputTokens(), served.outputTokens()));
        assertThat(reply.ending()).as("ending").isEqualTo(SutReply.Ending.TERMINATOR);
        assertThat(reply.malformedEvents()).as("malformed events").isZero();
    }

    @Test
    void aStreamCutCleanlyIsReportedAsItEndedWithoutFinishReasonOrUsage() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(new CutFault(3, null, null)));
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 2);

        SutReply reply = sut.send(request(task, true));

        assertThat(reply.status()).as("the cut stream still said 200").isEqualTo(200);
        assertThat(reply.ending()).as("the body simply ended").isEqualTo(SutReply.Ending.CLEAN_END);
        assertThat(reply.finishReason()).as("finish reason").isNull();
        assertThat(reply.usage()).as("usage").isNull();
        assertThat(reply.truncated()).as("the adapter reports what it saw; the measurement judges it").isFalse();
        assertThat(Canaries.answerIn(reply.answer())).as("no ANSWER line arrived").isEmpty();
    }

    @Test
    void aStreamThatOnlyLacksDoneEndsCleanlyWithItsFinishReasonAndUsage() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(new UnterminatedFault(null, null, null, null)));
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 2);

        SutReply reply = sut.send(request(task, true));

        assertThat(reply.ending()).as("ending").isEqualTo(SutReply.Ending.CLEAN_END);
        assertThat(reply.finishReason()).as("finish reason").isEqualTo("stop");
        assertThat(reply.usage()).as("usage").isNotNull();
        assertThat(Canaries.answerIn(reply.answer())).as("the whole answer").contains(task.expected());
    }

    @Test
    void aMalformedChunkIsSkippedAndCounted() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(new MalformedChunkFault(2, null, null, null, null)));
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 2);

        SutReply reply = sut.send(request(task, true));

        assertThat(reply.status()).as("status").isEqualTo(200);
        assertThat(reply.malformedEvents()).as("malformed events").isEqualTo(1);
        assertThat(reply.ending()).as("the stream went on to its terminator").isEqualTo(SutReply.Ending.TERMINATOR);
        assertThat(Canaries.answerIn(reply.answer())).as("the whole answer around the broken chunk")
                .contains(task.expected());
    }

    @Test
    void aStreamThatBreaksOffWithoutItsClosingChunkIsAnAbortedReply() {
        provider.behaviour().replace(ProviderBehaviour.of(new CutFault(3, CutMode.ABORT, null, null, null, null)));

        assertThatThrownBy(() -> sut.send(request(canaries.next(CanaryKind.ARITHMETIC, 2), true)))
                .as("a FIN before the zero-length chunk").isInstanceOf(AbortedReplyException.class)
                .hasMessageContaining("mid-stream");
    }

    @Test
    void aStreamThatIsResetIsAnAbortedReply() {
        provider.behaviour().replace(ProviderBehaviour.of(new CutFault(3, CutMode.RESET, null, null, null, null)));

        assertThatThrownBy(() -> sut.send(request(canaries.next(CanaryKind.ARITHMETIC, 2), true)))
                .as("an RST mid-stream").isInstanceOf(AbortedReplyException.class);
    }

    @Test
    void aWholeBodyCutShortIsAnAbortedReply() {
        provider.behaviour().replace(ProviderBehaviour.of(new CutFault(3, null, null)));

        assertThatThrownBy(() -> sut.send(request(canaries.next(CanaryKind.ARITHMETIC, 2), false)))
                .as("a body shorter than its Content-Length").isInstanceOf(AbortedReplyException.class)
                .hasMessageContaining("in its body");
    }

    @Test
    void aMidStreamErrorEventIsAnError() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(new StreamErrorFault(2, 529, null, null, null)));

        SutReply reply = sut.send(request(canaries.next(CanaryKind.ARITHMETIC, 1), true));

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.ending()).as("ending").isEqualTo(SutReply.Ending.ERROR_EVENT);
    }

    @Test
    void driverExchangesJoinTheProviderLedgerByTaskId() throws Exception {
        CanaryGenerator generator = new CanaryGenerator(77);
        List<CanaryTask> tasks = java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> generator.next(CanaryKind.values()[i % 3], 1)).toList();
        OpenLoopDriver driver = new OpenLoopDriver(new ArrivalSchedule(20, Duration.ZERO, Duration.ofSeconds(2)),
                Duration.ofSeconds(10));

        List<Exchange> exchanges = driver.run(index -> request(tasks.get((int) index), index % 2 == 0), sut).exchanges();

        assertThat(exchanges).hasSize(40).allSatisfy(e -> {
            assertThat(e.answered()).as("exchange %s", e.taskId()).isTrue();
            assertThat(Canaries.answerIn(e.answer())).isPresent();
        });
        Set<String> served = provider.ledger().all().stream().map(ProviderCall::taskId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        assertThat(exchanges).extracting(Exchange::taskId).as("every exchange's task is in the provider's ledger")
                .allSatisfy(id -> assertThat(served).contains(id));
    }
}
