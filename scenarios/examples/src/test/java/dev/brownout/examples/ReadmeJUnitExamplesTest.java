package dev.brownout.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's JUnit examples are this module's test classes: each is the code between a {@code // README: name}
 * line and {@code // README end} in a source file here, and the README must show the same lines, so what a
 * reader copies is what {@code ./mvnw verify} compiles and runs.
 */
class ReadmeJUnitExamplesTest {

    private static final Path README = Path.of("../../README.md");
    private static final Path SOURCES = Path.of("src/test/java");
    private static final Pattern EXAMPLE = Pattern.compile("// README: ([a-z-]+)\\n(.*?)\\n\\s*// README end", Pattern.DOTALL);

    @Test
    void theReadmeShowsEachJUnitExampleExactlyAsItRuns() throws IOException {
        String readme = Files.readString(README);
        List<String> names = new ArrayList<>();
        for (Path source : sources()) {
            Matcher example = EXAMPLE.matcher(Files.readString(source));
            while (example.find()) {
                names.add(example.group(1));
                assertThat(readme).as("README.md shows the '%s' example as %s runs it", example.group(1), source)
                        .contains(example.group(2));
            }
        }
        assertThat(names).as("JUnit examples in this module")
                .containsExactlyInAnyOrder("junit-world", "junit-measured", "junit-spring", "junit-container");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }
}
