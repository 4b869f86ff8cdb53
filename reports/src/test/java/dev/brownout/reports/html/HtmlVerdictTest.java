package dev.brownout.reports.html;

import dev.brownout.reports.RunResultFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** report.html: the verdict's reason right under the verdict, before every figure; the phase verdicts; n/a checks. */
class HtmlVerdictTest {

    private final String html = HtmlReport.render(RunResultFixtures.full());

    @Test
    void theReasonFollowsTheVerdictBeforeAnyFigure() {
        int verdict = html.indexOf("class=\"verdict-label\"");
        int reason = html.indexOf("id=\"verdict-reason\"");

        assertThat(verdict).as("where the verdict is").isPositive();
        assertThat(reason).as("the reason comes after the verdict").isGreaterThan(verdict);
        assertThat(reason).as("and before the first figure").isLessThan(html.indexOf("id=\"figure-iq-loss\""));
        assertThat(HtmlReportTest.text(html)).as("the page's text")
                .contains("FAIL Conduct: a required check failed, or tasks the SUT did not answer hung past the budget"
                        + " Why: " + RunResultFixtures.REASON + " IQ loss");
    }

    @Test
    void eachFaultedPhaseHasARowWithItsVerdict() {
        assertThat(HtmlReportTest.text(html)).as("the page's text").contains("Verdict per faulted phase",
                "primary-down answer fail 81.7% of 60 100% answered 81.7% of 60 tasks");
        assertThat(html).as("the phase's row").contains("<tr class=\"phase-verdict-fail\">");
    }

    @Test
    void informationalAndNotApplicableChecksSayWhatTheyAre() {
        assertThat(HtmlReportTest.text(html)).as("the page's text")
                .contains("max_attempts_per_second informational 10 14 fail")
                .contains("claimed_model_matches required true n/a n/a needs a fallback");
        assertThat(html).as("the n/a row is marked for its own style").contains("<tr class=\"check-na\">");
    }
}
