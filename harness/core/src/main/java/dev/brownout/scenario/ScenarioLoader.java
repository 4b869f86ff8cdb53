package dev.brownout.scenario;

import dev.brownout.internal.checkedfile.CheckedDocument;

import java.nio.file.Path;

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
        String yaml = ScenarioSchema.get().readText(file);
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
        CheckedDocument document = ScenarioSchema.get().check(yaml, origin);
        Problems problems = new Problems(document);
        Scenario scenario;
        try {
            scenario = new ScenarioReader(problems).read(document.tree());
            problems.throwIfAny();
            new SemanticChecks(problems, baseDirectory).check(scenario);
        } catch (ScenarioException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            problems.atValue("", e.getMessage());
            scenario = null;
        }
        problems.throwIfAny();
        return baseDirectory == null ? scenario : scenario.resolvedAgainst(baseDirectory);
    }
}
