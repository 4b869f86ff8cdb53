package dev.brownout.fakes.canary;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A tool of the chain canaries as an LLM API declares it: a function with one required string parameter.
 *
 * @param name                 the function name, e.g. {@code find_customer}
 * @param description          what the tool does, for the model
 * @param parameter            the name of its one parameter, e.g. {@code name}
 * @param parameterDescription what the parameter holds, for the model
 */
public record ToolDefinition(String name, String description, String parameter, String parameterDescription) {

    /**
     * The parameters as JSON Schema text, as OpenAI's {@code parameters}, Anthropic's {@code input_schema} and
     * Gemini's {@code parameters} take it: an object with the one required string
     * property ({@code additionalProperties} is left out: Gemini's schema dialect refuses it).
     */
    public String parametersSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        ObjectNode property = schema.putObject("properties").putObject(parameter);
        property.put("type", "string");
        property.put("description", parameterDescription);
        schema.putArray("required").add(parameter);
        return schema.toString();
    }
}
