package dev.brownout.internal.run;

import java.nio.file.Path;

/** The runs were played and their files kept, but measuring them into a result failed. */
public final class MeasurementFailedException extends RuntimeException {

    private final Path folder;

    /** @param failed what failed, its message (secrets redacted) and where its stack trace is kept */
    MeasurementFailedException(Path folder, String failed, RuntimeException cause) {
        super(failed + "; what was played is kept in " + folder, cause);
        this.folder = folder;
    }

    /** Where the played runs are. */
    public Path folder() {
        return folder;
    }
}
