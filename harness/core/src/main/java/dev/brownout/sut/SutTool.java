package dev.brownout.sut;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A function tool a task offers the model: what an agent would declare to its LLM API. A gateway adapter sends it in
 * its dialect's shape; code in this JVM that is an agent declares it to its own client.
 *
 * @param name             the tool's name, 1 to 64 of {@code A-Z a-z 0-9 _ -} (what every LLM API accepts)
 * @param description      what the tool does, in words the model reads
 * @param parametersSchema the JSON Schema of the tool's arguments object, as JSON text, e.g.
 *                         {@code {"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}
 */
public record SutTool(String name, String description, String parametersSchema) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public SutTool {
        Objects.requireNonNull(name, "a tool name");
        Objects.requireNonNull(description, "a tool description");
        Objects.requireNonNull(parametersSchema, "a tool's parameters schema");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tool name '" + name + "' is not 1 to 64 of A-Z a-z 0-9 _ -");
        }
        String schema = parametersSchema.strip();
        if (!schema.startsWith("{") || !schema.endsWith("}")) {
            throw new IllegalArgumentException("the parameters schema of tool '" + name
                    + "' must be a JSON object, e.g. {\"type\":\"object\",\"properties\":{}}; was " + parametersSchema);
        }
    }
}
