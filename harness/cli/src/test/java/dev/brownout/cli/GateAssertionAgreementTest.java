package dev.brownout.cli;

import dev.brownout.assertj.BrownoutAssertions;
import dev.brownout.assertj.RunResultAssert;
import dev.brownout.reports.BaselineInfo;
import dev.brownout.reports.BaselineMode;
import dev.brownout.reports.Conduct;
import dev.brownout.reports.Cost;
import dev.brownout.reports.Estimate;
import dev.brownout.reports.GateSpec;
import dev.brownout.reports.Latency;
import dev.brownout.reports.Quality;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResults;
import dev.brownout.reports.ScenarioInfo;
import dev.brownout.reports.Security;
import dev.brownout.reports.Summary;
import dev.brownout.reports.SutInfo;
import dev.brownout.reports.Timeline;
import dev.brownout.reports.Verdict;
import dev.brownout.reports.Versions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code brownout gate} and the AssertJ gate assertions on the same result.json: the assertion passes exactly when the
 * command exits 0, and when it fails it quotes every line the command printed about the gates.
 */
class GateAssertionAgreementTest {

    private static final Instant STARTED = Instant.parse("2026-03-14T09:26:53Z");

    @TempDir
    Path folder;

    /** What the command said, and what the assertion said, about one result. */
    private record Judged(int exitCode, String printed, AssertionError failure) {
    }

    /**
     * A completed run with a baseline: IQ loss 3% (95% CI 1% to 5.5%), availability 99.2%, p99 2.95 s, cost
     * amplification 1.12, with the gates its scenario declared.
     */
    private static RunResult result(boolean completed, double timeScale, GateSpec... gates) {
        Latency latency = new Latency(118, 412.5, 880.25, 2_950.0, 3_100.0);
        return new RunResult(RunResult.SCHEMA_VERSION,
                new ScenarioInfo("oauth-outage", null, 42, timeScale, 1.0, 6_000, List.of()),
                new SutInfo("litellm", null), new Versions("0.1.0", "21", "Linux"), List.of("brownout", "run"), STARTED,
                STARTED.plusSeconds(6), completed, completed ? null : "stopped by a signal (Ctrl-C or SIGTERM)",
                new BaselineInfo(BaselineMode.AUTO, null, true, 0.83, 0.041, 1.0),
                new Summary(120, 119, 1, 0, 0, 0, 100, 119 / 120.0, latency, Latency.EMPTY),
                new Quality(0.8, 0.83, new Estimate(0.03, 0.01, 0.055), null), null, List.of(),
                new Timeline(1_000, List.of()), List.of(), new Cost(0.046, 0.041, 1.12, 0.00046, 0.002, List.of()),
                List.of(), new Conduct(Verdict.PASS, List.of()), new Security(0, List.of()), List.of(gates), List.of(),
                List.of());
    }

    private static GateSpec gate(String metric, String comparator, double threshold, String unit, String written) {
        return new GateSpec(metric, comparator, threshold, unit, written);
    }

    /** Stores {@code result}, runs {@code brownout gate} on it with {@code options}, and the assertion on it. */
    private Judged judge(RunResult result, List<String> options, Consumer<RunResultAssert> assertion) {
        Path file = folder.resolve(RunResults.FILE_NAME);
        RunResults.write(file, result);
        StringWriter out = new StringWriter();
        List<String> args = new ArrayList<>(List.of("gate", file.toString()));
        args.addAll(options);
        int exitCode = new CommandLine(new BrownoutCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(out))
                .execute(args.toArray(String[]::new));
        RunResult stored = RunResults.read(file);
        AssertionError failure = catchThrowableOfType(AssertionError.class,
                () -> assertion.accept(BrownoutAssertions.assertThat(stored)));
        return new Judged(exitCode, out.toString(), failure);
    }

    private static void assertAgree(Judged judged, int expectedExitCode) {
        assertThat(judged.exitCode()).as("brownout gate's exit code; it printed: %s", judged.printed())
                .isEqualTo(expectedExitCode);
        assertThat(judged.failure() == null).as("the assertion passed, where brownout gate exited %s; the assertion"
                + " said: %s", judged.exitCode(), judged.failure()).isEqualTo(judged.exitCode() == 0);
        if (judged.failure() != null) {
            List<String> lines = judged.printed().lines().filter(line -> line.startsWith("gate ")
                    || line.startsWith("the run is incomplete")).toList();
            assertThat(lines).as("the lines brownout gate printed about the gates").isNotEmpty();
            assertThat(judged.failure().getMessage()).as("the assertion's failure quotes every one of them")
                    .contains(lines).contains("brownout gate exits " + expectedExitCode);
        }
    }

    private Path gatesFile(String json) throws IOException {
        return Files.writeString(folder.resolve("gates.json"), json);
    }

    @Test
    void bothPassARunThatMeetsItsScenariosGates() {
        RunResult result = result(true, 1.0, gate("iq_loss", "<", 0.05, "percent", "< 5%"),
                gate("availability", ">=", 0.99, "percent", ">= 99%"));

        assertAgree(judge(result, List.of(), RunResultAssert::passesGates), 0);
    }

    @Test
    void bothFailARunThatMissesOneOfItsScenariosGates() {
        RunResult result = result(true, 1.0, gate("iq_loss", "<", 0.02, "percent", "< 2%"),
                gate("availability", ">=", 0.99, "percent", ">= 99%"));

        assertAgree(judge(result, List.of(), RunResultAssert::passesGates), 1);
    }

    @Test
    void bothJudgeTheWorseEndOfTheIntervalWhenAskedTo() {
        RunResult result = result(true, 1.0, gate("iq_loss", "<", 0.05, "percent", "< 5%"));

        assertAgree(judge(result, List.of(), RunResultAssert::passesGates), 0);
        assertAgree(judge(result, List.of("--pessimistic"), run -> run.usingPessimisticBound().passesGates()), 1);
    }

    @Test
    void bothScaleAGatesFilesDurationsToTheRunsClock() throws IOException {
        RunResult quarterSpeed = result(true, 0.25);
        String gates = gatesFile("{\"p99_latency\": \"< 8s\", \"cost_amplification\": \"< 1.3\"}").toString();

        assertAgree(judge(quarterSpeed, List.of("--gates", gates),
                run -> run.passesGates("p99_latency < 8s", "cost_amplification < 1.3")), 1);
        assertAgree(judge(result(true, 1.0), List.of("--gates", gates),
                run -> run.passesGates("p99_latency < 8s", "cost_amplification < 1.3")), 0);
    }

    @Test
    void bothRefuseAnIncompleteRunWhateverItsGatesSay() {
        RunResult incomplete = result(false, 1.0, gate("iq_loss", "<", 0.05, "percent", "< 5%"));

        assertAgree(judge(incomplete, List.of(), RunResultAssert::passesGates), 3);
    }
}
