package dev.brownout.examples.agent;

import dev.brownout.fakes.canary.ToolChains;
import dev.brownout.fakes.canary.ToolDefinition;
import dev.brownout.sut.SutClient;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolExecutor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An agent as teams write them with LangChain4j: an AI service whose tools the model calls in a loop until it
 * answers. Its tools are the customer-lookup chain the graded multi-step tasks ask for, run by their one
 * implementation ({@link ToolChains}). When a model call still fails after the chat model's own retries, the agent
 * starts the task over once, as a job runner retrying a failed job does.
 */
final class ChainAgent implements SutClient {

    /** What LangChain4j's AI service implements: one task in, the final answer out. */
    interface Assistant {
        String answer(String task);
    }

    private final Assistant assistant;

    ChainAgent(ChatModel model) {
        this.assistant = AiServices.builder(Assistant.class)
                .chatModel(model)
                .tools(tools())
                .maxSequentialToolsInvocations(2 * ToolChains.MAX_STEPS)
                .build();
    }

    @Override
    public SutReply send(SutRequest request) {
        String answer;
        try {
            answer = assistant.answer(request.prompt());
        } catch (RuntimeException failedCall) {
            answer = assistant.answer(request.prompt());     // start over; a second failure fails the task
        }
        return SutReply.ok(answer, null);
    }

    private static Map<ToolSpecification, ToolExecutor> tools() {
        Map<ToolSpecification, ToolExecutor> tools = new LinkedHashMap<>();
        for (ToolDefinition tool : ToolChains.tools()) {
            ToolSpecification specification = ToolSpecification.builder()
                    .name(tool.name())
                    .description(tool.description())
                    .parameters(JsonObjectSchema.builder()
                            .addStringProperty(tool.parameter(), tool.parameterDescription())
                            .required(tool.parameter())
                            .build())
                    .build();
            tools.put(specification, (call, memoryId) -> ToolChains.result(call.name(), call.arguments()));
        }
        return tools;
    }
}
