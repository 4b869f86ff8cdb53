package dev.brownout.internal.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.internal.sut.LeftoverSutProcesses;
import dev.brownout.reports.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One run's folder: {@code <out>/<yyyyMMdd-HHmmss>-<scenario>-<sut>}. Whole files are written atomically (a
 * temporary file moved into place), so a reader never sees half a summary, even after a crash.
 */
final class RunFolder {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    static final ObjectMapper JSON = Mappers.json();

    private final Path path;

    private RunFolder(Path path) {
        this.path = path;
    }

    /**
     * Creates a new folder under {@code out}; a second run in the same second gets a numbered name. First it
     * ends the SUT processes that killed runs left running in {@code out}, and says so on stderr.
     */
    static RunFolder create(Path out, String scenario, String sut, Instant start) {
        String base = STAMP.format(start) + "-" + slug(scenario) + "-" + slug(sut);
        endLeftoverSuts(out);
        try {
            Files.createDirectories(out);
            for (int attempt = 1; ; attempt++) {
                Path candidate = out.resolve(attempt == 1 ? base : base + "-" + attempt);
                try {
                    return new RunFolder(Files.createDirectory(candidate).toAbsolutePath().normalize());
                } catch (FileAlreadyExistsException taken) {
                    if (attempt > 1000) {
                        throw taken;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder under " + out.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The folder {@code path} itself, made if missing; a SUT process a killed run left in it (a scorecard's cell
     * played again) is ended first, as by {@link #create}.
     */
    static RunFolder at(Path path) {
        endLeftoverSuts(path);
        try {
            return new RunFolder(Files.createDirectories(path).toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    Path file(String name) {
        return path.resolve(name);
    }

    void writeJson(String name, Object value) {
        try {
            write(name, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(name) + ": " + e.getMessage(), e);
        }
    }

    /** One JSON document per line. */
    void writeJsonLines(String name, java.util.List<?> values) {
        StringBuilder lines = new StringBuilder();
        try {
            for (Object value : values) {
                lines.append(JSON.writeValueAsString(value)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(name) + ": " + e.getMessage(), e);
        }
        writeText(name, lines.toString());
    }

    void writeText(String name, String text) {
        write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String name, byte[] bytes) {
        try {
            AtomicFile.write(file(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(name) + ": " + e.getMessage(), e);
        }
    }

    private static void endLeftoverSuts(Path folder) {
        LeftoverSutProcesses.endUnder(folder).forEach(line -> System.err.println("brownout: " + line));
    }

    static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "run" : slug.length() > 40 ? slug.substring(0, 40) : slug;
    }
}
