package dev.brownout.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.reports.RunResults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code brownout gate}, {@code report} and {@code compare} on a real stored result, and {@code brownout run}'s
 * exit code when a gate fails: the exit codes a CI step acts on.
 */
class ReportCommandsTest {

    private static final String SHORT_OUTAGE = "src/test/resources/run/short-outage.yaml";

    @TempDir
    static Path runs;
    static Path naiveRun;

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int brownout(String... args) {
        return new CommandLine(new BrownoutCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    /** One real run of the naive gateway through the short outage: it does not fail over, so it loses the down phase. */
    @BeforeAll
    static void playOnce() throws IOException {
        int status = new CommandLine(new BrownoutCli()).setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(new StringWriter()))
                .execute("run", SHORT_OUTAGE, "--sut", "reference:naive", "--baseline", "none", "--warmup", "300ms",
                        "--out", runs.toString());
        assertThat(status).as("the run behind these tests played").isZero();
        try (Stream<Path> folders = Files.list(runs)) {
            naiveRun = folders.findFirst().orElseThrow();
        }
    }

    private Path gates(String json) throws IOException {
        return Files.writeString(folder.resolve("gates.json"), json);
    }

    @Test
    void aGateThatHoldsExitsZero() throws IOException {
        int status = brownout("gate", naiveRun.toString(), "--gates", gates("{\"availability\": \">= 10%\"}").toString());

        assertThat(status).as("exit status; stdout: %s; stderr: %s", out, err).isZero();
        assertThat(out.toString()).contains("gate passed: availability");
    }

    @Test
    void aGateThatFailsExitsOneAndSaysWhatWasObserved() throws IOException {
        int status = brownout("gate", naiveRun.toString(), "--gates", gates("{\"availability\": \">= 99%\"}").toString());

        assertThat(status).as("exit status; stdout: %s", out).isEqualTo(1);
        assertThat(out.toString()).as("the failing gate's line").contains("gate FAILED: availability").contains("99%");
    }

    @Test
    void aGateOnAFigureTheRunCouldNotMeasureFails() throws IOException {
        // no baseline was played, so there is no IQ loss to judge
        int status = brownout("gate", naiveRun.toString(), "--gates", gates("{\"iq_loss\": \"< 50%\"}").toString());

        assertThat(status).as("exit status; stdout: %s", out).isEqualTo(1);
        assertThat(out.toString()).contains("gate FAILED: iq_loss");
    }

    @Test
    void anIncompleteRunExitsThree() throws IOException {
        ObjectNode result = (ObjectNode) RunResults.mapper().readTree(naiveRun.resolve("result.json").toFile());
        result.put("completed", false).put("stop_reason", "stopped by a signal (Ctrl-C or SIGTERM)");
        Path incomplete = Files.writeString(folder.resolve("result.json"), RunResults.mapper().writeValueAsString(result));

        int status = brownout("gate", incomplete.toString());

        assertThat(status).as("exit status; stdout: %s; stderr: %s", out, err).isEqualTo(3);
        assertThat(out.toString()).contains("the run is incomplete");
    }

    @Test
    void aResultThatIsNotOneOrABadGatesFileExitsTwo() throws IOException {
        Path notAResult = Files.writeString(folder.resolve("result.json"), "{\"hello\": 1}");

        assertThat(brownout("gate", notAResult.toString())).as("a JSON file that is no run result").isEqualTo(2);
        assertThat(brownout("gate", folder.resolve("missing").toString())).as("a path with nothing at it").isEqualTo(2);
        assertThat(brownout("gate", naiveRun.toString(), "--gates", gates("{\"iq_los\": \"< 5%\"}").toString()))
                .as("a gates file naming an unknown metric").isEqualTo(2);
        assertThat(err.toString()).as("stderr").contains("schema_version").contains("no run result at")
                .contains("iq_los").doesNotContain("Exception:");
    }

    @Test
    void reportRendersEveryFormatAgainFromTheStoredResult() throws Exception {
        int status = brownout("report", naiveRun.toString(), "--out", folder.toString());

        assertThat(status).as("exit status; stderr: %s", err).isZero();
        assertThat(folder.resolve("report.html")).isRegularFile();
        assertThat(Files.readString(folder.resolve("summary.md"))).as("the Markdown summary").contains("short-outage");
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(folder.resolve("junit.xml").toFile());
        assertThat(junit.getDocumentElement().getNodeName()).as("the JUnit XML's root").isEqualTo("testsuite");
        assertThat(out.toString()).as("the paths printed").contains("report.html").contains("summary.md").contains("junit.xml");
    }

    @Test
    void theRunFolderHoldsEveryReportAlready() {
        assertThat(naiveRun.resolve("report.html")).as("written by brownout run").isRegularFile();
        assertThat(naiveRun.resolve("summary.md")).isRegularFile();
        assertThat(naiveRun.resolve("junit.xml")).isRegularFile();
    }

    @Test
    void compareWritesMarkdownAndHtml() {
        int status = brownout("compare", naiveRun.toString(), naiveRun.toString(), "--out", folder.toString(),
                "--fail-on-regression");

        assertThat(status).as("a run compared with itself has no regression; stderr: %s", err).isZero();
        assertThat(out.toString()).contains("0 regression(s)");
        assertThat(folder.resolve("compare.md")).isRegularFile();
        assertThat(folder.resolve("compare.html")).isRegularFile();
    }

    @Test
    void aRunWhoseScenarioGateFailsExitsOne() throws IOException {
        Path gated = Files.writeString(folder.resolve("gated.yaml"), Files.readString(Path.of(SHORT_OUTAGE))
                .replace("name: short-outage", "name: gated-outage")
                .replace("catalog: ../world/instant-catalog.yaml",
                        "catalog: " + Path.of("src/test/resources/world/instant-catalog.yaml").toAbsolutePath())
                + "gates:\n  availability: \">= 99%\"\n");

        int status = brownout("run", gated.toString(), "--sut", "reference:naive", "--baseline", "none",
                "--warmup", "300ms", "--out", folder.resolve("runs").toString());

        assertThat(status).as("exit status; stdout: %s; stderr: %s", out, err).isEqualTo(1);
        assertThat(out.toString()).contains("gate FAILED: availability");
    }
}
