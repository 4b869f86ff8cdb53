package dev.brownout.internal.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.canary.Canaries;
import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.canary.CanaryTask;
import dev.brownout.fakes.canary.Solution;
import dev.brownout.fakes.canary.ToolChains;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.sut.SutTool;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tools the harness's tasks offer and how the harness runs them when it plays the agent in front of a gateway:
 * the one place a task kind gets its tools. A {@code tool} canary offers the one tool its question names and gets a
 * fixed result back from it (the canary grades the call, not what the tool returned). A multi-step {@code chain}
 * task offers the whole customer-lookup chain, and each call gets its real result from {@link ToolChains}, so a
 * loop that runs its calls right reaches the expected answer and one that breaks them does not.
 */
public final class TaskTools {

    /** What every canary tool returns: the canary grades the call it asked for, and the model then answers. */
    public static final String CANARY_TOOL_RESULT = "{\"status\":\"done\"}";

    private static final List<SutTool> CHAIN_TOOLS = ToolChains.tools().stream()
            .map(tool -> new SutTool(tool.name(), tool.description(), tool.parametersSchema())).toList();
    private static final Set<String> CHAIN_TOOL_NAMES = CHAIN_TOOLS.stream().map(SutTool::name)
            .collect(Collectors.toUnmodifiableSet());

    private TaskTools() {
    }

    /**
     * The tools {@code canary} offers: for a {@code tool} canary the tool its question names, for a {@code chain} task
     * every tool of the chain, else none.
     */
    public static List<SutTool> of(CanaryTask canary) {
        if (canary.kind() == CanaryKind.CHAIN) {
            return CHAIN_TOOLS;
        }
        if (canary.kind() != CanaryKind.TOOL) {
            return List.of();
        }
        Solution.ToolCall call = Canaries.find(canary.prompt()).flatMap(Canaries::solve).map(Solution::toolCall)
                .orElseThrow(() -> new IllegalStateException("tool canary " + canary.id() + " names no tool call"));
        return List.of(new SutTool(call.name(), "Carries out " + call.name().replace('_', ' ')
                + " for the value given.", schemaOf(call.argumentsJson())));
    }

    /**
     * Runs one tool call of a task: the result the model gets back. Every tool a task offers is answered here, so
     * the harness's executor is {@code TaskTools::run}.
     */
    public static String run(String name, String argumentsJson) {
        if (CHAIN_TOOL_NAMES.contains(name)) {
            return ToolChains.result(name, argumentsJson);
        }
        return CANARY_TOOL_RESULT;
    }

    /** A schema for an object of the string arguments a call carries, each one required. */
    private static String schemaOf(String argumentsJson) {
        JsonNode arguments;
        try {
            arguments = Mappers.json().readTree(argumentsJson);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode schema = Mappers.json().createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (Iterator<String> names = arguments.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            properties.putObject(name).put("type", "string");
            required.add(name);
        }
        return schema.toString();
    }
}
