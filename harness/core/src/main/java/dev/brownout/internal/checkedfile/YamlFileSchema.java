package dev.brownout.internal.checkedfile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.input.FileProblem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A kind of YAML file described by a published JSON Schema (draft 2020-12). Checking a text takes two
 * passes — YAML syntax (a key written twice counts as a syntax error), then the schema — and throws every
 * problem of the first failing pass at once as the format's own exception, each with file, line, column,
 * field and what would be valid. What passes is handed back for the format's own reading and checks.
 */
public final class YamlFileSchema {

    private final String kind;
    private final String notAMapping;
    private final Function<List<FileProblem>, ? extends RuntimeException> failure;
    private final JsonNode document;
    private final JsonSchema schema;
    private final SchemaMessages messages;

    private YamlFileSchema(String kind, String notAMapping, Function<List<FileProblem>, ? extends RuntimeException> failure,
            JsonNode document) {
        this.kind = kind;
        this.notAMapping = notAMapping;
        this.failure = failure;
        this.document = document;
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().errorMessageKeyword("message").build();
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document, config);
        this.messages = new SchemaMessages(document);
    }

    /**
     * The schema at {@code resource} on the classpath.
     *
     * @param kind        what the files are called in messages ("scenario", "SUT")
     * @param notAMapping the problem for a document that is not a YAML mapping, saying what it should hold
     * @param failure     the format's exception, made from all the problems of one file
     */
    public static YamlFileSchema onClasspath(String resource, String kind, String notAMapping,
            Function<List<FileProblem>, ? extends RuntimeException> failure) {
        try (InputStream in = YamlFileSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the " + kind + " schema " + resource + " is missing from the classpath");
            }
            return new YamlFileSchema(kind, notAMapping, failure, Mappers.json().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema document itself. */
    public JsonNode document() {
        return document.deepCopy();
    }

    /** The text of {@code file}; one that cannot be read is a problem of the format, not an I/O exception. */
    public String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failure.apply(List.of(new FileProblem(file.toString(), 0, 0, "",
                    "cannot read the " + kind + " file (" + reason(e) + ")")));
        }
    }

    /** Checks {@code yaml}'s syntax and its fit to the schema; {@code origin} names it in problems. */
    public CheckedDocument check(String yaml, String origin) {
        YamlPositions positions;
        JsonNode tree;
        try {
            positions = YamlPositions.read(yaml);
            tree = Mappers.yaml().readTree(yaml);
        } catch (YamlPositions.DuplicateKeyException e) {
            String key = e.field.substring(e.field.lastIndexOf('.') + 1);
            throw failure.apply(List.of(new FileProblem(origin, e.position.line(), e.position.column(),
                    e.field, "the key '" + key + "' is written twice in this mapping; keep one of them")));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw failure.apply(List.of(new FileProblem(origin, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), "", "not valid YAML: " + parserMessage(e.getOriginalMessage()))));
        } catch (IOException e) {
            throw failure.apply(List.of(new FileProblem(origin, 0, 0, "", "cannot read: " + reason(e))));
        }
        CheckedDocument checked = new CheckedDocument(this, origin, positions, tree);
        FileProblems problems = new FileProblems(checked);
        if (tree == null || !tree.isObject()) {
            problems.atValue("", notAMapping);
            problems.throwIfAny();
        }
        List<ValidationMessage> findings = new ArrayList<>(schema.validate(tree));
        findings.sort(Comparator.comparing(finding -> finding.getInstanceLocation().toString()));
        for (ValidationMessage finding : findings) {
            messages.report(finding, problems);
        }
        problems.throwIfAny();
        return checked;
    }

    RuntimeException failure(List<FileProblem> problems) {
        return failure.apply(problems);
    }

    private static String parserMessage(String message) {
        if (message == null) {
            return "malformed";
        }
        // the parser's message alternates what it was doing, where (indented) and what it found
        return message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .map(String::trim)
                .collect(Collectors.joining("; "));
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
