package dev.brownout.examples.gatling;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Gatling simulation is {@link OAuthOutageSimulation}, the code between its {@code // README: name}
 * line and {@code // README end}: what a reader copies is what {@code ./mvnw verify} compiles and plays.
 */
class ReadmeGatlingExampleTest {

    private static final Path README = Path.of("../../README.md");
    private static final Path SIMULATION = Path.of("src/test/java/dev/brownout/examples/gatling/OAuthOutageSimulation.java");
    private static final Pattern EXAMPLE = Pattern.compile("// README: ([a-z-]+)\\n(.*?)\\n\\s*// README end", Pattern.DOTALL);

    @Test
    void theReadmeShowsTheSimulationExactlyAsItRuns() throws IOException {
        Matcher example = EXAMPLE.matcher(Files.readString(SIMULATION));

        assertThat(example.find()).as("%s marks its README example with // README: and // README end", SIMULATION).isTrue();
        assertThat(example.group(1)).as("the example's name").isEqualTo("gatling-simulation");
        assertThat(Files.readString(README)).as("README.md shows the simulation as %s plays it", SIMULATION)
                .contains(example.group(2));
    }
}
