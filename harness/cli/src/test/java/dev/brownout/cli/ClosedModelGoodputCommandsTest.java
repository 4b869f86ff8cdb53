package dev.brownout.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code brownout run}, {@code gate} and {@code compare} on a real closed-model run in which the agents got through
 * far fewer tasks than in the baseline ({@code measure-closed}: two agents, the primary's first tokens held back
 * 500 ms for two of three seconds, every answer right). Its scenario gates {@code iq_loss < 5%}, which holds, and
 * {@code goodput_loss < 10%}, which does not.
 */
class ClosedModelGoodputCommandsTest {

    private static final String MEASURE_CLOSED = "src/test/resources/run/measure-closed.yaml";

    @TempDir
    static Path runs;
    static Path closedRun;
    static int runStatus;
    static String runOutput;

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int brownout(String... args) {
        return new CommandLine(new BrownoutCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @BeforeAll
    static void playOnce() throws IOException {
        StringWriter printed = new StringWriter();
        runStatus = new CommandLine(new BrownoutCli()).setOut(new PrintWriter(printed))
                .setErr(new PrintWriter(new StringWriter()))
                .execute("run", MEASURE_CLOSED, "--sut", "reference:naive", "--warmup", "1s", "--out", runs.toString());
        runOutput = printed.toString();
        try (Stream<Path> folders = Files.list(runs)) {
            closedRun = folders.findFirst().orElseThrow();
        }
    }

    @Test
    void theRunExitsOneOnItsGoodputGateAndItsSummaryLeadsWithGoodputLossAndTheTasksNeverSent() {
        assertThat(runStatus).as("exit status of brownout run; stdout: %s", runOutput).isEqualTo(1);
        assertThat(runOutput.indexOf("  goodput loss ")).as("the summary's goodput line, before IQ loss")
                .isPositive().isLessThan(runOutput.indexOf("  IQ loss "));
        assertThat(runOutput).containsPattern("goodput loss +\\d[\\d.]*% \\(95% CI [-\\d.]+% to [\\d.]+%\\); [\\d,]+ of"
                        + " [\\d,]+ baseline tasks never sent")
                .containsPattern("IQ loss +0% .* over the tasks both runs sent")
                .contains("gate FAILED: goodput_loss");
    }

    @Test
    void gateJudgesTheStoredRunsGoodputLossAndTheIqLossGateNamesTheTasksLeftOut() {
        int status = brownout("gate", closedRun.toString());

        assertThat(status).as("exit status of brownout gate; stderr: %s", err).isEqualTo(1);
        assertThat(out.toString()).contains("gate FAILED: goodput_loss").containsPattern("is not < 10%")
                .containsPattern("gate passed: iq_loss 0% .*baseline tasks were never sent and are not in it: see"
                        + " goodput_loss\\) is < 5%");
    }

    @Test
    void aLooserGoodputGateFromAFilePasses() throws IOException {
        Path gates = Files.writeString(folder.resolve("gates.json"), "{\"goodput_loss\": \"<= 100%\"}");

        assertThat(brownout("gate", closedRun.toString(), "--gates", gates.toString()))
                .as("exit status; stdout: %s; stderr: %s", out, err).isZero();
        assertThat(out.toString()).contains("gate passed: goodput_loss");
    }

    @Test
    void compareShowsGoodputLossBesideIqLoss() throws IOException {
        int status = brownout("compare", closedRun.toString(), closedRun.toString(), "--out", folder.toString());

        assertThat(status).as("exit status; stderr: %s", err).isZero();
        String compare = Files.readString(folder.resolve("compare.md"));
        assertThat(compare.indexOf("| Goodput loss |")).as("compare.md: goodput loss after IQ loss")
                .isGreaterThan(compare.indexOf("| IQ loss |"));
        assertThat(compare).contains("| slow | Goodput loss |");
    }
}
