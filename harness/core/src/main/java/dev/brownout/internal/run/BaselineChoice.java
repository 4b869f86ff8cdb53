package dev.brownout.internal.run;

import dev.brownout.reports.BaselineMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a measured run compares against: a fault-free run played first ({@code auto}), a stored result
 * ({@code FILE}), or nothing ({@code none}: IQ loss and cost amplification are then unknown, not zero).
 */
public record BaselineChoice(BaselineMode mode, Path file) {

    public BaselineChoice {
        Objects.requireNonNull(mode, "a baseline mode");
        if ((mode == BaselineMode.FILE) != (file != null)) {
            throw new IllegalArgumentException("a stored baseline needs its file, and only it has one");
        }
    }

    public static BaselineChoice auto() {
        return new BaselineChoice(BaselineMode.AUTO, null);
    }

    public static BaselineChoice none() {
        return new BaselineChoice(BaselineMode.NONE, null);
    }

    public static BaselineChoice file(Path result) {
        return new BaselineChoice(BaselineMode.FILE, result);
    }

    /**
     * {@code auto}, {@code none}, or the path of a stored result (a {@code result.json} or the run folder
     * holding one).
     *
     * @throws IllegalArgumentException for a path with no result at it
     */
    public static BaselineChoice parse(String text) {
        if ("auto".equals(text)) {
            return auto();
        }
        if ("none".equals(text)) {
            return none();
        }
        try {
            return stored(Path.of(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--baseline takes auto, none, or a stored result; " + e.getMessage());
        }
    }

    /**
     * A stored result: a {@code result.json}, or the run folder holding one.
     *
     * @throws IllegalArgumentException for a path with no result at it
     */
    public static BaselineChoice stored(Path path) {
        Path result = Files.isDirectory(path) ? path.resolve(dev.brownout.reports.RunResults.FILE_NAME) : path;
        if (!Files.isRegularFile(result)) {
            throw new IllegalArgumentException("there is no result at " + result.toAbsolutePath()
                    + " (a stored baseline is a result.json or the run folder holding one)");
        }
        return file(result);
    }
}
