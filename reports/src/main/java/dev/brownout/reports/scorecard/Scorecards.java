package dev.brownout.reports.scorecard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.brownout.reports.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads and writes {@code scorecard.json}: snake_case, ISO-8601 instants, written atomically, like result.json. */
public final class Scorecards {

    /** The file name a scorecard's folder keeps it under. */
    public static final String FILE_NAME = "scorecard.json";

    /** The Markdown rendering's file name, beside {@link #FILE_NAME}. */
    public static final String MARKDOWN_FILE = "scorecard.md";

    /** The HTML rendering's file name, beside {@link #FILE_NAME}. */
    public static final String HTML_FILE = "scorecard.html";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private Scorecards() {
    }

    /** The scorecard as JSON text. */
    public static String toJson(Scorecard scorecard) {
        try {
            return JSON.writeValueAsString(scorecard);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scorecard always serialises: " + e.getMessage(), e);
        }
    }

    /** Writes {@code scorecard} to {@code file} through a temporary file moved into place. */
    public static void write(Path file, Scorecard scorecard) {
        try {
            AtomicFile.write(file, toJson(scorecard));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scorecard " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a scorecard: a {@code scorecard.json}, or the folder holding one.
     *
     * @throws IllegalArgumentException naming the file, and the field where it can, for anything that is not a
     *                                  scorecard of this schema version, or a folder with none
     */
    public static Scorecard read(Path fileOrFolder) {
        Path file = Files.isDirectory(fileOrFolder) ? fileOrFolder.resolve(FILE_NAME) : fileOrFolder;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("there is no scorecard at " + file.toAbsolutePath()
                    + " (a scorecard folder is one `brownout scorecard` wrote: it holds " + FILE_NAME + ")");
        }
        try {
            var tree = JSON.readTree(Files.readString(file));
            if (tree == null || !tree.isObject()) {
                throw new IllegalArgumentException(file + ": not a scorecard (expected a JSON object)");
            }
            String version = tree.path("schema_version").asText(null);
            if (!Scorecard.SCHEMA_VERSION.equals(version)) {
                throw new IllegalArgumentException(file + ": schema_version " + (version == null ? "missing"
                        : "'" + version + "'") + "; this brownout reads scorecard version " + Scorecard.SCHEMA_VERSION);
            }
            return JSON.treeToValue(tree, Scorecard.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new IllegalArgumentException(file + (field.isEmpty() ? "" : ": field '" + field + "'") + ": "
                    + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the scorecard (" + e.getMessage() + ")");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "malformed" : message.lines().findFirst().orElse("malformed");
    }
}
