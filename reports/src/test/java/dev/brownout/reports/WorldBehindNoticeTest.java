package dev.brownout.reports;

import dev.brownout.reports.gate.Bound;
import dev.brownout.reports.gate.GateEvaluation;
import dev.brownout.reports.gate.GateReport;
import dev.brownout.reports.gate.ResultCopies;
import dev.brownout.reports.html.HtmlReport;
import dev.brownout.reports.junit.JunitXml;
import dev.brownout.reports.markdown.MarkdownSummary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A world that fell behind its own schedule is said first in every report; one that kept it, in none. */
class WorldBehindNoticeTest {

    private static final String REASON = "provider primary's first tokens were late by 80.0 ms at p99";

    private static WorldSchedule world(boolean behind) {
        Latency lateness = new Latency(100, 10.0, 40.0, behind ? 80.0 : 4.0, 90.0);
        return new WorldSchedule(behind, behind ? REASON : null, 20.625, lateness.p99Ms(),
                List.of(new ProviderLateness("primary", lateness, Latency.EMPTY)), List.of(),
                new WorldCpu(4.0, 10.0, 2, 0.2, "the harness's JVM"));
    }

    private static final RunResult BEHIND = ResultCopies.withWorld(RunResultFixtures.full(), world(true));
    private static final RunResult ON_SCHEDULE = ResultCopies.withWorld(RunResultFixtures.full(), world(false));

    private static GateReport noGates(RunResult result) {
        return GateEvaluation.evaluate(result, List.of(), Bound.POINT);
    }

    @Test
    void theMarkdownSummarySaysSoRightUnderItsTitleBeforeTheVerdict() {
        String markdown = MarkdownSummary.render(BEHIND, noGates(BEHIND));

        int notice = markdown.indexOf("The fake world fell behind its own schedule");
        assertThat(notice).as("the notice is in the summary").isPositive();
        assertThat(notice).as("the notice comes before the conduct verdict")
                .isLessThan(markdown.indexOf("Conduct verdict"));
        assertThat(markdown).as("the notice gives the reason").contains(REASON);
    }

    @Test
    void theHtmlReportShowsItAsTheFirstBanner() {
        String html = HtmlReport.render(BEHIND);

        int banner = html.indexOf("id=\"world-behind\"");
        assertThat(banner).as("the world-behind banner is in the report").isPositive();
        assertThat(banner).as("before the verdict section").isLessThan(html.indexOf("id=\"verdict\""));
        assertThat(html).as("the banner gives the reason").contains("first tokens were late by 80.0 ms at p99");
    }

    @Test
    void theJunitXmlCarriesItAsTheSuitesFirstProperty() {
        String xml = JunitXml.write(BEHIND, noGates(BEHIND));

        int property = xml.indexOf("name=\"brownout.world_behind\"");
        assertThat(property).as("the property is in the suite").isPositive();
        assertThat(property).as("before the conduct verdict property")
                .isLessThan(xml.indexOf("name=\"brownout.conduct_verdict\""));
    }

    @Test
    void theHtmlAndMarkdownFiguresShowTheWorstLatenessAgainstItsBound() {
        String html = HtmlReport.render(ON_SCHEDULE);
        String figure = html.substring(html.indexOf("id=\"figure-world-lateness\""),
                html.indexOf("</div>\n    </div>", html.indexOf("id=\"figure-world-lateness\"")));
        String markdown = MarkdownSummary.render(BEHIND, noGates(BEHIND));

        assertThat(figure).as("the HTML figure: worst p99 of 4 ms against a 20.6 ms bound")
                .contains(">4ms<").contains("bound 21ms").contains("kept its schedule");
        assertThat(markdown).as("the Markdown figures row").contains("| World lateness p99 | 80")
                .contains("the world fell behind");
    }

    @Test
    void aWorldThatKeptItsScheduleIsNotMentionedAsBehind() {
        assertThat(MarkdownSummary.render(ON_SCHEDULE, noGates(ON_SCHEDULE)))
                .as("markdown").doesNotContain("fell behind");
        assertThat(HtmlReport.render(ON_SCHEDULE)).as("html").doesNotContain("id=\"world-behind\"");
        assertThat(JunitXml.write(ON_SCHEDULE, noGates(ON_SCHEDULE))).as("junit xml").doesNotContain("world_behind");
    }
}
