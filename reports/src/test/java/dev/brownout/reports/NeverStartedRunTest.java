package dev.brownout.reports;

import dev.brownout.reports.compare.ComparisonHtml;
import dev.brownout.reports.compare.ComparisonMarkdown;
import dev.brownout.reports.compare.RunComparison;
import dev.brownout.reports.gate.Bound;
import dev.brownout.reports.gate.GateEvaluation;
import dev.brownout.reports.gate.GateReport;
import dev.brownout.reports.gate.GateVerdict;
import dev.brownout.reports.html.HtmlReport;
import dev.brownout.reports.junit.JunitXml;
import dev.brownout.reports.markdown.MarkdownSummary;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A run that never started has no conduct verdict, and every report says so instead of failing or passing. */
class NeverStartedRunTest {

    private static final RunResult NEVER_STARTED = RunResultFixtures.neverStarted();

    private static GateReport gates() {
        return GateEvaluation.evaluate(NEVER_STARTED, Bound.PESSIMISTIC);
    }

    @Test
    void aNullVerdictIsValidAgainstTheSchemaAndReadsBackAsNull(@org.junit.jupiter.api.io.TempDir Path folder) {
        assertThat(SchemaValidation.messages(SchemaValidation.tree(NEVER_STARTED)))
                .as("schema problems of a result with no verdict").isEmpty();
        assertThat(SchemaValidation.tree(NEVER_STARTED).path("conduct").path("verdict").isNull())
                .as("conduct.verdict is written as null, not left out").isTrue();

        Path file = folder.resolve(RunResults.FILE_NAME);
        RunResults.write(file, NEVER_STARTED);

        assertThat(RunResults.read(file).conduct().verdict()).as("the verdict read back").isNull();
        assertThat(RunResults.read(file).conduct().judged()).as("whether the conduct was judged").isFalse();
    }

    @Test
    void theGateVerdictOfARunThatNeverStartedIsIncompleteNotPass() {
        assertThat(gates().verdict(NEVER_STARTED)).as("what CI makes of a run that never started")
                .isEqualTo(GateVerdict.INCOMPLETE);
    }

    @Test
    void theHtmlReportShowsNoVerdictBecauseTheRunNeverStarted() {
        String html = HtmlReport.render(NEVER_STARTED, gates());

        assertThat(html).as("the HTML report's verdict")
                .contains("<div class=\"verdict verdict-none\">", "<span class=\"verdict-label\">NO VERDICT</span>",
                        Conduct.NO_VERDICT)
                .doesNotContain("<div class=\"verdict verdict-pass\">").doesNotContain(">PASS<");
    }

    @Test
    void theReportsShowNoProbeLineForARunThatNeverStarted() {
        assertThat(HtmlReport.render(NEVER_STARTED, gates())).as("the HTML report").doesNotContain("id=\"probe\"");
        assertThat(MarkdownSummary.render(NEVER_STARTED, gates())).as("the Markdown summary")
                .doesNotContain("Alive after the run");
    }

    @Test
    void theMarkdownSummarySaysNoVerdictBecauseTheRunNeverStarted() {
        String markdown = MarkdownSummary.render(NEVER_STARTED, gates());

        assertThat(markdown).as("the Markdown summary").contains("incomplete run")
                .contains("| Conduct verdict | " + Conduct.NO_VERDICT + " |")
                .contains("No phase of the scenario was played");
    }

    @Test
    void theJunitXmlFailsTheRunAndSaysItNeverStarted() {
        String xml = JunitXml.write(NEVER_STARTED, gates());

        assertThat(xml).as("the JUnit XML")
                .contains("<property name=\"brownout.conduct_verdict\" value=\"none\"/>")
                .contains("<property name=\"brownout.verdict\" value=\"incomplete\"/>")
                .contains("type=\"incomplete\"").contains(Conduct.NO_VERDICT);
    }

    @Test
    void aComparisonWithARunThatNeverStartedWarnsItHasNoVerdict() {
        RunComparison comparison = RunComparison.of(RunResultFixtures.full(), NEVER_STARTED);

        assertThat(comparison.warnings()).as("the comparison's warnings")
                .contains("the run after has " + Conduct.NO_VERDICT + "; it has no figure to compare");
        assertThat(ComparisonMarkdown.render(comparison)).as("the comparison in Markdown").contains(Conduct.NO_VERDICT);
        assertThat(ComparisonHtml.render(comparison)).as("the comparison in HTML").contains(Conduct.NO_VERDICT);
    }
}
