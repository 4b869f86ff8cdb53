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

/**
 * The scenarios that ship with Brownout, read from the classpath ({@code dev/brownout/scenarios/library}): the
 * library's own scenarios, named by their file ({@code oauth-outage}), and the packs in its sub-folders, whose
 * scenarios are named by pack and file ({@code failover/server-error-once}).
 */
public final class ScenarioLibrary {

    static final String FOLDER = "dev/brownout/scenarios/library";

    private ScenarioLibrary() {
    }

    /**
     * Every shipped scenario with a one-line summary: the library's own first, then each pack's, each named as
     * {@link #load(String)} takes it.
     */
    public static List<LibraryScenario> list() {
        List<String> all = new ArrayList<>(names());
        packs().forEach(pack -> all.addAll(pack(pack)));
        return all.stream()
                .map(name -> new LibraryScenario(name, load(name).summary()))
                .toList();
    }

    /**
     * A shipped scenario by name ({@code oauth-outage}, or a pack's {@code failover/server-error-once}); a
     * {@link ScenarioException} names the shipped ones when there is none.
     */
    public static Scenario load(String name) {
        if (!contains(name)) {
            throw new ScenarioException(List.of(new FileProblem(name, 0, 0, "",
                    "no shipped scenario is named '" + name + "'; " + shipped())));
        }
        String resource = FOLDER + "/" + name + ".yaml";
        try (InputStream in = ScenarioLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the scenario library lists " + name + " but the classpath has no " + resource);
            }
            return ScenarioLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "library/" + name + ".yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code name} is a shipped scenario, of the library's own or of a pack ({@code pack/scenario}). */
    public static boolean contains(String name) {
        if (name == null) {
            return false;
        }
        int slash = name.indexOf('/');
        if (slash < 0) {
            return names().contains(name);
        }
        String pack = name.substring(0, slash);
        return packs().contains(pack) && pack(pack).contains(name);
    }

    /** Names of the library's own scenarios (not the packs'), sorted. */
    public static List<String> names() {
        return inLibrary(folder -> yamlNames(folder));
    }

    /** Names of the shipped packs (the library's sub-folders, such as {@code failover} and {@code oauth}), sorted. */
    public static List<String> packs() {
        return inLibrary(folder -> {
            List<String> packs = new ArrayList<>();
            if (folder == null) {
                return packs;
            }
            try (Stream<Path> entries = Files.list(folder)) {
                entries.filter(Files::isDirectory)
                        .map(p -> p.getFileName().toString().replace("/", ""))
                        .sorted()
                        .forEach(packs::add);
            }
            return packs;
        });
    }

    /**
     * The scenarios of a shipped pack, each named {@code pack/scenario} as {@link #load(String)} takes it, sorted.
     *
     * @throws IllegalArgumentException for a pack that is not shipped, naming the shipped ones
     */
    public static List<String> pack(String pack) {
        if (pack == null || !packs().contains(pack)) {
            throw new IllegalArgumentException("no shipped pack is named '" + pack + "'; the packs are "
                    + String.join(", ", packs()));
        }
        return inLibrary(folder -> yamlNames(folder.resolve(pack)).stream().map(name -> pack + "/" + name).toList());
    }

    /** What ships, for error messages: the library's scenarios and its packs. */
    static String shipped() {
        return "the library has " + String.join(", ", names()) + (packs().isEmpty() ? ""
                : ", and the packs " + String.join(", ", packs().stream().map(p -> p + "/...").toList()));
    }

    private interface FolderReading<T> {
        T read(Path folder) throws IOException;
    }

    private static <T> T inLibrary(FolderReading<T> reading) {
        URL folder = ScenarioLibrary.class.getClassLoader().getResource(FOLDER);
        try {
            if (folder == null) {
                return reading.read(null);
            }
            URI uri = folder.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return reading.read(jar.getPath(FOLDER));
            }
            return reading.read(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list the scenario library: " + e.getMessage());
        }
    }

    private static List<String> yamlNames(Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        if (folder == null) {
            return names;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .forEach(names::add);
        }
        return names;
    }
}
