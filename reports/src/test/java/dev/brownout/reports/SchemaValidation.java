package dev.brownout.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.List;

/** Validates JSON against the shipped run result schema, with {@code format} (date-time) asserted. */
final class SchemaValidation {

    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(RunResultSchema.text(), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    private SchemaValidation() {
    }

    /** The validator's messages, as text; empty when the JSON is a valid run result. */
    static List<String> messages(JsonNode json) {
        return SCHEMA.validate(json).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** The result as a JSON tree the way {@link RunResults} writes it, for a test to break. */
    static ObjectNode tree(RunResult result) {
        try {
            return (ObjectNode) RunResults.mapper().readTree(RunResults.toJson(result));
        } catch (Exception e) {
            throw new AssertionError("the result written by RunResults is not readable JSON", e);
        }
    }
}
