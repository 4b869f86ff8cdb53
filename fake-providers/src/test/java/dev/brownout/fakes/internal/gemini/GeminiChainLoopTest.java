package dev.brownout.fakes.internal.gemini;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.genai.Client;
import com.google.genai.types.Content;
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
import dev.brownout.fakes.canary.Canaries;
import dev.brownout.fakes.canary.CanaryGenerator;
import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.canary.CanaryTask;
import dev.brownout.fakes.canary.ToolChains;
import dev.brownout.fakes.canary.ToolDefinition;
import dev.brownout.fakes.ledger.ProviderCall;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A chain canary played by an agent loop written with Google's GenAI SDK, unchanged: each {@code functionCall} run
 * with {@link ToolChains#result} and sent back as a {@code functionResponse} part, its result under {@code result}.
 */
class GeminiChainLoopTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static FunctionDeclaration declaration(ToolDefinition tool) {
        return FunctionDeclaration.builder().name(tool.name()).description(tool.description())
                .parameters(Schema.builder().type("OBJECT")
                        .properties(Map.of(tool.parameter(), Schema.builder().type("STRING")
                                .description(tool.parameterDescription()).build()))
                        .required(List.of(tool.parameter())).build())
                .build();
    }

    @Test
    void aGenerateContentLoopRunsEveryFunctionCallAndGetsTheRightAnswer() throws Exception {
        CanaryTask task = new CanaryGenerator(43).next(CanaryKind.CHAIN, 3);
        try (FakeWorld world = TestWorlds.start(41, ProviderConfig.of("gemini", DialectKind.GEMINI, "perfect"));
             Client client = Client.builder().apiKey(world.provider("gemini").apiKey())
                     .httpOptions(HttpOptions.builder().baseUrl(world.provider("gemini").baseUrl()).timeout(20_000)
                             .retryOptions(HttpRetryOptions.builder().attempts(1).build()).build())
                     .build()) {
            FakeProvider gemini = world.provider("gemini");
            GenerateContentConfig config = GenerateContentConfig.builder().maxOutputTokens(512)
                    .tools(Tool.builder().functionDeclarations(ToolChains.tools().stream()
                            .map(GeminiChainLoopTest::declaration).toList()).build())
                    .build();
            List<Content> conversation = new ArrayList<>(List.of(
                    Content.builder().role("user").parts(Part.fromText(task.prompt())).build()));
            List<String> toolsRun = new ArrayList<>();
            GenerateContentResponse response = client.models.generateContent("perfect", conversation, config);
            for (int turn = 0; turn < 10 && response.functionCalls() != null && !response.functionCalls().isEmpty();
                 turn++) {
                conversation.add(response.candidates().orElseThrow().getFirst().content().orElseThrow());
                List<Part> results = new ArrayList<>();
                for (FunctionCall call : response.functionCalls()) {
                    String name = call.name().orElseThrow();
                    toolsRun.add(name);
                    String result = ToolChains.result(name, JSON.writeValueAsString(call.args().orElseThrow()));
                    results.add(Part.fromFunctionResponse(name, Map.of("result", result)));
                }
                conversation.add(Content.builder().role("user").parts(results).build());
                response = client.models.generateContent("perfect", conversation, config);
            }

            assertThat(toolsRun).as("the four tools of a difficulty-3 chain, in order")
                    .containsExactly("find_customer", "latest_order", "order_shipment", "shipment_depot");
            assertThat(Canaries.answerIn(response.text())).as("the final answer").contains(task.expected());
            assertThat(gemini.ledger().all()).as("tool steps and tool calls in the Gemini ledger")
                    .extracting(ProviderCall::toolStep, ProviderCall::toolCall)
                    .containsExactly(tuple(0, "find_customer"),
                            tuple(1, "latest_order"),
                            tuple(2, "order_shipment"),
                            tuple(3, "shipment_depot"),
                            tuple(4, null));
        }
    }
}
