package dev.brownout.scenario;

import dev.brownout.input.FileProblem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The scenarios that ship with Brownout, read from the classpath ({@code dev/brownout/scenarios/library}). */
public final class ScenarioLibrary {

    static final String FOLDER = "dev/brownout/scenarios/library";

    private ScenarioLibrary() {
    }

    /** Every shipped scenario, by name, with a one-line summary. */
    public static List<LibraryScenario> list() {
        return names().stream()
                .map(name -> {
                    Scenario scenario = load(name);
                    return new LibraryScenario(scenario.name(), firstSentence(scenario.description()));
                })
                .toList();
    }

    /** A shipped scenario by name; a {@link ScenarioException} names the shipped ones when there is none. */
    public static Scenario load(String name) {
        String resource = FOLDER + "/" + name + ".yaml";
        try (InputStream in = ScenarioLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ScenarioException(List.of(new FileProblem(name, 0, 0, "",
                        "no shipped scenario is named '" + name + "'; the library has " + String.join(", ", names()))));
            }
            return ScenarioLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "library/" + name + ".yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the shipped scenarios, sorted. */
    public static List<String> names() {
        URL folder = ScenarioLibrary.class.getClassLoader().getResource(FOLDER);
        if (folder == null) {
            return List.of();
        }
        try {
            URI uri = folder.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return yamlNames(jar.getPath(FOLDER));
            }
            return yamlNames(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list the scenario library: " + e.getMessage());
        }
    }

    private static List<String> yamlNames(Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .forEach(names::add);
        }
        return names;
    }

    static String firstSentence(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        int end = flat.indexOf(". ");
        return end < 0 ? flat : flat.substring(0, end + 1);
    }
}
