package dev.brownout.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.reports.RunResultSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Checks a written {@code result.json} against the published run result schema, date-times included. */
public final class ResultSchemaCheck {

    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(RunResultSchema.text(), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    private ResultSchemaCheck() {
    }

    /** The schema's complaints about the file; empty when it is a valid run result. */
    public static List<String> problems(Path resultJson) {
        try {
            JsonNode json = Mappers.json().readTree(resultJson.toFile());
            return SCHEMA.validate(json).stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
