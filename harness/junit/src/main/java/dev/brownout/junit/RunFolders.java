package dev.brownout.junit;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where a measured test's run folders go: a folder per test class and method under a configurable root. */
final class RunFolders {

    /** The JUnit configuration parameter naming the root. */
    static final String OUTPUT_PARAMETER = "brownout.output";

    private RunFolders() {
    }

    static Path forTest(ExtensionContext context) {
        Path root = context.getConfigurationParameter(OUTPUT_PARAMETER).map(Path::of)
                .orElseGet(() -> defaultRoot(Path.of("")));
        return root.resolve(context.getRequiredTestClass().getName()).resolve(context.getRequiredTestMethod().getName());
    }

    /** {@code target/brownout-runs} in a Maven module (a {@code target} folder exists), else {@code brownout-runs}. */
    static Path defaultRoot(Path workingDirectory) {
        Path target = workingDirectory.resolve("target");
        return Files.isDirectory(target) ? target.resolve("brownout-runs") : workingDirectory.resolve("brownout-runs");
    }
}
