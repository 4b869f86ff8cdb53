package dev.brownout.internal.sut;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a SUT's rendered config file lives while the SUT runs: a folder only this user can read, outside the
 * run folder and deleted when the SUT stops. The rendered config holds the world's credentials, and nothing
 * a run keeps may.
 */
final class PrivateConfigFolder implements AutoCloseable {

    private final Path path;

    private PrivateConfigFolder(Path path) {
        this.path = path;
    }

    static PrivateConfigFolder create() {
        try {
            // on POSIX systems a temporary directory is created readable by its owner only
            return new PrivateConfigFolder(Files.createTempDirectory("brownout-sut-config-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the SUT's config: " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    /** Deletes the folder and what was rendered into it; a file already gone is fine. */
    @Override
    public void close() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the SUT's config folder " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SUT config folder " + path;
    }
}
