package dev.brownout.cli;

import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResults;

import java.nio.file.Files;
import java.nio.file.Path;

/** A RUN argument: a {@code result.json}, or the run folder that holds one. */
record ResultArgument(Path file, RunResult result) {

    /** @throws IllegalArgumentException naming the path, and the field or line, for anything that is not a result */
    static ResultArgument read(String argument) {
        Path path = Path.of(argument);
        Path file = Files.isDirectory(path) ? path.resolve(RunResults.FILE_NAME) : path;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no run result at " + file.toAbsolutePath()
                    + "; give a result.json or the run folder that holds one");
        }
        return new ResultArgument(file, RunResults.read(file));
    }

    /** The folder the result lives in, where its reports are written by default. */
    Path folder() {
        return file.toAbsolutePath().getParent();
    }
}
