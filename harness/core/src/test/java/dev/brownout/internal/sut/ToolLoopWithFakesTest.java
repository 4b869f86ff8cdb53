package dev.brownout.internal.sut;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.WorldConfig;
import dev.brownout.fakes.canary.Canaries;
import dev.brownout.fakes.canary.CanaryGenerator;
import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.canary.CanaryTask;
import dev.brownout.fakes.canary.Solution;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.tasks.Graders;
import dev.brownout.internal.tasks.TaskTools;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four LLM API adapters with tools, against fake providers standing in for gateways: a tool canary offered its
 * tool is answered with a tool call, and the harness playing the agent runs it, sends the result back and gets the
 * graded answer, in every dialect, streamed and not.
 */
class ToolLoopWithFakesTest {

    enum Dialect { OPENAI_CHAT, OPENAI_RESPONSES, ANTHROPIC_MESSAGES, GEMINI }

    private static FakeWorld world;
    private final CanaryGenerator canaries = new CanaryGenerator(System.nanoTime());

    @BeforeAll
    static void start() throws Exception {
        Path catalog = Path.of(Objects.requireNonNull(
                ToolLoopWithFakesTest.class.getResource("/world/instant-catalog.yaml")).toURI());
        world = FakeWorld.start(new WorldConfig(9L, WorldConfig.LOOPBACK, catalog.toString(), List.of(
                ProviderConfig.of("openai", DialectKind.OPENAI, "perfect"),
                ProviderConfig.of("anthropic", DialectKind.ANTHROPIC, "perfect"),
                ProviderConfig.of("gemini", DialectKind.GEMINI, "perfect"))));
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    static Stream<Arguments> dialectsStreamedAndNot() {
        return Stream.of(Dialect.values()).flatMap(dialect -> Stream.of(Arguments.of(dialect, false),
                Arguments.of(dialect, true)));
    }

    private static FakeProvider providerOf(Dialect dialect) {
        return world.provider(switch (dialect) {
            case ANTHROPIC_MESSAGES -> "anthropic";
            case GEMINI -> "gemini";
            default -> "openai";
        });
    }

    private static HttpDialectSut adapter(Dialect dialect) {
        FakeProvider provider = providerOf(dialect);
        URI url = URI.create(provider.baseUrl());
        return switch (dialect) {
            case OPENAI_CHAT -> OpenAiChatSut.of(url, provider.apiKey(), "perfect", Map.of());
            case OPENAI_RESPONSES -> OpenAiResponsesSut.of(url, provider.apiKey(), "perfect", Map.of(),
                    Mappers.json().createObjectNode());
            case ANTHROPIC_MESSAGES -> AnthropicMessagesSut.of(url, provider.apiKey(), "perfect", 512, Map.of());
            case GEMINI -> GeminiSut.of(url, provider.apiKey(), "perfect", Map.of(), Mappers.json().createObjectNode());
        };
    }

    /**
     * A tool's result as the model reads it back: Gemini sends it as the JSON object {@code {"result": <text>}}, the
     * others as the text itself.
     */
    private static String resultAsSentBack(Dialect dialect, String result) {
        return dialect == Dialect.GEMINI ? Mappers.json().createObjectNode().put("result", result).toString() : result;
    }

    private static SutRequest withItsTool(CanaryTask task, boolean stream) {
        return new SutRequest(task.id(), task.prompt(), stream, Duration.ofSeconds(10), TaskTools.of(task));
    }

    /** The call a model that gets the canary right makes. */
    private static Solution.ToolCall rightCall(CanaryTask task) {
        return Canaries.find(task.prompt()).flatMap(Canaries::solve).orElseThrow().toolCall();
    }

    private static List<ProviderCall> servedFor(Dialect dialect, CanaryTask task) {
        return providerOf(dialect).ledger().all().stream().filter(call -> task.id().equals(call.taskId())).toList();
    }

    private static JsonNode json(String text) throws Exception {
        return Mappers.json().readTree(text);
    }

    @ParameterizedTest(name = "{0}, streamed: {1}")
    @MethodSource("dialectsStreamedAndNot")
    void aReplyThatCallsTheOfferedToolIsReadWithItsIdNameAndArguments(Dialect dialect, boolean stream) throws Exception {
        CanaryTask task = canaries.next(CanaryKind.TOOL, 1);

        SutReply reply = adapter(dialect).send(withItsTool(task, stream));

        Solution.ToolCall right = rightCall(task);
        assertThat(reply.status()).as("status of the tool-calling reply").isEqualTo(200);
        assertThat(reply.toolCalls()).as("the tool calls read from the reply").singleElement().satisfies(call -> {
            assertThat(call.name()).as("the tool called").isEqualTo(right.name());
            assertThat(json(call.argumentsJson())).as("the arguments, as JSON").isEqualTo(json(right.argumentsJson()));
            assertThat(call.id()).as("the call's id, which its result must name").isNotBlank();
        });
    }

    @ParameterizedTest(name = "{0}, streamed: {1}")
    @MethodSource("dialectsStreamedAndNot")
    void theLoopRunsTheToolSendsTheResultBackAndGetsTheGradedAnswer(Dialect dialect, boolean stream) throws Exception {
        CanaryTask task = canaries.next(CanaryKind.TOOL, 1);
        List<String> ran = new CopyOnWriteArrayList<>();
        ToolLoop agent = ToolLoop.over(adapter(dialect), (name, arguments) -> {
            ran.add(name + " " + arguments);
            return TaskTools.CANARY_TOOL_RESULT;
        });

        SutReply reply = agent.send(withItsTool(task, stream));

        Solution.ToolCall right = rightCall(task);
        assertThat(ran).as("the tool calls the harness ran").singleElement()
                .satisfies(call -> assertThat(call).as("the call run").startsWith(right.name() + " "));
        assertThat(reply.status()).as("status of the task's last model call").isEqualTo(200);
        assertThat(reply.toolCalls()).as("the last reply answers in text").isEmpty();
        assertThat(reply.answer()).as("the answer mentions the tool's result")
                .contains(resultAsSentBack(dialect, TaskTools.CANARY_TOOL_RESULT));
        assertThat(Graders.canary(CanaryKind.TOOL, task.expected()).score(reply.answer()))
                .as("the canary's grade of the final answer %s", reply.answer()).isEqualTo(1.0);
        assertThat(servedFor(dialect, task)).as("model calls the provider served for the task").hasSize(2);
        assertThat(reply.ending()).as("the last reply's ending")
                .isEqualTo(stream ? SutReply.Ending.TERMINATOR : SutReply.Ending.WHOLE_BODY);
    }

    @ParameterizedTest(name = "{0}, streamed: {1}")
    @MethodSource("dialectsStreamedAndNot")
    void theTasksUsageIsTheSumOfItsModelCalls(Dialect dialect, boolean stream) throws Exception {
        CanaryTask task = canaries.next(CanaryKind.TOOL, 1);
        ToolLoop agent = ToolLoop.over(adapter(dialect), TaskTools::run);

        SutReply reply = agent.send(withItsTool(task, stream));

        List<ProviderCall> served = servedFor(dialect, task);
        assertThat(served).as("model calls served").hasSize(2);
        assertThat(reply.usage()).as("usage: the ledger's tokens of both calls, summed")
                .isEqualTo(new SutReply.Usage(served.stream().mapToLong(ProviderCall::inputTokens).sum(),
                        served.stream().mapToLong(ProviderCall::outputTokens).sum()));
    }

    @ParameterizedTest(name = "{0}, streamed: {1}")
    @MethodSource("dialectsStreamedAndNot")
    void aTaskWithoutToolsIsOneModelCallAnsweredInText(Dialect dialect, boolean stream) throws Exception {
        CanaryTask task = canaries.next(CanaryKind.TOOL, 1);
        ToolLoop agent = ToolLoop.over(adapter(dialect), (name, arguments) -> {
            throw new AssertionError("no tool may run for a task that offers none");
        });

        SutReply reply = agent.send(new SutRequest(task.id(), task.prompt(), stream, Duration.ofSeconds(10)));

        assertThat(servedFor(dialect, task)).as("model calls served").hasSize(1);
        assertThat(Canaries.answerIn(reply.answer())).as("the call written as the answer, as before tools")
                .contains(task.expected());
    }

    @ParameterizedTest(name = "streamed: {0}")
    @ValueSource(booleans = {false, true})
    void aGeminiChainTaskRunsEveryStepThroughTheLoopAndReachesTheExpectedAnswer(boolean stream) throws Exception {
        CanaryTask task = canaries.next(CanaryKind.CHAIN, 2);
        ToolLoop agent = ToolLoop.over(adapter(Dialect.GEMINI), TaskTools::run);

        SutReply reply = agent.send(withItsTool(task, stream));

        assertThat(reply.status()).as("status of the task's last model call").isEqualTo(200);
        assertThat(Graders.canary(CanaryKind.CHAIN, task.expected()).score(reply.answer()))
                .as("the chain's grade of the final answer %s", reply.answer()).isEqualTo(1.0);
        assertThat(servedFor(Dialect.GEMINI, task)).as("the Gemini ledger's tool step of each model call")
                .extracting(ProviderCall::toolStep).containsExactly(0, 1, 2, 3);
    }
}
