package dev.brownout.internal.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.canary.Canaries;
import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.canary.CanaryTask;
import dev.brownout.fakes.canary.Solution;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.sut.SutTool;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/**
 * The tools the harness's tasks offer and how the harness runs them when it plays the agent in front of a gateway:
 * the one place a task kind gets its tools. A {@code tool} canary offers the one tool its question names and gets a
 * fixed result back from it (the canary grades the call, not what the tool returned); the multi-step {@code chain}
 * tasks plug in here, their tools and results computed from the task.
 */
public final class TaskTools {

    /** What every canary tool returns: the canary grades the call it asked for, and the model then answers. */
    public static final String CANARY_TOOL_RESULT = "{\"status\":\"done\"}";

    private TaskTools() {
    }

    /** The tools {@code canary} offers: for a {@code tool} canary the tool its question names, else none. */
    public static List<SutTool> of(CanaryTask canary) {
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
        // chain tools: their result, computed from the call's arguments, is returned here before the canary tools'
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
