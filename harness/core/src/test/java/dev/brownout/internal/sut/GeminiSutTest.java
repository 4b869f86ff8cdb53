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
import dev.brownout.internal.tasks.TaskTools;
import dev.brownout.internal.workload.ReplyCompleteness;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gemini adapter against a fake Gemini provider standing in for a gateway: what the adapter reports is checked
 * against what the provider's ledger says it served.
 */
class GeminiSutTest {

    private static FakeWorld world;
    private static FakeProvider provider;
    private static GeminiSut sut;
    private final CanaryGenerator canaries = new CanaryGenerator(System.nanoTime());

    @BeforeAll
    static void start() throws Exception {
        Path catalog = Path.of(Objects.requireNonNull(
                GeminiSutTest.class.getResource("/world/instant-catalog.yaml")).toURI());
        world = FakeWorld.start(new WorldConfig(9L, WorldConfig.LOOPBACK, catalog.toString(),
                List.of(ProviderConfig.of("gateway", DialectKind.GEMINI, "perfect"))));
        provider = world.provider("gateway");
        sut = GeminiSut.of(URI.create(provider.baseUrl()), provider.apiKey(), "perfect", Map.of(),
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
    void aWholeResponseCarriesTheAnswerItsFinishReasonAndTheUsageTheProviderCounted() throws Exception {
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 2);

        SutReply reply = sut.send(request(task, false));

        ProviderCall served = servedFor(task);
        assertThat(reply.status()).as("status").isEqualTo(200);
        assertThat(Canaries.answerIn(reply.answer())).as("the answer line of the text parts").contains(task.expected());
        assertThat(reply.model()).as("modelVersion").isEqualTo("perfect");
        assertThat(served.api()).as("the API the provider served the call on").isEqualTo("generateContent");
        assertThat(served.stream()).as("served whole").isFalse();
        assertThat(reply.finishReason()).as("the candidate's finish reason, as received").isEqualTo("STOP");
        assertThat(reply.usage()).as("usageMetadata: the ledger's input and output tokens")
                .isEqualTo(new SutReply.Usage(served.inputTokens(), served.outputTokens()));
        assertThat(reply.ending()).as("ending").isEqualTo(SutReply.Ending.WHOLE_BODY);
        assertThat(ReplyCompleteness.incompleteness(reply, task.prompt())).as("judged complete").isNull();
    }

    @Test
    void aStreamIsAssembledFromItsChunksAndEndsAtTheChunkWithTheFinishReason() throws Exception {
        CanaryTask task = canaries.next(CanaryKind.LOOKUP, 2);
        long sent = System.nanoTime();

        SutReply reply = sut.send(request(task, true));

        ProviderCall served = servedFor(task);
        assertThat(served.stream()).as("served as a stream").isTrue();
        assertThat(Canaries.answerIn(reply.answer())).as("the answer the chunks add up to").contains(task.expected());
        assertThat(reply.firstByteNanos()).as("first text after sending").isGreaterThan(sent);
        assertThat(reply.finishReason()).as("the last chunk's finish reason").isEqualTo("STOP");
        assertThat(reply.usage()).as("the last chunk's usageMetadata: the ledger's tokens")
                .isEqualTo(new SutReply.Usage(served.inputTokens(), served.outputTokens()));
        assertThat(reply.ending()).as("the finish reason is Gemini's terminator").isEqualTo(SutReply.Ending.TERMINATOR);
        assertThat(reply.malformedEvents()).as("malformed events").isZero();
    }

    @Test
    void anAnswerStoppedAtItsOutputBudgetSaysMaxTokensAndIsJudgedIncomplete() throws Exception {
        ObjectNode budget = Mappers.json().createObjectNode();
        budget.putObject("generationConfig").put("maxOutputTokens", 8);
        GeminiSut limited = GeminiSut.of(URI.create(provider.baseUrl()), provider.apiKey(), "perfect", Map.of(), budget);
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 2);

        SutReply whole = limited.send(request(task, false));
        SutReply streamed = limited.send(request(canaries.next(CanaryKind.ARITHMETIC, 2), true));

        assertThat(whole.finishReason()).as("finish reason of the whole answer").isEqualTo("MAX_TOKENS");
        assertThat(streamed.finishReason()).as("finish reason of the streamed one").isEqualTo("MAX_TOKENS");
        assertThat(ReplyCompleteness.incompleteness(whole, task.prompt())).as("why it is incomplete")
                .contains("token limit");
    }

