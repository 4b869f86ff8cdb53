package dev.brownout.junit;

import dev.brownout.Brownout;
import dev.brownout.RunBuilder;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLibrary;
import dev.brownout.scenario.ScenarioLoader;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The scenario a world or a measured test asks for: a shipped one by name, a file, a class path resource, or one
 * built in code. Every problem finding or reading it is an {@link ExtensionConfigurationException} that names
 * where it was asked for.
 */
final class ScenarioChoice {

    static final String CLASSPATH = "classpath:";

    private final String text;
    private final Scenario scenario;

    private ScenarioChoice(String text, Scenario scenario) {
        this.text = text;
        this.scenario = scenario;
    }

    static ScenarioChoice named(String nameOrFile) {
        return new ScenarioChoice(Objects.requireNonNull(nameOrFile, "a scenario"), null);
    }

    static ScenarioChoice of(Scenario scenario) {
        return new ScenarioChoice(null, Objects.requireNonNull(scenario, "a scenario"));
    }

    /** How the choice reads in a message: the text as given, or the name of a scenario built in code. */
    String describe() {
        return scenario != null ? scenario.name() + " (built in code)" : text;
    }

    /** The scenario, read and checked. */
    Scenario load(String origin) {
        if (scenario != null) {
            return scenario;
        }
        return checked(origin, () -> {
            if (text.startsWith(CLASSPATH)) {
                URL resource = resource(origin);
                Path file = fileOf(resource);
                return file != null ? ScenarioLoader.load(file) : ScenarioLoader.parse(read(resource), text);
            }
            if (Files.isRegularFile(Path.of(text))) {
                return ScenarioLoader.load(Path.of(text));
            }
            requireShipped(origin);
            return ScenarioLibrary.load(text);
        });
    }

    /** A measured run of the scenario, not yet set up. */
    RunBuilder measuredRun(String origin) {
        if (scenario != null) {
            return Brownout.scenario(scenario);
        }
        return checked(origin, () -> {
            if (text.startsWith(CLASSPATH)) {
                URL resource = resource(origin);
                Path file = fileOf(resource);
                return file != null ? Brownout.scenario(file) : Brownout.scenario(ScenarioLoader.parse(read(resource), text));
            }
            if (!Files.isRegularFile(Path.of(text))) {
                requireShipped(origin);
            }
            // by name or path, so the run's result keeps the command line that plays it again
            return Brownout.scenario(text);
        });
    }

    private void requireShipped(String origin) {
        if (text.isBlank()) {
            throw new ExtensionConfigurationException(origin + " names no scenario: give the name of a shipped one ("
                    + String.join(", ", ScenarioLibrary.names()) + "), a scenario file, or " + CLASSPATH + "/path/in/resources.yaml");
        }
        if (!ScenarioLibrary.contains(text)) {
            throw new ExtensionConfigurationException(origin + ": '" + text + "' is neither a shipped scenario ("
                    + String.join(", ", ScenarioLibrary.names()) + ") nor a scenario file (looked for "
                    + Path.of(text).toAbsolutePath() + "); a scenario among the test resources is named "
                    + CLASSPATH + "/path/in/resources.yaml");
        }
    }

    private URL resource(String origin) {
        String name = text.substring(CLASSPATH.length());
        String path = name.startsWith("/") ? name.substring(1) : name;
        URL url = loader().getResource(path);
        if (url == null) {
            throw new ExtensionConfigurationException(origin + ": there is no class path resource '" + path
                    + "' for scenario = \"" + text + "\"; a file in src/test/resources/scenarios/ is "
                    + CLASSPATH + "/scenarios/its-name.yaml");
        }
        return url;
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ScenarioChoice.class.getClassLoader();
    }

    /** The resource as a file, so that the paths it names resolve beside it; null inside a jar. */
    private static Path fileOf(URL resource) {
        if (!"file".equals(resource.getProtocol())) {
            return null;
        }
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String read(URL resource) {
        try (InputStream in = resource.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    private <T> T checked(String origin, Supplier<T> step) {
        try {
            return step.get();
        } catch (ExtensionConfigurationException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // a scenario file with problems lists each with file, line and field; a bad name says what is valid
            throw new ExtensionConfigurationException(origin + ": scenario \"" + describe() + "\": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
