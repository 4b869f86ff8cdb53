package dev.brownout.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.Mappers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code brownout run} through picocli: exit codes, the summary table and the run folder. */
class RunCommandTest {

    private static final String SHORT_OUTAGE = "src/test/resources/run/short-outage.yaml";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path folder;

    private int run(String... args) {
        return new CommandLine(new BrownoutCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void aRunThatPlaysToItsEndExitsZeroAndPrintsItsSummaryAndFolder() throws IOException {
        int status = run("run", SHORT_OUTAGE, "--sut", "reference:resilient", "--out", folder.toString(), "--warmup", "500ms");

        assertThat(status).as("exit status; stderr: %s", err).isZero();
        assertThat(out.toString()).as("summary table").contains("short-outage against reference-resilient")
                .contains("steady").contains("sick").contains("down").contains("complete").contains("run folder: ");
        List<String> lines = out.toString().lines().toList();
        int verdict = lines.indexOf(lines.stream().filter(line -> line.startsWith("  verdict ")).findFirst().orElseThrow());
        assertThat(lines.get(verdict + 1)).as("the line under the verdict: why it is what it is").startsWith("    because ");
        assertThat(lines.subList(verdict + 2, verdict + 4)).as("then each faulted phase's verdict")
                .satisfiesExactly(sick -> assertThat(sick).startsWith("    sick "), down -> assertThat(down).startsWith("    down "));
        try (Stream<Path> runs = Files.list(folder)) {
            Path run = runs.findFirst().orElseThrow();
            JsonNode summary = Mappers.json().readTree(run.resolve("summary.json").toFile());
            assertThat(summary.path("command")).extracting(JsonNode::asText)
                    .as("the command that reproduces the run")
                    .containsExactly("./brownout", "run", SHORT_OUTAGE, "--sut", "reference:resilient", "--warmup", "500ms",
                            "--out", folder.toString());
        }
        assertThat(err.toString()).as("progress on stderr").contains("phase sick");
    }

    @Test
    void aScenarioFileWithProblemsExitsTwoWithItsProblems() throws IOException {
        Path bad = folder.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of(SHORT_OUTAGE)).replace("rate: 40/s", "rate: fast"));

        int status = run("run", bad.toString());

        assertThat(status).as("exit status").isEqualTo(2);
        assertThat(err.toString()).as("stderr").contains(bad + ":").contains("workload.rate").doesNotContain("Exception");
    }

    @Test
    void anUnknownScenarioNameExitsTwoListingTheShippedOnes() {
        int status = run("run", "no-such-scenario");

        assertThat(status).as("exit status").isEqualTo(2);
        assertThat(err.toString()).as("stderr").contains("'no-such-scenario' is neither a scenario file nor a shipped scenario")
                .contains("oauth-outage");
    }

    @Test
    void aBadSutArgumentExitsTwoWithTheAcceptedForms() {
        int status = run("run", SHORT_OUTAGE, "--sut", "carrier-pigeon", "--out", folder.toString());

        assertThat(status).as("exit status").isEqualTo(2);
        assertThat(err.toString()).as("stderr").contains("reference:resilient").doesNotContain("Exception");
        assertThat(folder).as("no run folder for a run that never started").isEmptyDirectory();
    }

    @Test
    void aTimeScaleOfZeroIsAUsageError() {
        int status = run("run", SHORT_OUTAGE, "--time-scale", "0", "--out", folder.toString());

        assertThat(status).as("exit status").isEqualTo(2);
        assertThat(err.toString()).as("stderr").contains("time scale must be a number > 0");
    }

    @Test
    void aBaselineThatIsNeitherAutoNoneNorAStoredResultExitsTwo() {
        int status = run("run", SHORT_OUTAGE, "--baseline", folder.resolve("missing.json").toString(), "--out", folder.toString());

        assertThat(status).as("exit status").isEqualTo(2);
        assertThat(err.toString()).as("stderr").contains("--baseline takes auto, none, or a stored result")
                .doesNotContain("Exception");
    }

    @Test
    void theNoiseFloorWithoutAPlayedBaselineIsAUsageError() {
        int status = run("run", SHORT_OUTAGE, "--baseline", "none", "--noise-floor", "--out", folder.toString());

        assertThat(status).as("exit status").isEqualTo(2);
        assertThat(err.toString()).as("stderr").contains("it needs --baseline auto");
        assertThat(folder).as("nothing was played").isEmptyDirectory();
    }

    @Test
    void anOutFolderThatCannotBeMadeIsBadInput() throws IOException {
        Path file = Files.writeString(folder.resolve("a-file"), "not a folder");

        int status = run("run", SHORT_OUTAGE, "--out", file.resolve("runs").toString());

        assertThat(status).as("exit status").isEqualTo(2);
        assertThat(err.toString()).as("stderr").contains("cannot keep runs in").doesNotContain("Exception:");
    }

    @Test
    void helpDescribesEveryOption() {
        int status = run("run", "--help");

        assertThat(status).isZero();
        assertThat(out.toString()).as("help text")
                .contains("--sut", "--baseline", "--noise-floor", "--time-scale", "--load-scale", "--out", "--warmup",
                        "Exit codes");
        assertThat(List.of("demo", "run")).allSatisfy(command ->
                assertThat(new CommandLine(new BrownoutCli()).getSubcommands()).as("subcommands").containsKey(command));
    }
}
