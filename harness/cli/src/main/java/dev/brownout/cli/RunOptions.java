package dev.brownout.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** Options every command that plays scenarios shares: where runs are kept, and the warm-up. */
final class RunOptions {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "brownout-runs",
            description = {"Folder the run folders are made in.", "Default: ${DEFAULT-VALUE}."})
    Path out;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = {"Unmeasured load sent before each timeline starts (wall-clock, not scaled), so a cold SUT "
                    + "and a cold JVM do not count against the first phase; 0s for none.", "Default: ${DEFAULT-VALUE}."})
    Duration warmup;
}
