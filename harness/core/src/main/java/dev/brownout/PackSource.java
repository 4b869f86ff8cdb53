package dev.brownout;

import dev.brownout.scenario.ScenarioLibrary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The scenarios of a scorecard: a shipped pack by name, a folder of scenario files (sorted by file name), or one
 * scenario (a shipped pack's, or a file).
 *
 * @param label   how the scorecard names the pack
 * @param entries the scenarios, each named as the pack names it
 */
record PackSource(String label, List<Entry> entries) {

    /** One scenario of the pack: {@code failover/server-error-once}, or a file's name without {@code .yaml}. */
    record Entry(String name, ScenarioSource source) {

        /** The name without its pack: the cell's folder name. */
        String shortName() {
            return name.substring(name.lastIndexOf('/') + 1);
        }
    }

    PackSource {
        entries = List.copyOf(entries);
    }

    /**
     * @throws IllegalArgumentException for an argument that is no pack, folder or scenario, naming the shipped packs
     * @throws dev.brownout.scenario.ScenarioException for a scenario file with problems
     */
    static PackSource resolve(String packOrFolder) {
        Objects.requireNonNull(packOrFolder, "a pack: the name of a shipped one, or a folder of scenario files");
        Path path = Path.of(packOrFolder);
        if (Files.isDirectory(path)) {
            List<Path> files = yamlFiles(path);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("the folder " + path.toAbsolutePath() + " holds no scenario file "
                        + "(*.yaml or *.yml)");
            }
            return new PackSource(path.toAbsolutePath().normalize().getFileName().toString(), files.stream()
                    .map(file -> new Entry(withoutExtension(file), ScenarioSource.fromFile(file))).toList());
        }
        if (Files.isRegularFile(path)) {
            return new PackSource(withoutExtension(path), List.of(new Entry(withoutExtension(path),
                    ScenarioSource.fromFile(path))));
        }
        if (ScenarioLibrary.packs().contains(packOrFolder)) {
            return new PackSource(packOrFolder, ScenarioLibrary.pack(packOrFolder).stream()
                    .map(name -> new Entry(name, ScenarioSource.resolve(name))).toList());
        }
        if (packOrFolder.contains("/") && ScenarioLibrary.contains(packOrFolder)) {
            return new PackSource(packOrFolder, List.of(new Entry(packOrFolder, ScenarioSource.resolve(packOrFolder))));
        }
        List<String> packs = ScenarioLibrary.packs();
        throw new IllegalArgumentException("'" + packOrFolder + "' is neither a shipped pack, a folder of scenario "
                + "files nor a pack's scenario; the shipped packs are "
                + (packs.isEmpty() ? "(none in this build)" : String.join(", ", packs)));
    }

    private static List<Path> yamlFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the scenario folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String withoutExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
