package dev.brownout.harness.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.Mappers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads scenario files. A file is checked in three passes — YAML syntax, the JSON Schema, then its
 * meaning (names that exist, offsets in order, parameters that fit together) — and every problem of
 * the first failing pass is reported at once, each with file, line, column, field and what would be valid.
 */
public final class ScenarioLoader {

    private ScenarioLoader() {
    }

    /** Reads a scenario file; relative paths in it (catalog, task file) are resolved against its folder. */
    public static Scenario load(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(List.of(new ScenarioProblem(file.toString(), 0, 0, "",
                    "cannot read the scenario file (" + reason(e) + ")")));
        }
        Path folder = file.toAbsolutePath().getParent();
        return parse(yaml, file.toString(), folder);
    }

    /**
     * Reads scenario text; {@code origin} names it in problems. Relative paths in it are not checked, as
     * there is no folder to resolve them against.
     */
    public static Scenario parse(String yaml, String origin) {
        return parse(yaml, origin, null);
    }

    static Scenario parse(String yaml, String origin, Path baseDirectory) {
        YamlPositions positions;
        JsonNode tree;
        try {
            positions = YamlPositions.read(yaml);
            tree = Mappers.yaml().readTree(yaml);
        } catch (YamlPositions.DuplicateKeyException e) {
            String key = e.field.substring(e.field.lastIndexOf('.') + 1);
            throw new ScenarioException(List.of(new ScenarioProblem(origin, e.position.line(), e.position.column(),
                    e.field, "the key '" + key + "' is written twice in this mapping; keep one of them")));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ScenarioException(List.of(new ScenarioProblem(origin, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), "", "not valid YAML: " + parserMessage(e.getOriginalMessage()))));
        } catch (IOException e) {
            throw new ScenarioException(List.of(new ScenarioProblem(origin, 0, 0, "", "cannot read: " + reason(e))));
        }
        Problems problems = new Problems(origin, positions);
        if (tree == null || !tree.isObject()) {
            problems.atValue("", "a scenario is a YAML mapping with name, description, world, workload and timeline");
            problems.throwIfAny();
        }
        ScenarioSchema.get().check(tree, problems);
        problems.throwIfAny();
        Scenario scenario;
        try {
            scenario = new ScenarioReader(problems).read(tree);
            problems.throwIfAny();
            new SemanticChecks(problems, baseDirectory).check(scenario);
        } catch (IllegalArgumentException e) {
            problems.atValue("", e.getMessage());
            scenario = null;
        }
        problems.throwIfAny();
        return baseDirectory == null ? scenario : scenario.resolvedAgainst(baseDirectory);
    }

    private static String parserMessage(String message) {
        if (message == null) {
            return "malformed";
        }
        // the parser's message alternates what it was doing, where (indented) and what it found
        return message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .map(String::trim)
                .collect(java.util.stream.Collectors.joining("; "));
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
