package dev.brownout.cli;

import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLibrary;
import dev.brownout.scenario.ScenarioLoader;

import java.nio.file.Files;
import java.nio.file.Path;

/** A SCENARIO argument: a scenario file, or else the name of a shipped scenario. */
record ScenarioArgument(Scenario scenario, Path directory) {

    /**
     * @throws dev.brownout.scenario.ScenarioException for a file with problems
     * @throws IllegalArgumentException                        for a name that is neither a file nor shipped
     */
    static ScenarioArgument resolve(String nameOrFile) {
        Path file = Path.of(nameOrFile);
        if (Files.exists(file)) {
            Path directory = file.toAbsolutePath().getParent();
            return new ScenarioArgument(ScenarioLoader.load(file), directory);
        }
        if (ScenarioLibrary.names().contains(nameOrFile)) {
            return new ScenarioArgument(ScenarioLibrary.load(nameOrFile), Path.of(""));
        }
        throw new IllegalArgumentException("'" + nameOrFile + "' is neither a scenario file nor a shipped scenario; "
                + "shipped: " + String.join(", ", ScenarioLibrary.names()));
    }
}
