package dev.brownout.gatling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A simulation whose run cannot start fails before any user is injected, saying why. */
class BadSetUpTest {

    @Test
    void anUnknownScenarioFailsNamingItAndTheShippedOnes(@TempDir Path workDir) throws Exception {
        ForkedGatling.Result gatling = ForkedGatling.in(workDir).with("probe.scenario", "no-such-scenario").run();

        assertThat(gatling.exitCode()).as("Gatling's exit code; %s", gatling).isNotZero();
        assertThat(gatling.output()).as("Gatling's output names the scenario and the shipped ones")
                .contains("no-such-scenario").contains("oauth-outage").contains("primary-hard-down");
        assertThat(gatling.fedTaskIds()).as("tasks fed to users: none was injected").isEmpty();
        assertThat(workDir.resolve("brownout-runs")).as("no run folder: no world was started").doesNotExist();
    }

    @Test
    void aSutThatCannotStartFailsNamingTheCauseWithTheWorldClosed(@TempDir Path workDir) throws Exception {
        ForkedGatling.Result gatling = ForkedGatling.in(workDir).scenario("gatling-openai.yaml")
                .sut("cannot-start.yaml").run();

        assertThat(gatling.exitCode()).as("Gatling's exit code; %s", gatling).isNotZero();
        assertThat(gatling.output()).as("Gatling's output names the cause")
                .contains("Brownout could not start the load run, so no user is injected")
                .contains("missing-gateway");
        assertThat(gatling.fedTaskIds()).as("tasks fed to users: none was injected").isEmpty();
        List<Path> runFolders;
        try (Stream<Path> folders = Files.list(workDir.resolve("brownout-runs"))) {
            runFolders = folders.toList();
        }
        assertThat(runFolders).as("the run folder Brownout made").hasSize(1);
        Path folder = runFolders.get(0);
        assertThat(folder.resolve("error.txt")).as("the run folder keeps the cause").isRegularFile();
        assertThat(folder.resolve("exchanges.jsonl")).as("no exchange was recorded")
                .satisfiesAnyOf(file -> assertThat(file).doesNotExist(), file -> assertThat(file).isEmptyFile());
        FailedGatlingRunTest.assertPortsFree(folder, null);
    }
}
