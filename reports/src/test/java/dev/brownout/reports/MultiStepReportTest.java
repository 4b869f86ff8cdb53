package dev.brownout.reports;

import dev.brownout.reports.gate.Bound;
import dev.brownout.reports.gate.GateEvaluation;
import dev.brownout.reports.html.HtmlReport;
import dev.brownout.reports.markdown.MarkdownSummary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.brownout.reports.SchemaValidation.messages;
import static dev.brownout.reports.SchemaValidation.tree;
import static org.assertj.core.api.Assertions.assertThat;

/** The multi-step block of a result, as result.json, the Markdown summary and the HTML report carry it. */
class MultiStepReportTest {

    private static final RunResult WITH_TASKS = RunResultFixtures.full();
    private static final RunResult WITHOUT_TASKS = RunResultFixtures.minimal();

    private static String markdown(RunResult result) {
        return MarkdownSummary.render(result, GateEvaluation.evaluate(result, List.of(), Bound.POINT));
    }

    @Test
    void aResultWithMultiStepTasksIsValidAndReadsBackTheSame() {
        assertThat(messages(tree(WITH_TASKS))).as("schema messages for a result with multi-step tasks").isEmpty();
        assertThat(RunResults.parse(RunResults.toJson(WITH_TASKS), "result.json").multiStep()).as("multi_step after a round trip")
                .isEqualTo(RunResultFixtures.multiStep());
    }

    @Test
    void aResultWrittenBeforeMultiStepTasksReadsWithoutThem() {
        var json = tree(WITHOUT_TASKS);
        json.remove("multi_step");

        assertThat(RunResults.parse(json.toString(), "old result.json").multiStep()).as("multi_step of a result that lacks the property")
                .isNull();
    }

    @Test
    void theMarkdownSummaryGivesTheWholeTaskFiguresBesideTheBaseline() {
        String md = markdown(WITH_TASKS);

        assertThat(md).as("the summary's multi-step section").contains("### Multi-step tool tasks")
                .contains("| IQ loss over whole tasks | 33.3% (95% CI -32% to 98%) |")
                .contains("| Model calls per task | 4.7 (baseline 3.0) |")
                .contains("| Tool calls per task | 2.3 |")
                .contains("| Wasted model calls | 4 |")
                .contains("| Cost per task | $0.005567 (baseline $0.0031) |")
                .contains("| Broken loops | 2 of 3: 1 resumed, 1 started over, 0 gave up |");
    }

    @Test
    void theMarkdownSummaryListsEachBrokenLoopWithWhereHowAndWhatCameNext() {
        String md = markdown(WITH_TASKS);

        assertThat(md).as("the broken loops table")
                .contains("| c-2 | primary-down | step 1 | 503 | resumed | 5 | 1.000 |")
                .contains("| c-3 | primary-down | step 2 | cut | started over | 6 | 0.000 |")
                .doesNotContain("| c-1 |");
    }

    @Test
    void aRunWithoutMultiStepTasksHasNoSuchSection() {
        assertThat(markdown(WITHOUT_TASKS)).as("summary of a run without multi-step tasks")
                .doesNotContain("Multi-step tool tasks");
        assertThat(HtmlReport.render(WITHOUT_TASKS)).as("HTML report of a run without multi-step tasks")
                .doesNotContain("id=\"multi-step\"");
    }

    @Test
    void theHtmlReportShowsTheFiguresAndTheBrokenLoops() {
        String html = HtmlReport.render(WITH_TASKS);
        String section = html.substring(html.indexOf("id=\"multi-step\""), html.indexOf("id=\"cost\""));

        assertThat(section).as("the HTML report's multi-step section")
                .contains("<td>Model calls per task</td><td>4.7</td><td>3.0</td>")
                .contains("2 (1 resumed, 1 started over, 0 gave up)")
                .contains("<td>c-3</td><td>primary-down</td><td>2</td><td>cut</td><td>started over</td>")
                .doesNotContain("<td>c-1</td>");
    }
}
