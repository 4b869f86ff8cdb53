package dev.brownout.internal.sut;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.brownout.fakes.canary.Canaries;
import dev.brownout.fakes.canary.CanaryGenerator;
import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.canary.CanaryTask;
import dev.brownout.fakes.config.Mappers;
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

/**
 * The openai-responses adapter against a fake OpenAI provider's Responses API standing in for a gateway: what the
 * adapter reports is checked against what the provider's ledger says it served.
 */
class OpenAiResponsesSutTest {

    private static FakeWorld world;
    private static FakeProvider provider;
    private static OpenAiResponsesSut sut;
    private final CanaryGenerator canaries = new CanaryGenerator(System.nanoTime());

    @BeforeAll
    static void start() throws Exception {
        Path catalog = Path.of(Objects.requireNonNull(
                OpenAiResponsesSutTest.class.getResource("/world/instant-catalog.yaml")).toURI());
        world = FakeWorld.start(new WorldConfig(9L, WorldConfig.LOOPBACK, catalog.toString(),
                List.of(ProviderConfig.of("gateway", DialectKind.OPENAI, "perfect"))));
        provider = world.provider("gateway");
        sut = OpenAiResponsesSut.of(URI.create(provider.baseUrl()), provider.apiKey(), "perfect", Map.of(),
                Mappers.json().createObjectNode());
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
    void aWholeResponseCarriesTheAnswerItsStatusAndTheUsageTheProviderCounted() throws Exception {
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 2);

        SutReply reply = sut.send(request(task, false));

        ProviderCall served = servedFor(task);
        assertThat(reply.status()).as("status").isEqualTo(200);
        assertThat(Canaries.answerIn(reply.answer())).as("the answer line of the output text").contains(task.expected());
        assertThat(reply.model()).as("model").isEqualTo("perfect");
        assertThat(served.api()).as("the API the provider served the call on").isEqualTo("responses");
        assertThat(reply.finishReason()).as("the response's status").isEqualTo("completed");
        assertThat(reply.usage()).as("usage: the ledger's input and output tokens")
                .isEqualTo(new SutReply.Usage(served.inputTokens(), served.outputTokens()));
        assertThat(reply.ending()).as("ending").isEqualTo(SutReply.Ending.WHOLE_BODY);
    }

    @Test
    void aStreamedResponseIsAssembledFromItsDeltasAndEndsAtItsTerminalEvent() throws Exception {
        CanaryTask task = canaries.next(CanaryKind.LOOKUP, 2);
        long sent = System.nanoTime();

        SutReply reply = sut.send(request(task, true));

        ProviderCall served = servedFor(task);
        assertThat(Canaries.answerIn(reply.answer())).as("the answer the text deltas add up to")
                .contains(task.expected());
        assertThat(reply.firstByteNanos()).as("first text delta after sending").isGreaterThan(sent);
        assertThat(reply.finishReason()).as("status of response.completed").isEqualTo("completed");
        assertThat(reply.usage()).as("usage of response.completed: the ledger's tokens")
                .isEqualTo(new SutReply.Usage(served.inputTokens(), served.outputTokens()));
        assertThat(reply.ending()).as("ending").isEqualTo(SutReply.Ending.TERMINATOR);
        assertThat(reply.malformedEvents()).as("malformed events").isZero();
    }

    @Test
    void aResponseCutShortByItsOutputBudgetSaysWhy() throws Exception {
        ObjectNode budget = Mappers.json().createObjectNode().put("max_output_tokens", 16);
        OpenAiResponsesSut limited = OpenAiResponsesSut.of(URI.create(provider.baseUrl()), provider.apiKey(),
                "perfect", Map.of(), budget);

        SutReply whole = limited.send(request(canaries.next(CanaryKind.ARITHMETIC, 2), false));
        SutReply streamed = limited.send(request(canaries.next(CanaryKind.ARITHMETIC, 2), true));

        assertThat(whole.finishReason()).as("an incomplete response's reason").isEqualTo("max_output_tokens");
        assertThat(streamed.finishReason()).as("the reason in response.incomplete").isEqualTo("max_output_tokens");
        assertThat(streamed.ending()).as("response.incomplete is a terminal event").isEqualTo(SutReply.Ending.TERMINATOR);
    }

    @Test
    void anErrorStatusComesBackAsThatStatus() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(ErrorFault.of(503)));

        SutReply reply = sut.send(request(canaries.next(CanaryKind.JSON, 1), false));

        assertThat(reply.status()).as("status").isEqualTo(503);
    }

    @Test
    void aMidStreamErrorIsAnError() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(new StreamErrorFault(2, 529, null, null, null)));

        SutReply reply = sut.send(request(canaries.next(CanaryKind.ARITHMETIC, 1), true));

        assertThat(reply.status()).as("an error event mid-stream").isEqualTo(502);
        assertThat(reply.ending()).as("ending").isEqualTo(SutReply.Ending.ERROR_EVENT);
    }

    @Test
    void aStreamCutCleanlyEndsWithoutItsTerminalEvent() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(new CutFault(3, null, null)));

        SutReply reply = sut.send(request(canaries.next(CanaryKind.ARITHMETIC, 2), true));

        assertThat(reply.status()).as("the cut stream still said 200").isEqualTo(200);
        assertThat(reply.ending()).as("the body simply ended").isEqualTo(SutReply.Ending.CLEAN_END);
        assertThat(reply.finishReason()).as("finish reason").isNull();
        assertThat(reply.usage()).as("usage").isNull();
    }

    @Test
    void aMalformedEventIsSkippedAndCounted() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(new MalformedChunkFault(2, null, null, null, null)));
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 2);

        SutReply reply = sut.send(request(task, true));

        assertThat(reply.malformedEvents()).as("malformed events").isEqualTo(1);
        assertThat(reply.ending()).as("the stream went on to its terminal event").isEqualTo(SutReply.Ending.TERMINATOR);
        assertThat(Canaries.answerIn(reply.answer())).as("the whole answer around the broken event")
                .contains(task.expected());
    }

    @Test
    void aStreamThatBreaksOffIsAnAbortedReply() {
        provider.behaviour().replace(ProviderBehaviour.of(new CutFault(3, CutMode.ABORT, null, null, null, null)));

        assertThatThrownBy(() -> sut.send(request(canaries.next(CanaryKind.ARITHMETIC, 2), true)))
                .as("a FIN before the zero-length chunk").isInstanceOf(AbortedReplyException.class);
    }
}
