package dev.brownout.reports.markdown;

import dev.brownout.reports.CheckResult;
import dev.brownout.reports.Conduct;
import dev.brownout.reports.ProbeResult;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResultFixtures;
import dev.brownout.reports.ScenarioInfo;
import dev.brownout.reports.Verdict;
import dev.brownout.reports.gate.Bound;
import dev.brownout.reports.gate.Gate;
import dev.brownout.reports.gate.GateEvaluation;
import dev.brownout.reports.gate.GateFile;
import dev.brownout.reports.gate.ResultCopies;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownSummaryTest {

    private static final RunResult COMPLETED = ResultCopies.completed(RunResultFixtures.full());

    private static final List<Gate> GATES = GateFile.parse(
            "{\"iq_loss\": \"< 30%\", \"p99_latency\": \"< 8s\", \"security_findings\": \"== 0\"}", "gates.json");

    private static String render(RunResult result, List<Gate> gates) {
        return MarkdownSummary.render(result, GateEvaluation.evaluate(result, gates, Bound.POINT));
    }

    /** The rows of the table whose header row starts with {@code | first |}, header first, separator left out. */
    private static List<List<String>> table(String markdown, String first) {
        List<String> lines = markdown.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("| " + first + " |")) {
                start = i;
                break;
            }
        }
        assertThat(start).as("a table headed '%s' in%n%s", first, markdown).isNotNegative();
        List<List<String>> rows = new ArrayList<>();
        rows.add(cells(lines.get(start)));
        assertThat(lines.get(start + 1)).matches("\\|( --- \\|)+");
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            rows.add(cells(lines.get(i)));
        }
        return rows;
    }

    /** The cells of a table line, split on pipes that are not escaped. */
    private static List<String> cells(String line) {
        assertThat(line).startsWith("|").endsWith("|");
        String inner = line.substring(1, line.length() - 1);
        return List.of(inner.split("(?<!\\\\)\\|", -1)).stream().map(String::strip).toList();
    }

    private static void assertRectangular(List<List<String>> table) {
        int width = table.getFirst().size();
        assertThat(table).allSatisfy(row -> assertThat(row).hasSize(width));
    }

    @Test
    void theTitleGivesTheVerdictScenarioAndSut() {
        String markdown = render(COMPLETED, GATES);

        assertThat(markdown.lines().findFirst()).hasValue(
                "## ❌ brownout: primary-outage against litellm: failed (1 of 3 gates failed)");
    }

    @Test
    void aPassingRunHasAGreenTitle() {
        String markdown = render(COMPLETED, GateFile.parse("{\"p99_latency\": \"< 8s\"}", "g"));

        assertThat(markdown.lines().findFirst()).hasValue("## ✅ brownout: primary-outage against litellm: passed (1 gate held)");
    }

    @Test
    void anIncompleteRunSaysSoAndWhy() {
        String markdown = render(RunResultFixtures.full(), GATES);

        assertThat(markdown.lines().findFirst()).hasValue("## ❌ brownout: primary-outage against litellm: incomplete run");
        assertThat(markdown).contains("stopped by Ctrl-C during phase recovery");
    }

    @Test
    void theHeadlineSaysWhatBecameOfTheProbeAfterTheRun() {
        List<List<String>> table = table(render(COMPLETED, GATES), "Figure");

        assertThat(table.getLast()).as("the last headline row").containsExactly("Alive after the run",
                "answered in 182ms, correct");
    }

    @Test
    void aProbeThatTimedOutReadsAsNoAnswerWithinItsBound() {
        ProbeResult timedOut = new ProbeResult("alive-probe", 12_004.5, 2_000, "timeout", 0, "timeout", 2_000.5, null,
                List.of("openai/gpt-4o"), false, 0, false);

        List<List<String>> table = table(render(ResultCopies.withProbe(COMPLETED, timedOut), GATES), "Figure");

        assertThat(table.getLast()).as("the probe row of a SUT that did not answer it")
                .containsExactly("Alive after the run", "no answer within 2s");
    }

    @Test
    void aRunWithoutAProbeSaysNoneWasSent() {
        List<List<String>> table = table(render(ResultCopies.withProbe(COMPLETED, null), GATES), "Figure");

        assertThat(table.getLast()).as("the probe row of a run that sent none")
                .containsExactly("Alive after the run", ProbeResult.NOT_SENT);
    }

    @Test
    void theHeadlineTableHasEveryFigure() {
        List<List<String>> table = table(render(COMPLETED, GATES), "Figure");

        assertRectangular(table);
        assertThat(table).extracting(List::getFirst).containsExactly("Figure", "IQ loss", "Quality vs baseline",
                "Availability", "p99 latency", "TTFT p99", "Time to failover", "Time to recover", "Cost amplification",
                "Wasted spend", "Security findings", "Conduct verdict", "Alive after the run");
        assertThat(table.get(1).get(1)).isEqualTo("22.9% (95% CI 16% to 30%)");
        assertThat(table.get(2).get(1)).isEqualTo("0.640 vs 0.830");
        assertThat(table.get(4).get(1)).isEqualTo("2.95s");
        assertThat(table.get(6).get(1)).isEqualTo("1.85s (primary-down)");
        assertThat(table.get(9).get(1)).isEqualTo("$0.0087 (13.7% of $0.0633)");
        assertThat(table.get(11).get(1)).isEqualTo("fail");
    }

    @Test
    void theGatesTableHasOneRowPerGate() {
        List<List<String>> table = table(render(COMPLETED, GATES), "Metric");

        assertRectangular(table);
        assertThat(table).containsExactly(
                List.of("Metric", "Condition", "Observed", "Result"),
                List.of("iq_loss", "< 30%", "22.9% (95% CI 16% to 30%)", "✅ passed"),
                List.of("p99_latency", "< 8s", "2.95s", "✅ passed"),
                List.of("security_findings", "== 0", "1", "❌ failed"));
    }

    @Test
    void thePhaseTableHasOneRowPerPhase() {
        List<List<String>> table = table(render(COMPLETED, GATES), "Phase");

        assertRectangular(table);
        assertThat(table).containsExactly(
                List.of("Phase", "Tasks", "Answered", "Quality", "Baseline", "IQ loss", "p99"),
                List.of("steady", "30", "30", "0.840", "0.830", "-1.2% (95% CI -5% to 3%)", "2.95s"),
                List.of("primary-down", "60", "49", "0.610", "0.830", "26.5% (95% CI 18% to 35%)", "2.95s"));
    }

    @Test
    void theLossIsAttributedToItsCauses() {
        assertThat(render(COMPLETED, GATES))
                .contains("IQ loss 22.9% = 12% errors + 3% timeouts + 6% downgrade + 2% degraded − 1% other");
    }

    @Test
    void failedConductChecksAndSecurityFindingsAreListed() {
        String markdown = render(COMPLETED, GATES);

        assertThat(markdown).contains("### Failed conduct checks",
                "- retry_after_honoured (required): expected true, observed false. openai answered 429");
        assertThat(markdown).contains("### Security findings", "- credential_leak at anthropic (3 times): ");
    }

    @Test
    void theReproduceSectionHasTheCommandInACodeBlock() {
        assertThat(render(COMPLETED, GATES)).contains("""
                ### Reproduce

                ```sh
                brownout run scenarios/primary-outage.yaml --sut litellm --seed 42
                ```""");
    }

    @Test
    void nullFiguresReadAsUnknownNotZero() {
        RunResult empty = ResultCopies.completed(RunResultFixtures.minimal());

        List<List<String>> table = table(render(empty, GateFile.parse("{\"iq_loss\": \"< 5%\"}", "g")), "Figure");

        assertThat(table.get(1)).containsExactly("IQ loss", "unknown (no baseline)");
        assertThat(table.get(2)).containsExactly("Quality vs baseline", "– vs unknown (no baseline)");
        assertThat(table.get(3)).containsExactly("Availability", "–");
        assertThat(table.get(8)).containsExactly("Cost amplification", "unknown (no baseline)");
    }

    @Test
    void anUnknownGateReadsAsUnknownAndFails() {
        RunResult empty = ResultCopies.completed(RunResultFixtures.minimal());

        List<List<String>> table = table(render(empty, GateFile.parse("{\"iq_loss\": \"< 5%\"}", "g")), "Metric");

        assertThat(table.get(1)).containsExactly("iq_loss", "< 5%", "unknown", "❌ unknown (fails)");
    }

    @Test
    void pipesInCellsAreEscapedSoRowsKeepTheirWidth() {
        RunResult piped = ResultCopies.withScenario(COMPLETED, new ScenarioInfo("a|b", null, 1, 1, 1, 0, List.of()));
        RunResult pipedPhase = ResultCopies.completed(new RunResult(piped.schemaVersion(), piped.scenario(),
                piped.sut(), piped.versions(), piped.command(), piped.startedAt(), piped.endedAt(), true, null,
                piped.baseline(), piped.summary(), piped.quality(), piped.attribution(),
                List.of(renamed(piped.phases().getFirst(), "down|up")), piped.timeline(), piped.failover(),
                piped.cost(), piped.modelsServed(), piped.conduct(), piped.security(), piped.gates(),
                piped.exchanges(), piped.warnings()));

        String markdown = render(pipedPhase, GATES);
        List<List<String>> phases = table(markdown, "Phase");

        assertRectangular(phases);
        assertThat(phases.get(1).getFirst()).isEqualTo("down\\|up");
    }

    @Test
    void thereIsNoHtmlTagEvenWhenANameLooksLikeOne() {
        RunResult sneaky = ResultCopies.withScenario(COMPLETED,
                new ScenarioInfo("<script>alert(1)</script>", null, 1, 1, 1, 0, List.of()));
        RunResult alsoCheck = new RunResult(sneaky.schemaVersion(), sneaky.scenario(), sneaky.sut(), sneaky.versions(),
                sneaky.command(), sneaky.startedAt(), sneaky.endedAt(), true, null, sneaky.baseline(), sneaky.summary(),
                sneaky.quality(), sneaky.attribution(), sneaky.phases(), sneaky.timeline(), sneaky.failover(),
                sneaky.cost(), sneaky.modelsServed(), new Conduct(Verdict.FAIL, List.of(new CheckResult("x", true,
                "<b>", "<img src=x>", false, "<!-- hidden -->"))), sneaky.security(), sneaky.gates(),
                sneaky.exchanges(), sneaky.warnings());

        String markdown = render(alsoCheck, GATES);

        assertThat(markdown).doesNotContainPattern("<[A-Za-z/!?]");
        assertThat(markdown).contains("&lt;script>");
    }

    @Test
    void anArgumentWithSpacesIsQuotedInTheCommand() {
        RunResult spaced = new RunResult(COMPLETED.schemaVersion(), COMPLETED.scenario(), COMPLETED.sut(),
                COMPLETED.versions(), List.of("brownout", "run", "my scenario.yaml", "--sut", "it's"),
                COMPLETED.startedAt(), COMPLETED.endedAt(), true, null, COMPLETED.baseline(), COMPLETED.summary(),
                COMPLETED.quality(), COMPLETED.attribution(), COMPLETED.phases(), COMPLETED.timeline(),
                COMPLETED.failover(), COMPLETED.cost(), COMPLETED.modelsServed(), COMPLETED.conduct(),
                COMPLETED.security(), COMPLETED.gates(), COMPLETED.exchanges(), COMPLETED.warnings());

        assertThat(render(spaced, GATES)).contains("brownout run 'my scenario.yaml' --sut 'it'\\''s'");
    }

    @Test
    void aRunThatLeftBaselineTasksUnsentLeadsWithGoodputLossAndSaysIqLossLeavesThemOut() {
        List<List<String>> table = table(render(RunResultFixtures.closedModel(), GATES), "Figure");

        assertRectangular(table);
        assertThat(table).extracting(List::getFirst).as("headline figures in order").startsWith("Figure",
                "Goodput loss", "IQ loss", "Quality vs baseline");
        assertThat(table.get(1).get(1)).as("goodput loss")
                .isEqualTo("56% (95% CI 43.2% to 66.2%); 120 of 240 baseline tasks were never sent");
        assertThat(table.get(2).get(1)).as("IQ loss")
                .isEqualTo("22.9% (95% CI 16% to 30%) over the tasks both runs sent (not the 120 never sent)");
    }

    @Test
    void aRunThatSentEveryBaselineTaskShowsGoodputLossRightAfterIqLoss() {
        RunResult closed = RunResultFixtures.closedModel();
        var q = closed.quality();
        RunResult allSent = ResultCopies.withQuality(closed, new dev.brownout.reports.Quality(q.score(),
                q.baselineScore(), q.iqLoss(), q.noiseFloor(), new dev.brownout.reports.Goodput(88, 12, 100L, 12.0,
                new dev.brownout.reports.Estimate(0.12, -0.17, 0.35), 120L, 0)));

        List<List<String>> table = table(render(allSent, GATES), "Figure");

        assertThat(table).extracting(List::getFirst).as("headline figures in order").startsWith("Figure", "IQ loss",
                "Goodput loss", "Quality vs baseline");
        assertThat(table.get(1).get(1)).as("IQ loss, with nothing left out").isEqualTo("22.9% (95% CI 16% to 30%)");
        assertThat(table.get(2).get(1)).as("goodput loss").isEqualTo("12% (95% CI -17% to 35%)");
    }

    @Test
    void thePhaseTableHasEachPhasesGoodputLossAndItsUnsentTasks() {
        List<List<String>> table = table(render(RunResultFixtures.closedModel(), GATES), "Phase");

        assertRectangular(table);
        assertThat(table).containsExactly(
                List.of("Phase", "Tasks", "Answered", "Quality", "Baseline", "IQ loss", "Goodput loss", "p99"),
                List.of("steady", "30", "30", "0.840", "0.830", "-1.2% (95% CI -5% to 3%)",
                        "3.5% (95% CI -68.2% to 44.7%)", "2.95s"),
                List.of("primary-down", "60", "49", "0.610", "0.830", "26.5% (95% CI 18% to 35%)",
                        "62.5% (95% CI 46.8% to 74%); 90 of 150 baseline tasks were never sent", "2.95s"));
    }

    private static dev.brownout.reports.PhaseResult renamed(dev.brownout.reports.PhaseResult p, String name) {
        return new dev.brownout.reports.PhaseResult(name, p.plannedAtMs(), p.startedAtMs(), p.endMs(), p.tookEffect(),
                p.exchanges(), p.answered(), p.availability(), p.quality(), p.baselineQuality(), p.iqLoss(),
                p.attribution(), p.latency(), p.ttft(), p.costUsd());
    }
}
