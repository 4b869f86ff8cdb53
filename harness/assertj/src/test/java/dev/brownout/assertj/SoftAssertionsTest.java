package dev.brownout.assertj;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.Verdict;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Soft assertions collect every failure, navigation included, and report them all at the end. */
class SoftAssertionsTest {

    private static final Path REPORT = Path.of("/runs/2026-03-14-oauth-outage/report.html");

    /** A user's own soft assertions: AssertJ's and Brownout's in one class. */
    public static class MixedSoftAssertions extends SoftAssertions implements BrownoutSoftAssertionsProvider {
    }

    private static List<String> messages(BrownoutSoftAssertions softly) {
        return softly.errorsCollected().stream().map(Throwable::getMessage).toList();
    }

    @Test
    void twoFailuresAreBothCollectedAndBothReported() {
        BrownoutSoftAssertions softly = new BrownoutSoftAssertions();
        RunResult result = Results.run().availability(0.9).build();

        softly.assertThat(result).hasIqLossBelow(0.02).hasAvailabilityAtLeast(0.99).hasVerdict(Verdict.PASS);

        assertThat(messages(softly)).as("the failures collected; the verdict held").hasSize(2)
                .anySatisfy(message -> assertThat(message).contains("IQ loss of run of oauth-outage", "3% (95% CI 1% to 5.5%)"))
                .anySatisfy(message -> assertThat(message).contains("availability of run of oauth-outage", "90%"));
        assertThatThrownBy(softly::assertAll).as("assertAll after two failures")
                .hasMessageContaining("Multiple Failures (2 failures)")
                .hasMessageContaining("to be below:\n  2%").hasMessageContaining("to be at least:\n  99%");
    }

    @Test
    void navigationIsSoftAndItsAssertionsCollectIntoTheSamePlace() {
        BrownoutSoftAssertions softly = new BrownoutSoftAssertions();
        RunResult result = Results.run().build();

        softly.assertThat(result).phase("oauth-down").hasIqLossBelow(0.1).hasAvailabilityAtLeast(0.5);
        softly.assertThat(result).costAmplification().isLessThan(1.0);

        assertThat(messages(softly)).as("a phase's IQ loss and the cost amplification, both collected").hasSize(2)
                .anySatisfy(message -> assertThat(message).contains("IQ loss of phase oauth-down", "18%"))
                .anySatisfy(message -> assertThat(message).contains("[cost amplification of run of oauth-outage", "1.12"));
    }

    @Test
    void aMissingPhaseIsCollectedAndTheAssertionsOnItFailSayingWhy() {
        BrownoutSoftAssertions softly = new BrownoutSoftAssertions();

        softly.assertThat(Results.run().build()).reportedAt(REPORT).phase("recovery").hasIqLossBelow(0.1);

        // soft assertions add the line that failed after each message
        assertThat(messages(softly)).as("the missing phase, then the assertion chained on it").satisfiesExactly(
                first -> assertThat(first).startsWith("\nExpecting run of oauth-outage against litellm to have a phase"
                        + " named:\n  \"recovery\"\nbut its phases are:\n  steady, oauth-down\nReport: "
                        + REPORT.toAbsolutePath()),
                second -> assertThat(second).startsWith("\nExpecting phase \"recovery\" of run of oauth-outage against"
                        + " litellm to have an IQ loss below 10%, but the run has no phase named \"recovery\"\nReport: "
                        + REPORT.toAbsolutePath()));
    }

    @Test
    void aMissingCostAmplificationIsCollectedAndTheAssertionOnItFailsNamingTheReason() {
        BrownoutSoftAssertions softly = new BrownoutSoftAssertions();

        softly.assertThat(Results.run().noBaseline().build()).costAmplification().isLessThan(1.3);

        assertThat(messages(softly)).as("the missing figure, then the assertion chained on it").hasSize(2)
                .first().asString().contains("to have a cost amplification, but it has none: the run had no baseline");
        assertThat(messages(softly).get(1)).as("the chained assertion on the missing figure")
                .contains("(none: the run had no baseline, so there is no baseline cost to compare with)")
                .contains("Expecting actual not to be null");
    }

    @Test
    void ledgerAssertionsAreSoftToo() {
        BrownoutSoftAssertions softly = new BrownoutSoftAssertions();
        Calls calls = new Calls();
        List<ProviderCall> ledger = List.of(calls.refusal("primary", "t-2", 0, 429, 2_000),
                calls.call("primary", "t-2", 60, 429), calls.call("primary", "t-2", 120, 200));

        softly.assertThat(ledger).hasAtMostAttemptsPerTask(2).honouredRetryAfter().hasNoCredentialLeaks();

        assertThat(messages(softly)).as("too many attempts and an early retry, no leak").hasSize(2)
                .anySatisfy(message -> assertThat(message).contains("task t-2 made 3 calls to primary"))
                .anySatisfy(message -> assertThat(message).contains("task t-2 called primary again 50ms after a 429"));
    }

    @Test
    void assertSoftlyReportsEveryFailureAtTheEnd() {
        RunResult result = Results.run().build();

        assertThatThrownBy(() -> BrownoutSoftAssertions.assertSoftly(softly -> {
            softly.assertThat(result).hasIqLossBelow(0.02);
            softly.assertThat(result).phase("oauth-down").hasIqLossBelow(0.1);
        })).as("two failures in assertSoftly").hasMessageContaining("Multiple Failures (2 failures)")
                .hasMessageContaining("IQ loss of run of oauth-outage").hasMessageContaining("IQ loss of phase oauth-down");
    }

    @Test
    void assertSoftlyPassesWhenEverythingHolds() {
        RunResult result = Results.run().build();

        assertThatCode(() -> BrownoutSoftAssertions.assertSoftly(softly -> {
            softly.assertThat(result).hasIqLossBelow(0.05).isCompleted();
            softly.assertThat(result).phase("steady").hasAvailabilityAtLeast(0.99);
        })).as("assertions that all hold").doesNotThrowAnyException();
    }

    @Test
    void theProviderMixesIntoAssertJsOwnSoftAssertions() {
        RunResult result = Results.run().build();
        List<ProviderCall> ledger = List.of(new Calls().call("primary", "t-1", 0, 200));

        assertThatThrownBy(() -> SoftAssertionsProvider.assertSoftly(MixedSoftAssertions.class, softly -> {
            softly.assertThat(result).phase("oauth-down").hasIqLossBelow(0.1);
            softly.assertThat(List.of("steady", "oauth-down")).contains("recovery");
            softly.assertThat(ledger).hasAtMostAttemptsPerTask(1);
        })).as("a Brownout failure and an AssertJ failure from one soft assertions class; the ledger held")
                .hasMessageContaining("Multiple Failures (2 failures)")
                .hasMessageContaining("IQ loss of phase oauth-down").hasMessageContaining("recovery");
    }
}
