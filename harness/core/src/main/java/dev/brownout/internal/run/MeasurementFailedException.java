package dev.brownout.internal.run;

import java.nio.file.Path;

/** The runs were played and their files kept, but measuring them into a result failed. */
public final class MeasurementFailedException extends RuntimeException {

    private final Path folder;

    MeasurementFailedException(Path folder, RuntimeException cause) {
        super("measuring the run failed (" + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage())
                + "); what was played is kept in " + folder, cause);
        this.folder = folder;
    }

    /** Where the played runs are. */
    public Path folder() {
        return folder;
    }
}
