package dev.brownout;

import dev.brownout.internal.run.ResultSchemaCheck;
import dev.brownout.reports.Goodput;
import dev.brownout.reports.PhaseResult;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.gate.GateOutcome;
import dev.brownout.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A real closed-model run, played once for the class: two agents through the naive reference gateway on a model
 * that is always right, whose first tokens are held back 500 ms for two of the run's three seconds
 * ({@code measure-closed}). The agents wait on their answers, so the run sends far fewer tasks than its baseline;
 * every answer it gets is right. The figures depend on the machine's pace, so the assertions are on what must hold
 * whatever it is: exact bookkeeping, and losses far apart. On a busy two-core machine the run lost 43% to 60% of its
 * goodput and its slow phase about 80% to 90%, against an IQ loss of 0; the bounds asserted leave room for a
 * baseline played much slower than that.
 */
class ClosedModelGoodputTest {

    @TempDir
    static Path runs;

    private static BrownoutRun run;

    @BeforeAll
    static void play() throws Exception {
        Path scenario = Path.of(Objects.requireNonNull(
                ClosedModelGoodputTest.class.getResource("/run/measure-closed.yaml")).toURI());
        run = Brownout.scenario(ScenarioLoader.load(scenario)).against(Sut.reference("naive"))
                .warmup(Duration.ofSeconds(1)).outputTo(runs).run();
    }

    private static PhaseResult phase(String name) {
        return run.result().phases().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theRunSentFewerTasksThanItsBaselineAndSaysHowManyWereNeverSent() {
        RunResult result = run.result();
        Goodput goodput = result.quality().goodput();

        assertThat(result.completed()).as("completed; stop reason %s", result.stopReason()).isTrue();
        assertThat(goodput.unsentBaselineTasks()).as("baseline tasks never sent").isPositive()
                .as("the baseline's tasks less this run's: the agents number their tasks from 0 in both")
                .isEqualTo(goodput.baselineTasks() - result.summary().exchanges());
        assertThat(result.warnings()).as("the warning names them too")
                .contains(goodput.unsentBaselineTasks() + " baseline exchange(s) have no twin in this run and are left"
                        + " out of the IQ loss (the goodput loss counts them as lost)");
    }

    @Test
    void goodputLossIsTheShareOfCorrectAnswersPerSecondLostWhileIqLossSeesNoLoss() {
        RunResult result = run.result();
        Goodput goodput = result.quality().goodput();

        assertThat(result.quality().iqLoss().value()).as("IQ loss over the tasks both runs sent: every answer right")
                .isCloseTo(0, within(0.02));
        assertThat(goodput.correct()).as("correct answers, as the summary counts them").isEqualTo(result.summary().correct());
        assertThat(goodput.seconds()).as("the chaos run played its 3 s").isEqualTo(3.0);
        assertThat(goodput.baselineSeconds()).as("so did the baseline").isEqualTo(3.0);
        assertThat(goodput.loss().value()).as("1 - (correct / 3 s) / (baseline correct / 3 s)")
                .isCloseTo(1 - (double) goodput.correct() / goodput.baselineCorrect(), within(1e-12))
                .as("well above the IQ loss: for two thirds of the run the agents did a fraction of their work")
                .isGreaterThan(result.quality().iqLoss().value() + 0.15);
        assertThat(goodput.loss().low()).as("its interval's lower end").isLessThan(goodput.loss().value());
        assertThat(goodput.loss().high()).as("its interval's upper end").isGreaterThan(goodput.loss().value());
    }

    @Test
    void theSlowPhaseLosesMostOfItsGoodputAndTheUnsentTasksAreCountedByPhase() {
        Goodput slow = phase("slow").goodput();

        assertThat(slow.seconds()).as("the slow phase's two seconds").isEqualTo(2.0);
        assertThat(slow.loss().value()).as("agents held 500 ms a task against some 30 ms: most of the work undone")
                .isGreaterThan(0.5);
        long byPhase = run.result().phases().stream().mapToLong(p -> p.goodput().unsentBaselineTasks()).sum();
        assertThat(byPhase).as("unsent tasks over the phases add up to the run's")
                .isEqualTo(run.result().quality().goodput().unsentBaselineTasks());
    }

    @Test
    void theGoodputGateFailsWhereTheIqLossGatePasses() {
        assertThat(run.gates().outcomes()).extracting(outcome -> outcome.gate().metric(), GateOutcome::status)
                .as("the scenario's gates, as brownout gate judges them")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("iq_loss", GateOutcome.PASSED),
                        org.assertj.core.groups.Tuple.tuple("goodput_loss", GateOutcome.FAILED));
        assertThat(run.passed()).as("a failed gate fails the run").isFalse();
    }

    @Test
    void resultJsonIsValidAndEveryReportShowsGoodputLossFirst() throws Exception {
        assertThat(ResultSchemaCheck.problems(run.resultJson())).as("result.json against the published schema").isEmpty();
        String summary = Files.readString(run.summaryMarkdown());
        assertThat(summary.indexOf("| Goodput loss |")).as("summary.md: goodput loss before IQ loss").isPositive()
                .isLessThan(summary.indexOf("| IQ loss |"));
        assertThat(summary).contains("baseline tasks were never sent");
        String html = Files.readString(run.reportHtml());
        assertThat(html.indexOf("id=\"figure-goodput-loss\"")).as("report.html: the goodput figure before IQ loss")
                .isPositive().isLessThan(html.indexOf("id=\"figure-iq-loss\""));
        assertThat(Files.readString(run.junitXml())).as("junit.xml")
                .contains("name=\"goodput_loss &lt; 10%\"")
                .contains("brownout.unsent_baseline_tasks");
    }
}
