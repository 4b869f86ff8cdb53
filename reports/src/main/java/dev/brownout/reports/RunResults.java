package dev.brownout.reports;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Reads and writes {@link RunResult} JSON: snake_case, ISO-8601 instants, written atomically. */
public final class RunResults {

    /** The file name a run folder keeps its result under. */
    public static final String FILE_NAME = "result.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // a list is never null in a result (the schema says so): refuse null with the field's name rather than
            // let a record's List.copyOf fail without one
            .withConfigOverride(List.class, override -> override.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL)))
            .build();

    private RunResults() {
    }

    /** The mapper results are written with, for callers that embed a result elsewhere. */
    public static ObjectMapper mapper() {
        return JSON.copy();
    }

    public static String toJson(RunResult result) {
        try {
            return JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a run result always serialises: " + e.getMessage(), e);
        }
    }

    /** Writes {@code result} to {@code file} through a temporary file in the same folder, then moves it into place. */
    public static void write(Path file, RunResult result) {
        try {
            AtomicFile.write(file, toJson(result));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run result " + file + ": " + e.getMessage(), e);
        }
    }


    /**
     * Reads a result file.
     *
     * @throws IllegalArgumentException naming the file, and the field and line where it can, for anything that
     *                                  is not a run result of this schema version
     */
    public static RunResult read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the run result (" + e.getMessage() + ")");
        }
        return parse(text, file.toString());
    }

    /** Parses result JSON; {@code origin} names it in errors. */
    public static RunResult parse(String json, String origin) {
        try {
            var tree = JSON.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new IllegalArgumentException(origin + ": not a run result (expected a JSON object)");
            }
            String version = tree.path("schema_version").asText(null);
            if (!RunResult.SCHEMA_VERSION.equals(version)) {
                throw new IllegalArgumentException(origin + ": schema_version " + (version == null ? "missing" : "'" + version + "'")
                        + "; this brownout reads version " + RunResult.SCHEMA_VERSION);
            }
            return JSON.treeToValue(tree, RunResult.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            // a value our own code refused (an unknown enum label): its message says why, Jackson's wrapper does not
            String problem = e instanceof ValueInstantiationException && e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage() : e.getOriginalMessage();
            throw new IllegalArgumentException(origin + (field.isEmpty() ? "" : ": field '" + field + "'") + ": " + firstLine(problem));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new IllegalArgumentException(origin + ":" + line + ": not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
    }

    private static String firstLine(String message) {
        return message == null ? "malformed" : message.lines().findFirst().orElse("malformed");
    }
}
