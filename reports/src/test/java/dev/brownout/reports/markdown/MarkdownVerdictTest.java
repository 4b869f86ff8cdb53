package dev.brownout.reports.markdown;

import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResultFixtures;
import dev.brownout.reports.gate.Bound;
import dev.brownout.reports.gate.GateEvaluation;
import dev.brownout.reports.gate.GateFile;
import dev.brownout.reports.gate.ResultCopies;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** summary.md: the conduct verdict and its reason right under the title, each phase's verdict, unscored checks. */
class MarkdownVerdictTest {

    private static final RunResult COMPLETED = ResultCopies.completed(RunResultFixtures.full());

    private static String render(RunResult result) {
        return MarkdownSummary.render(result, GateEvaluation.evaluate(result,
                GateFile.parse("{\"p99_latency\": \"< 8s\"}", "gates.json"), Bound.POINT));
    }

    @Test
    void theConductVerdictAndItsReasonComeRightAfterTheTitle() {
        List<String> blocks = List.of(render(COMPLETED).split("\n\n"));

        assertThat(blocks.get(1)).as("the block after the title")
                .isEqualTo("**Conduct verdict: fail** — " + RunResultFixtures.REASON);
    }

    @Test
    void eachFaultedPhaseHasARowWithItsVerdictAndWhy() {
        String markdown = render(COMPLETED);

        assertThat(markdown).as("summary.md").contains("### Verdict per faulted phase",
                "| Phase | Expected | Verdict | Answered | Baseline | Why |",
                "| primary-down | answer | fail | 81.7% of 60 | 100% | answered 81.7% of 60 tasks against the baseline's"
                        + " 100%; required check retry_after_honoured failed |");
    }

    @Test
    void informationalAndNotApplicableChecksAreListedApartFromTheFailedOnes() {
        String markdown = render(COMPLETED);
        String failed = markdown.substring(markdown.indexOf("### Failed conduct checks"),
                markdown.indexOf("### Checks not scored"));

        assertThat(failed).as("the failed checks").contains("retry_after_honoured (required)")
                .doesNotContain("max_attempts_per_second").doesNotContain("claimed_model_matches");
        assertThat(markdown).as("summary.md").contains(
                "- max_attempts_per_second (informational, fail): expected 10, observed 14. primary saw 14 calls",
                "- claimed_model_matches (required, n/a): needs a fallback, which litellm declares it does not have");
    }
}
