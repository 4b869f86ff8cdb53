package dev.brownout;

import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLibrary;
import dev.brownout.scenario.ScenarioLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a scenario came from: a shipped one by name, a file, or code.
 *
 * @param tasksDirectory where a task file the scenario names is looked up: the scenario file's folder
 * @param argument       how the command line names it, or null for a scenario built in code
 */
record ScenarioSource(Scenario scenario, Path tasksDirectory, String argument) {

    /**
     * A scenario file, or else the name of a shipped scenario.
     *
     * @throws dev.brownout.scenario.ScenarioException for a file with problems
     * @throws IllegalArgumentException                for a name that is neither a file nor shipped, naming the shipped ones
     */
    static ScenarioSource resolve(String nameOrFile) {
        Objects.requireNonNull(nameOrFile, "a scenario: the name of a shipped one, or a scenario file");
        Path file = Path.of(nameOrFile);
        if (Files.exists(file)) {
            return fromFile(file);
        }
        if (ScenarioLibrary.contains(nameOrFile)) {
            return new ScenarioSource(ScenarioLibrary.load(nameOrFile), Path.of(""), nameOrFile);
        }
        throw new IllegalArgumentException("'" + nameOrFile + "' is neither a scenario file nor a shipped scenario; "
                + "shipped: " + String.join(", ", ScenarioLibrary.names())
                + (ScenarioLibrary.packs().isEmpty() ? "" : "; packs (name a pack's scenario as pack/scenario): "
                + String.join(", ", ScenarioLibrary.packs())));
    }

    static ScenarioSource fromFile(Path file) {
        Objects.requireNonNull(file, "the path of a scenario file");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("there is no scenario file at " + file.toAbsolutePath());
        }
        return new ScenarioSource(ScenarioLoader.load(file), file.toAbsolutePath().getParent(), file.toString());
    }

    static ScenarioSource of(Scenario scenario) {
        Objects.requireNonNull(scenario, "a scenario");
        return new ScenarioSource(scenario, Path.of(""), null);
    }

    Optional<String> commandLineName() {
        return Optional.ofNullable(argument);
    }
}
