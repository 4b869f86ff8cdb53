package dev.brownout.fakes.internal.openai;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionTool;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseOutputItem;
import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.TestWorlds;
import dev.brownout.fakes.canary.Canaries;
import dev.brownout.fakes.canary.CanaryGenerator;
import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.canary.CanaryTask;
import dev.brownout.fakes.canary.ToolChains;
import dev.brownout.fakes.canary.ToolDefinition;
import dev.brownout.fakes.ledger.ProviderCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chain canaries played by agent loops written with the official openai-java SDK, unchanged: Chat Completions with
 * the tool results sent back as {@code tool} messages, and the Responses API continued through
 * {@code previous_response_id} with {@code function_call_output} items. The agent runs every call with
 * {@link ToolChains#result}.
 */
class ChainLoopSdkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong POSITIONS = new AtomicLong();
    private static final CanaryGenerator TASKS = new CanaryGenerator(31);

    private static FakeWorld world;
    private static FakeProvider openai;
    private static OpenAIClient client;

    @BeforeAll
    static void startWorld() {
        world = TestWorlds.start(29, ProviderConfig.of("openai", DialectKind.OPENAI, "perfect", "small"));
        openai = world.provider("openai");
        client = OpenAIOkHttpClient.builder().baseUrl(openai.baseUrl()).apiKey(openai.apiKey())
                .responseValidation(true).maxRetries(0).timeout(Duration.ofSeconds(20)).build();
    }

    @AfterAll
    static void stopWorld() {
        client.close();
        world.close();
    }

    private static CanaryTask chain(int difficulty) {
        return TASKS.task(CanaryKind.CHAIN, difficulty, POSITIONS.incrementAndGet());
    }

    private static List<ProviderCall> callsFor(String taskId) {
        return openai.ledger().all().stream().filter(call -> taskId.equals(call.taskId())).toList();
    }

    private static Map<String, Object> schema(ToolDefinition tool) {
        try {
            return JSON.readValue(tool.parametersSchema(), new TypeReference<>() {
            });
        } catch (Exception e) {
            throw new AssertionError("the schema of " + tool.name() + " is not JSON", e);
        }
    }

    private static List<ChatCompletionTool> chatTools() {
        return ToolChains.tools().stream().map(tool -> {
            FunctionParameters.Builder parameters = FunctionParameters.builder();
            schema(tool).forEach((key, value) -> parameters.putAdditionalProperty(key, JsonValue.from(value)));
            return ChatCompletionTool.ofFunction(ChatCompletionFunctionTool.builder()
                    .function(FunctionDefinition.builder().name(tool.name()).description(tool.description())
                            .parameters(parameters.build()).build())
                    .build());
        }).toList();
    }

    private static List<FunctionTool> responsesTools() {
        return ToolChains.tools().stream().map(tool -> {
            FunctionTool.Parameters.Builder parameters = FunctionTool.Parameters.builder();
            schema(tool).forEach((key, value) -> parameters.putAdditionalProperty(key, JsonValue.from(value)));
            return FunctionTool.builder().name(tool.name()).description(tool.description()).strict(false)
                    .parameters(parameters.build()).build();
        }).toList();
    }

    /** What an agent loop saw: the tools it ran, in order, and the model's final text. */
    private record Loop(List<String> toolsRun, String finalText) {
    }

    /**
     * A Chat Completions agent loop: ask, run every tool call the reply makes and send the results back, until the
     * model answers in text. {@code agentResult} stands between the tool and the model (a broken agent changes it).
     */
    private static Loop chatLoop(String model, CanaryTask task, UnaryOperator<String> agentResult) {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder().model(model)
                .addUserMessage(task.prompt()).tools(chatTools());
        List<String> toolsRun = new ArrayList<>();
        for (int turn = 0; turn < 10; turn++) {
            ChatCompletion completion = client.chat().completions().create(params.build());
            ChatCompletionMessage message = completion.choices().getFirst().message();
            List<ChatCompletionMessageToolCall> calls = message.toolCalls().orElse(List.of());
            if (calls.isEmpty()) {
                return new Loop(toolsRun, message.content().orElse(""));
            }
            params.addMessage(message);
            for (ChatCompletionMessageToolCall call : calls) {
                ChatCompletionMessageFunctionToolCall function = call.asFunction();
                toolsRun.add(function.function().name());
                String result = ToolChains.result(function.function().name(), function.function().arguments());
                params.addMessage(ChatCompletionToolMessageParam.builder().toolCallId(function.id())
                        .content(agentResult.apply(result)).build());
            }
        }
        throw new AssertionError("no text answer after 10 turns; tools run: " + toolsRun);
    }

    @Test
    void aChatCompletionsLoopRunsEveryCallAndGetsTheRightAnswer() {
        CanaryTask task = chain(4);

        Loop loop = chatLoop("perfect", task, UnaryOperator.identity());

        assertThat(loop.toolsRun()).as("the five tools, each called once, in chain order").containsExactly(
                "find_customer", "latest_order", "order_shipment", "shipment_depot", "depot_manager");
        assertThat(Canaries.answerIn(loop.finalText())).as("the final ANSWER line").contains(task.expected());
    }

    @Test
    void theLedgerRecordsEachCallsStepAndTheToolItsReplyCalled() {
        CanaryTask task = chain(2);

        chatLoop("perfect", task, UnaryOperator.identity());

        List<ProviderCall> calls = callsFor(task.id());
        assertThat(calls).as("tool steps of the task's calls").extracting(ProviderCall::toolStep)
                .containsExactly(0, 1, 2, 3);
        assertThat(calls).as("tools the replies called; the last answered in text").extracting(ProviderCall::toolCall)
                .containsExactly("find_customer", "latest_order", "order_shipment", null);
        assertThat(calls).as("every reply is the correct run's").extracting(ProviderCall::correct)
                .containsOnly(true);
    }

    @Test
    void aWrongToolResultFromTheAgentLeadsToAWrongFinalAnswer() {
        CanaryTask task = chain(2);
        // A broken agent: it sends the customer one further on instead of the one the tool found.
        UnaryOperator<String> broken = result -> result.startsWith("C-")
                ? ToolChains.result("find_customer", "{\"name\": \"someone else\"}") : result;

        Loop loop = chatLoop("perfect", task, broken);

        assertThat(loop.toolsRun()).as("the model still calls every tool").hasSize(3);
        assertThat(Canaries.answerIn(loop.finalText())).as("the final answer, from the wrong customer").isPresent()
                .get().isNotEqualTo(task.expected());
        assertThat(callsFor(task.id())).as("which calls were the correct run's").extracting(ProviderCall::correct)
                .containsExactly(true, false, false, false);
    }

    @Test
    void aRetryOfTheSameStepGetsTheSameCall() {
        CanaryTask task = chain(2);
        String customer = ToolChains.result("find_customer", "{\"name\": \"whoever\"}");
        ChatCompletionCreateParams step = ChatCompletionCreateParams.builder().model("small")
                .addUserMessage(task.prompt()).tools(chatTools())
                .addMessage(com.openai.models.chat.completions.ChatCompletionAssistantMessageParam.builder()
                        .addToolCall(ChatCompletionMessageFunctionToolCall.builder().id("call_1")
                                .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                                        .name("find_customer").arguments("{\"name\":\"whoever\"}").build())
                                .build())
                        .build())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId("call_1").content(customer).build())
                .build();

        String first = client.chat().completions().create(step).choices().getFirst().message().toString();
        String again = client.chat().completions().create(step).choices().getFirst().message().toString();

        assertThat(normalised(again)).as("the same step sent again to the same model").isEqualTo(normalised(first));
    }

    /** A message without its random call id. */
    private static String normalised(String message) {
        return Arrays.stream(message.split(",")).filter(part -> !part.contains("id=call_")).toList().toString();
    }

    @Test
    void withoutToolsOfferedTheModelWritesTheCallItWouldMakeAndIsGradedWrong() {
        CanaryTask task = chain(1);

        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("perfect").addUserMessage(task.prompt()).build());

        String text = completion.choices().getFirst().message().content().orElse("");
        assertThat(Canaries.answerIn(text)).as("the answer of a request without tools")
                .hasValueSatisfying(answer -> assertThat(answer).startsWith("find_customer(name=\""));
        ProviderCall call = callsFor(task.id()).getFirst();
        assertThat(call.correct()).as("graded wrong").isFalse();
        assertThat(call.toolCall()).as("no tool called").isNull();
        assertThat(call.toolStep()).as("step").isZero();
    }

    @Test
    void withToolChoiceNoneTheModelWritesTheCallInText() {
        CanaryTask task = chain(1);

        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("perfect").addUserMessage(task.prompt()).tools(chatTools())
                .toolChoice(ChatCompletionToolChoiceOption.Auto.NONE).build());

        assertThat(completion.choices().getFirst().message().toolCalls().orElse(List.of()))
                .as("no tool call under tool_choice none").isEmpty();
        assertThat(Canaries.answerIn(completion.choices().getFirst().message().content().orElse("")))
                .as("the call written as the answer")
                .hasValueSatisfying(answer -> assertThat(answer).startsWith("find_customer(name=\""));
    }

    @Test
    void aResponsesLoopContinuedThroughPreviousResponseIdGetsTheRightAnswer() {
        CanaryTask task = chain(2);
        Response response = client.responses().create(ResponseCreateParams.builder().model("perfect")
                .input(task.prompt()).tools(responsesTools().stream()
                        .map(com.openai.models.responses.Tool::ofFunction).toList()).build());
        List<String> toolsRun = new ArrayList<>();
        for (int turn = 0; turn < 10 && response.output().getFirst().isFunctionCall(); turn++) {
            List<ResponseInputItem> outputs = new ArrayList<>();
            for (ResponseOutputItem item : response.output()) {
                ResponseFunctionToolCall call = item.functionCall().orElseThrow();
                toolsRun.add(call.name());
                outputs.add(ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput.builder()
                        .callId(call.callId()).output(ToolChains.result(call.name(), call.arguments())).build()));
            }
            response = client.responses().create(ResponseCreateParams.builder().model("perfect")
                    .previousResponseId(response.id()).inputOfResponse(outputs)
                    .tools(responsesTools().stream().map(com.openai.models.responses.Tool::ofFunction).toList())
                    .build());
        }

        StringBuilder text = new StringBuilder();
        response.output().forEach(item -> item.message().ifPresent(message -> message.content().forEach(
                content -> content.outputText().ifPresent(part -> text.append(part.text())))));
        assertThat(toolsRun).as("tools run through previous_response_id")
                .containsExactly("find_customer", "latest_order", "order_shipment");
        assertThat(Canaries.answerIn(text.toString())).as("the final answer").contains(task.expected());
        assertThat(callsFor(task.id())).as("each continued call's step").extracting(ProviderCall::toolStep)
                .containsExactly(0, 1, 2, 3);
    }
}
