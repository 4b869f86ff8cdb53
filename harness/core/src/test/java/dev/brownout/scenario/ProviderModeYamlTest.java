package dev.brownout.scenario;

import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.ProviderMode;
import dev.brownout.fakes.ReplayPacing;
import dev.brownout.input.FileProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.brownout.scenario.TestScenarios.ORIGIN;
import static dev.brownout.scenario.TestScenarios.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A scenario's providers in upstream and replay mode, as the reader takes them and refuses them. */
class ProviderModeYamlTest {

    private static final String BACKUP = "    - { name: backup, dialect: anthropic, models: [mid] }";

    @Test
    void aReplayProviderIsReadWithItsCassetteAndPacing() {
        Scenario scenario = ScenarioLoader.parse(with(BACKUP,
                "    - { name: backup, dialect: anthropic, models: [mid], mode: replay, cassette: rec/b.jsonl,"
                        + " pacing: catalog }"), ORIGIN);

        ProviderConfig backup = scenario.world().provider("backup").orElseThrow();
        assertThat(backup.mode()).as("mode").isEqualTo(ProviderMode.REPLAY);
        assertThat(backup.cassette()).as("cassette").isEqualTo("rec/b.jsonl");
        assertThat(backup.pacing()).as("pacing").isEqualTo(ReplayPacing.CATALOG);
    }

    @Test
    void anUpstreamProviderIsReadWithTheVariablesItNames() {
        Scenario scenario = ScenarioLoader.parse(with(BACKUP,
                "    - { name: backup, dialect: anthropic, models: [mid], mode: upstream, cassette: b.jsonl,"
                        + " upstream: { base_url_env: ANTHROPIC_BASE_URL, api_key_env: ANTHROPIC_API_KEY } }"), ORIGIN);

        ProviderConfig backup = scenario.world().provider("backup").orElseThrow();
        assertThat(backup.mode()).as("mode").isEqualTo(ProviderMode.UPSTREAM);
        assertThat(backup.upstream().apiKeyEnv()).as("the key's variable").isEqualTo("ANTHROPIC_API_KEY");
        assertThat(backup.pacing()).as("pacing when not given").isEqualTo(ReplayPacing.RECORDED);
    }

    @Test
    void aSimulatedProviderIsWrittenWithoutAMode() {
        String yaml = ScenarioLoader.parse(TestScenarios.VALID, ORIGIN).toYaml();

        assertThat(yaml).as("the scenario written back").doesNotContain("mode:").doesNotContain("cassette");
    }

    @Test
    void replayWithoutACassetteIsRefusedNamingTheProvider() {
        ScenarioException failure = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.parse(
                with(BACKUP, "    - { name: backup, dialect: anthropic, models: [mid], mode: replay }"), ORIGIN));

        List<FileProblem> problems = failure.problems();
        assertThat(problems).as("problems of a replay provider without a cassette").isNotEmpty();
        assertThat(problems.toString()).as("the problems' text").contains("world.providers[1]").contains("cassette");
    }

    @Test
    void anUnknownModeIsRefusedNamingTheValidOnes() {
        ScenarioException failure = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.parse(
                with(BACKUP, "    - { name: backup, dialect: anthropic, models: [mid], mode: recorded }"), ORIGIN));

        assertThat(failure.problems().toString()).as("the problems' text").contains("world.providers[1].mode")
                .contains("simulated").contains("upstream").contains("replay");
    }

    @Test
    void aReplayCassetteThatIsNotThereIsNamedWithTheScenariosFolder(@TempDir Path folder) {
        ScenarioException failure = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.parse(
                with(BACKUP, "    - { name: backup, dialect: anthropic, models: [mid], mode: replay, cassette: gone.jsonl }"),
                ORIGIN, folder));

        assertThat(failure.problems().toString()).as("the problems' text").contains("world.providers[1].cassette")
                .contains(folder.resolve("gone.jsonl").toString());
    }
}
