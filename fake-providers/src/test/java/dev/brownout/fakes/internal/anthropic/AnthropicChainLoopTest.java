package dev.brownout.fakes.internal.anthropic;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chain canary played by an agent loop written with the official anthropic-java SDK, unchanged: each
 * {@code tool_use} block run with {@link ToolChains#result} and sent back as a {@code tool_result} user turn.
 */
class AnthropicChainLoopTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Tool tool(ToolDefinition definition) {
        JsonNode schema;
        try {
            schema = JSON.readTree(definition.parametersSchema());
        } catch (Exception e) {
            throw new AssertionError("the schema of " + definition.name() + " is not JSON", e);
        }
        Tool.InputSchema.Properties.Builder properties = Tool.InputSchema.Properties.builder();
        schema.path("properties").properties().forEach(property -> properties.putAdditionalProperty(
                property.getKey(), JsonValue.from(JSON.convertValue(property.getValue(), Object.class))));
        return Tool.builder().name(definition.name()).description(definition.description())
                .inputSchema(Tool.InputSchema.builder().properties(properties.build())
                        .required(List.of(definition.parameter())).build())
                .build();
    }

    @Test
    void aMessagesLoopRunsEveryToolUseAndGetsTheRightAnswer() {
        CanaryTask task = new CanaryGenerator(37).next(CanaryKind.CHAIN, 3);
        try (FakeWorld world = TestWorlds.start(41,
                ProviderConfig.of("anthropic", DialectKind.ANTHROPIC, "perfect"))) {
            FakeProvider anthropic = world.provider("anthropic");
            AnthropicClient client = AnthropicOkHttpClient.builder().baseUrl(anthropic.baseUrl())
                    .apiKey(anthropic.apiKey()).maxRetries(0).timeout(Duration.ofSeconds(20)).build();
            MessageCreateParams.Builder params = MessageCreateParams.builder().model("perfect").maxTokens(512)
                    .addUserMessage(task.prompt());
            ToolChains.tools().forEach(definition -> params.addTool(tool(definition)));
            List<String> toolsRun = new ArrayList<>();
            Message message = client.messages().create(params.build());
            for (int turn = 0; turn < 10 && message.stopReason().equals(Optional.of(StopReason.TOOL_USE)); turn++) {
                params.addMessage(message);
                List<ContentBlockParam> results = new ArrayList<>();
                for (ContentBlock block : message.content()) {
                    block.toolUse().ifPresent(use -> {
                        toolsRun.add(use.name());
                        results.add(ContentBlockParam.ofToolResult(ToolResultBlockParam.builder().toolUseId(use.id())
                                .content(ToolChains.result(use.name(), arguments(use))).build()));
                    });
                }
                params.addUserMessageOfContentBlockParams(results);
                message = client.messages().create(params.build());
            }
            client.close();

            String text = message.content().stream().flatMap(block -> block.text().stream())
                    .map(block -> block.text()).reduce("", String::concat);
            assertThat(toolsRun).as("the four tools of a difficulty-3 chain, in order")
                    .containsExactly("find_customer", "latest_order", "order_shipment", "shipment_depot");
            assertThat(Canaries.answerIn(text)).as("the final answer").contains(task.expected());
            assertThat(anthropic.ledger().all()).as("tool steps in the Anthropic ledger")
                    .extracting(ProviderCall::toolStep).containsExactly(0, 1, 2, 3, 4);
        }
    }

    /** The tool_use input object as the JSON text {@link ToolChains#result} takes. */
    private static String arguments(ToolUseBlock use) {
        return JSON.valueToTree(use._input().convert(Object.class)).toString();
    }
}
