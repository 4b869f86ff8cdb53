package dev.brownout.scenario;

import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShippedScenariosTest {

    static final List<String> EXPECTED = List.of("oauth-outage", "primary-hard-down", "provider-brownout",
            "rate-limit-storm", "silent-downgrade", "slow-stream");

    static Stream<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(TestScenarios.LIBRARY)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void libraryHoldsTheSixIncidentScenarios() throws IOException {
        assertThat(files().map(f -> f.getFileName().toString().replace(".yaml", "")))
                .as("files in scenarios/library")
                .containsExactlyElementsOf(EXPECTED);
    }

    @ParameterizedTest
    @MethodSource("files")
    void shippedScenarioLoadsPastSchemaAndMeaningChecks(Path file) {
        Scenario scenario = ScenarioLoader.load(file);

        assertThat(scenario.name()).as("name matches the file name of " + file)
                .isEqualTo(file.getFileName().toString().replace(".yaml", ""));
        assertThat(scenario.description()).as("description of " + file).hasSizeGreaterThan(80);
        assertThat(scenario.duration()).as("duration of " + file + " is a few minutes")
                .isBetween(Duration.ofMinutes(2), Duration.ofMinutes(10));
        assertThat(scenario.timeline()).as("phases of " + file).hasSizeGreaterThanOrEqualTo(3);
        assertThat(scenario.timeline().stream().filter(p -> !p.faults().isEmpty())).as("faulty phases of " + file)
                .isNotEmpty();
        assertThat(scenario.gates()).as("gates of " + file).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("files")
    void shippedScenarioWorldStartsWithEveryProviderAndItsOAuthServer(Path file) {
        Scenario scenario = ScenarioLoader.load(file);

        try (FakeWorld world = FakeWorld.start(scenario.world().worldConfig(scenario.seed()))) {
            assertThat(world.providers()).extracting(FakeProvider::name).as("providers of " + file)
                    .containsExactlyElementsOf(scenario.world().providers().stream().map(p -> p.name()).toList());
            assertThat(world.oauth().isPresent()).as("OAuth server of " + file)
                    .isEqualTo(scenario.world().oauth() != null);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void shippedScenarioRoundTripsThroughYaml(Path file) {
        Scenario scenario = ScenarioLoader.load(file);

        String written = scenario.toYaml();
        Scenario reread = ScenarioLoader.parse(written, "written " + file);

        assertThat(reread).as("scenario read back from its own YAML:\n" + written).isEqualTo(scenario);
    }

    @Test
    void classpathCopyOfTheLibraryMatchesTheRepositoryFiles() throws IOException {
        for (Path file : files().toList()) {
            String name = file.getFileName().toString().replace(".yaml", "");
            assertThat(ScenarioLibrary.load(name)).as("library scenario " + name + " from the classpath")
                    .isEqualTo(ScenarioLoader.load(file));
        }
    }

    @Test
    void libraryListsNamesWithOneLineSummaries() {
        List<LibraryScenario> listed = ScenarioLibrary.list();

        assertThat(listed).extracting(LibraryScenario::name).as("listed names: the library's own first")
                .startsWith(EXPECTED.toArray(String[]::new))
                .as("then every pack's, named pack/scenario")
                .containsAll(ScenarioLibrary.pack("failover")).containsAll(ScenarioLibrary.pack("oauth"))
                .hasSize(EXPECTED.size() + ScenarioLibrary.pack("failover").size() + ScenarioLibrary.pack("oauth").size());
        assertThat(listed).allSatisfy(entry -> assertThat(entry.summary())
                .as("summary of " + entry.name()).doesNotContain("\n").endsWith(".").hasSizeBetween(20, 300));
    }

    @Test
    void theFormatPagesExampleIsAValidScenario() throws IOException {
        String page = Files.readString(Path.of("..", "..", "docs", "scenarios.md"));
        int start = page.indexOf("```yaml\n") + "```yaml\n".length();
        String example = page.substring(start, page.indexOf("```", start));

        Scenario scenario = ScenarioLoader.parse(example, "docs/scenarios.md");

        assertThat(scenario.timeline()).as("phases of the example in docs/scenarios.md").hasSize(4);
    }

    @Test
    void unknownLibraryScenarioNamesTheShippedOnes() {
        assertThatThrownBy(() -> ScenarioLibrary.load("no-such-outage"))
                .as("loading a scenario the library does not have")
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("no shipped scenario is named 'no-such-outage'")
                .hasMessageContaining("oauth-outage, primary-hard-down");
    }

    @Test
    void oauthOutageTakesTheTokenEndpointDownForLongerThanATokenLives() {
        Scenario scenario = ScenarioLibrary.load("oauth-outage");
        Phase outage = scenario.timeline().stream()
                .filter(p -> p.faultsOn("oauth").map(f -> f.network() != null && f.network().down()).orElse(false))
                .findFirst().orElseThrow();

        Duration outageLength = scenario.endOf(outage).minus(outage.at());

        assertThat(outageLength).as("outage length against token_ttl %s", scenario.world().oauth().tokenTtl())
                .isGreaterThan(scenario.world().oauth().tokenTtl());
        assertThat(scenario.world().provider("primary").orElseThrow().auth().label()).as("primary auth").isEqualTo("oauth");
        assertThat(scenario.world().provider("backup").orElseThrow().auth().label()).as("backup auth").isEqualTo("api-key");
    }
}