    @Test
    void aModelNamedWithTheApisModelsPrefixIsTheSameModel() throws Exception {
        GeminiSut prefixed = GeminiSut.of(URI.create(provider.baseUrl()), provider.apiKey(), "models/perfect",
                Map.of(), Mappers.json().createObjectNode());
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 2);

        SutReply reply = prefixed.send(request(task, false));

        assertThat(reply.status()).as("status: %s", reply.answer()).isEqualTo(200);
        assertThat(servedFor(task).model()).as("the model the provider was asked for").isEqualTo("perfect");
    }

    @Test
    void anErrorStatusComesBackAsThatStatusWithGooglesBody() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(ErrorFault.of(503)));

        SutReply reply = sut.send(request(canaries.next(CanaryKind.JSON, 1), false));

        assertThat(reply.status()).as("status").isEqualTo(503);
        assertThat(reply.answer()).as("the refusal's body").contains("\"UNAVAILABLE\"");
    }

    @Test
    void aMidStreamErrorIsAnError() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(new StreamErrorFault(2, 503, null, null, null)));

        SutReply reply = sut.send(request(canaries.next(CanaryKind.ARITHMETIC, 1), true));

        assertThat(reply.status()).as("an error chunk mid-stream").isEqualTo(502);
        assertThat(reply.ending()).as("ending").isEqualTo(SutReply.Ending.ERROR_EVENT);
    }

    @Test
    void aStreamCutCleanlyEndsWithoutAFinishReasonAndIsJudgedIncomplete() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(new CutFault(3, null, null)));
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 2);

        SutReply reply = sut.send(request(task, true));

        assertThat(reply.status()).as("the cut stream still said 200").isEqualTo(200);
        assertThat(reply.ending()).as("the body simply ended").isEqualTo(SutReply.Ending.CLEAN_END);
        assertThat(reply.finishReason()).as("finish reason").isNull();
        assertThat(reply.usage()).as("usage").isNull();
        assertThat(ReplyCompleteness.incompleteness(reply, task.prompt())).as("why it is incomplete")
                .isEqualTo("the stream ended without a finish reason");
    }

    @Test
    void aMalformedChunkIsSkippedAndCounted() throws Exception {
        provider.behaviour().replace(ProviderBehaviour.of(new MalformedChunkFault(2, null, null, null, null)));
        CanaryTask task = canaries.next(CanaryKind.ARITHMETIC, 2);

        SutReply reply = sut.send(request(task, true));

        assertThat(reply.malformedEvents()).as("malformed chunks").isEqualTo(1);
        assertThat(reply.ending()).as("the stream went on to its finish reason").isEqualTo(SutReply.Ending.TERMINATOR);
        assertThat(Canaries.answerIn(reply.answer())).as("the whole answer around the broken chunk")
                .contains(task.expected());
    }

    @Test
    void aStreamThatBreaksOffIsAnAbortedReply() {
        provider.behaviour().replace(ProviderBehaviour.of(new CutFault(3, CutMode.ABORT, null, null, null, null)));

        assertThatThrownBy(() -> sut.send(request(canaries.next(CanaryKind.ARITHMETIC, 2), true)))
                .as("a FIN before the zero-length chunk").isInstanceOf(AbortedReplyException.class);
    }

    @Test
    void aSutFileForAGeminiGatewayTakesItsFieldsAndRefusesMaxTokens() {
        SutSpec spec = SutSpec.parse("""
                name: my-gemini-gateway
                adapter: gemini
                base_url: http://127.0.0.1:8787
                model: gemini-2.5-flash
                api_key: AIza-gateway
                body: { generationConfig: { temperature: 0 } }
                """, "sut.yaml", Path.of("."));
        SutSpecException refused = org.assertj.core.api.Assertions.catchThrowableOfType(SutSpecException.class,
                () -> SutSpec.parse("name: g\nadapter: gemini\nbase_url: http://127.0.0.1:8787\nmax_tokens: 64\n",
                        "sut.yaml", Path.of(".")));

        assertThat(spec.adapter()).as("adapter").isEqualTo(SutAdapter.GEMINI);
        assertThat(spec.model()).as("model").isEqualTo("gemini-2.5-flash");
        assertThat(refused).as("max_tokens, which only anthropic-messages takes").isNotNull();
        assertThat(refused.problems()).singleElement().satisfies(problem -> assertThat(problem.message())
                .as("the problem").contains("adapter gemini does not use 'max_tokens'"));
    }

    @Test
    void theShorthandAndTheFactoryNameTheGeminiAdapter() {
        SutSpec spec = SutSpec.shorthand("gemini=http://127.0.0.1:8787");

        assertThat(spec.adapter()).as("adapter of gemini=URL").isEqualTo(SutAdapter.GEMINI);
        assertThat(spec.baseUrl()).as("base URL").isEqualTo("http://127.0.0.1:8787");
        assertThat(dev.brownout.Sut.gemini("http://127.0.0.1:8787").name()).as("the run's name for Sut.gemini")
                .isEqualTo("gemini");
        assertThatThrownBy(() -> SutSpec.shorthand("gemini=127.0.0.1:8787")).as("a URL without a scheme")
                .isInstanceOf(SutSpecException.class).hasMessageContaining("gemini=URL");
    }

    @Test
    void theFunctionCallsOfAWholeResponseGetIdsByTheirPlaceInTheReply() throws Exception {
        String body = """
                {"candidates":[{"content":{"role":"model","parts":[{"text":"Checking."},\
                {"functionCall":{"name":"get_weather","args":{"city":"Oslo"}}},\
                {"functionCall":{"name":"get_weather"}}]},"finishReason":"STOP","index":0}],"modelVersion":"m"}""";

        SutReply reply = sut.readWhole(200, body, 1L);

        assertThat(reply.toolCalls()).as("the calls read, ids made from their order, a call without args as {}")
                .containsExactly(new SutReply.ToolCall("call-0", "get_weather", "{\"city\":\"Oslo\"}"),
                        new SutReply.ToolCall("call-1", "get_weather", "{}"));
        assertThat(reply.answer()).as("the text beside the calls").isEqualTo("Checking.");
    }

    @Test
    void aGeminiGatewayFromASutFileHasItsToolCallsRunByTheHarness(@TempDir Path folder) throws Exception {
        CanaryTask task = canaries.next(CanaryKind.TOOL, 1);
        SutSpec spec = SutSpec.parse("name: g\nadapter: gemini\nmodel: perfect\nbase_url: " + provider.baseUrl()
                + "\napi_key: " + provider.apiKey() + "\n", "sut.yaml", folder);

        SutReply reply;
        try (StartedSut started = SutStarter.start(spec, SutFixtures.paperWorld(),
                SutFixtures.environmentOf(SutFixtures.paperWorld()), folder, 1.0)) {
            reply = started.sut().send(new SutRequest(task.id(), task.prompt(), false, Duration.ofSeconds(10),
                    TaskTools.of(task)));
        }

        assertThat(provider.ledger().all().stream().filter(call -> task.id().equals(call.taskId())))
                .as("model calls: the tool call, then the answer").hasSize(2);
        assertThat(reply.answer()).as("the answer, written after the tool's result came back")
                .contains("The tool returned: ");
    }
}
