package dev.brownout.fakes.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brownout.fakes.canary.ToolChains;
import dev.brownout.fakes.canary.ToolDefinition;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chain canaries' tools for agents out of process: {@code GET} lists their definitions, {@code POST} with a tool's
 * name runs it through {@link ToolChains}, the same pure functions an in-JVM agent calls.
 */
final class ToolEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolEndpoint() {
    }

    /** {@code {"tools": [{"name", "description", "parameters"}]}}, each in the shape of an OpenAI function tool. */
    static void definitions(Context ctx) throws JsonProcessingException {
        List<Map<String, Object>> tools = new ArrayList<>();
        for (ToolDefinition tool : ToolChains.tools()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", tool.name());
            entry.put("description", tool.description());
            entry.put("parameters", JSON.readValue(tool.parametersSchema(), JsonNode.class));
            tools.add(entry);
        }
        ctx.json(Map.of("tools", tools));
    }

    /**
     * {@code {"result": "..."}}; an unknown tool is a 404 and arguments the tool cannot run with a 400, each with the
     * tool's own error text, which says what is valid.
     */
    static void call(Context ctx) {
        String name = ctx.pathParam("name");
        String answer = ToolChains.result(name, ctx.body());
        if (!ToolChains.isError(answer)) {
            ctx.json(Map.of("result", answer));
            return;
        }
        boolean known = ToolChains.tools().stream().anyMatch(tool -> tool.name().equals(name));
        AdminApi.error(ctx, known ? HttpStatus.BAD_REQUEST : HttpStatus.NOT_FOUND,
                answer.substring(ToolChains.ERROR_PREFIX.length()));
    }
}
