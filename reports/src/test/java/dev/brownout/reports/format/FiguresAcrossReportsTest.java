package dev.brownout.reports.format;

import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResultFixtures;
import dev.brownout.reports.compare.ComparisonHtml;
import dev.brownout.reports.compare.ComparisonMarkdown;
import dev.brownout.reports.compare.RunComparison;
import dev.brownout.reports.gate.Bound;
import dev.brownout.reports.gate.GateEvaluation;
import dev.brownout.reports.html.HtmlReport;
import dev.brownout.reports.markdown.MarkdownSummary;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One run rendered as summary.md, report.html and a comparison: its p99 latency, IQ loss and total cost must read
 * the same in each, as the shared {@link Figures} writes them.
 */
class FiguresAcrossReportsTest {

    /** The full fixture: p99 latency 2950 ms, IQ loss 0.229, total cost $0.0633. */
    private static final RunResult RUN = RunResultFixtures.full();

    private static final String P99 = Figures.millis(2_950);
    private static final String IQ_LOSS = Figures.percent(0.229);
    private static final String COST = Figures.usd(0.0633);

    @Test
    void theSharedFiguresAreTheOnesThisTestLooksFor() {
        assertThat(P99).as("p99 latency of the fixture").isEqualTo("2.95s");
        assertThat(IQ_LOSS).as("IQ loss of the fixture").isEqualTo("22.9%");
        assertThat(COST).as("total cost of the fixture").isEqualTo("$0.0633");
    }

    @Test
    void theMarkdownSummaryWritesTheSharedFigures() {
        String markdown = MarkdownSummary.render(RUN, GateEvaluation.evaluate(RUN, Bound.POINT));

        assertThat(found(markdown, "^\\| p99 latency \\| ([^ |]+) \\|")).as("p99 latency in summary.md").isEqualTo(P99);
        assertThat(found(markdown, "^\\| IQ loss \\| ([^ |]+)")).as("IQ loss in summary.md").isEqualTo(IQ_LOSS);
        assertThat(found(markdown, "^\\| Wasted spend \\| .* of ([^ )]+)\\)")).as("total cost in summary.md")
                .isEqualTo(COST);
    }

    @Test
    void theHtmlReportWritesTheSharedFigures() {
        String text = visibleText(HtmlReport.render(RUN));

        assertThat(found(text, "p99 latency (\\S+) p50")).as("p99 latency in report.html").isEqualTo(P99);
        assertThat(found(text, "IQ loss (\\S+) 95% interval")).as("IQ loss in report.html").isEqualTo(IQ_LOSS);
        assertThat(found(text, "Cost Total (\\S+)")).as("total cost in report.html").isEqualTo(COST);
    }

    @Test
    void theComparisonWritesTheSharedFiguresInMarkdownAndHtml() {
        RunComparison comparison = RunComparison.of(RUN, "before.json", RUN, "after.json");
        String markdown = ComparisonMarkdown.render(comparison);
        String html = visibleText(ComparisonHtml.render(comparison));

        assertThat(found(markdown, "^\\| p99 latency \\| ([^ |]+) \\|")).as("p99 latency in compare.md").isEqualTo(P99);
        assertThat(found(markdown, "^\\| IQ loss \\| ([^ |]+) \\|")).as("IQ loss in compare.md").isEqualTo(IQ_LOSS);
        assertThat(found(markdown, "^\\| Total cost \\| ([^ |]+) \\|")).as("total cost in compare.md").isEqualTo(COST);
        assertThat(found(html, " p99 latency (\\S+) ")).as("p99 latency in compare.html").isEqualTo(P99);
        assertThat(found(html, " IQ loss (\\S+) ")).as("IQ loss in compare.html").isEqualTo(IQ_LOSS);
        assertThat(found(html, " Total cost (\\S+) ")).as("total cost in compare.html").isEqualTo(COST);
    }

    private static String found(String text, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertThat(matcher.find()).as("a match for " + regex + " in:\n" + text).isTrue();
        return matcher.group(1);
    }

    /** The page's text as a reader sees it: no scripts, styles or tags, spaces collapsed. */
    private static String visibleText(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]+>", " ")
                .replace("&amp;", "&").replaceAll("\\s+", " ");
    }
}
