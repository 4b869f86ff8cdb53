package dev.brownout.reports.compare;

import dev.brownout.reports.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** compare.md and compare.html start with both runs' conduct verdicts and their reasons. */
class ComparisonVerdictTest {

    private final RunComparison comparison = RunComparison.of(Runs.run().verdict(Verdict.PASS, "every check held").build(),
            "A.json", Runs.run().verdict(Verdict.SAFE, "phase down: answered 0% of 20 tasks").build(), "B.json");

    @Test
    void markdownGivesBothVerdictsAndReasonsRightAfterTheTitle() {
        String markdown = ComparisonMarkdown.render(comparison);

        assertThat(markdown).as("compare.md").startsWith("""
                # A.json → B.json

                **Conduct verdict: pass → safe**

                - Before: every check held
                - After: phase down: answered 0% of 20 tasks

                """);
    }

    @Test
    void htmlGivesBothVerdictsAndReasonsRightAfterTheTitle() {
        String html = ComparisonHtml.render(comparison);
        int title = html.indexOf("<h1>");

        assertThat(html.indexOf("Conduct verdict: pass → safe")).as("the verdicts come after the title")
                .isGreaterThan(title).isLessThan(html.indexOf("Scenario "));
        assertThat(html).as("compare.html").contains("<li>Before: every check held</li>",
                "<li>After: phase down: answered 0% of 20 tasks</li>");
    }

    @Test
    void aRunWithoutAVerdictSaysSo() {
        RunComparison unjudged = RunComparison.of(Runs.run().verdict(null, null).build(), "A.json",
                Runs.run().verdict(Verdict.PASS, "fine").build(), "B.json");

        assertThat(ComparisonMarkdown.render(unjudged)).as("compare.md")
                .contains("**Conduct verdict: no verdict → pass**", "- Before: no reason was recorded");
    }
}
