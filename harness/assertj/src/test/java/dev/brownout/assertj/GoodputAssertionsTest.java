package dev.brownout.assertj;

import dev.brownout.reports.Estimate;
import dev.brownout.reports.Goodput;
import dev.brownout.reports.RunResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code hasGoodputLossBelow} on a run and on a phase: what passes, and what a failure says. */
class GoodputAssertionsTest {

    private static final Path REPORT = Path.of("/runs/2026-03-14-oauth-outage/report.html");
    private static final String RUN = "run of oauth-outage against litellm";

    /** A closed-model run: 88 correct answers in 12 s against 200, 120 of the baseline's 240 tasks never sent. */
    private static final Goodput HALF_THE_WORK = new Goodput(88, 12, 200L, 12.0, new Estimate(0.56, 0.4319, 0.6616),
            240L, 120);
    /** Every baseline task sent, 3 answers fewer right: 97 in 12 s against 100. */
    private static final Goodput ALL_SENT = new Goodput(97, 12, 100L, 12.0, new Estimate(0.03, -0.28, 0.27), 120L, 0);

    @Test
    void aRunsGoodputLossBelowItsThresholdPasses() {
        assertThatCode(() -> BrownoutAssertions.assertThat(Results.run().goodput(ALL_SENT).build()).hasGoodputLossBelow(0.05))
                .as("goodput loss 3%% against 5%%").doesNotThrowAnyException();
    }

    @Test
    void aRunsGoodputLossAboveItsThresholdFailsQuotingTheLossItsCountsAndTheTasksNeverSent() {
        RunResult result = Results.run().goodput(HALF_THE_WORK).build();

        assertThatThrownBy(() -> BrownoutAssertions.assertThat(result).reportedAt(REPORT).hasGoodputLossBelow(0.10))
                .as("goodput loss 56%% against 10%%").isInstanceOf(AssertionError.class)
                .hasMessage("\nExpecting goodput loss of " + RUN + ":\n  56% (95% CI 43.2% to 66.2%; 88 correct"
                        + " answers in 12s against 200 in 12s; 120 of 240 baseline tasks never sent)\nto be below:\n  10%"
                        + "\nReport: " + REPORT.toAbsolutePath());
    }

    @Test
    void aRunWhoseIqLossPassesCanStillFailOnTheWorkItNeverDid() {
        RunResult result = Results.run().goodput(HALF_THE_WORK).build();

        assertThatCode(() -> BrownoutAssertions.assertThat(result).hasIqLossBelow(0.05)).as("IQ loss 3%% over the paired tasks")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(result).hasGoodputLossBelow(0.05))
                .as("goodput loss 56%% counting the tasks never sent").isInstanceOf(AssertionError.class);
    }

    @Test
    void aRunWithoutABaselineFailsSayingThereIsNone() {
        RunResult result = Results.run().noBaseline().goodput(new Goodput(88, 12, null, null, null, null, 0)).build();

        assertThatThrownBy(() -> BrownoutAssertions.assertThat(result).hasGoodputLossBelow(0.10))
                .hasMessage("\nExpecting goodput loss of " + RUN + " to be below 10%, but it has no goodput loss: the run"
                        + " had no baseline (baseline mode none), and goodput loss is measured against one; run with a"
                        + " baseline");
    }

    @Test
    void aResultWrittenBeforeGoodputWasMeasuredFailsSayingSo() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(Results.run().build()).hasGoodputLossBelow(0.10))
                .hasMessageEndingWith("but it has no goodput loss: the result was written before goodput was measured");
    }

    @Test
    void aPhasesGoodputLossAboveItsThresholdFailsNamingThePhase() {
        Goodput slow = new Goodput(5, 1, 20L, 1.0, new Estimate(0.75, 0.3136, 0.9267), 20L, 15);
        RunResult result = Results.run().phases(Results.phase("oauth-down", slow)).build();

        assertThatThrownBy(() -> BrownoutAssertions.assertThat(result).phase("oauth-down").hasGoodputLossBelow(0.5))
                .hasMessage("\nExpecting goodput loss of phase oauth-down of " + RUN + ":\n  75% (95% CI 31.4% to"
                        + " 92.7%; 5 correct answers in 1s against 20 in 1s; 15 of 20 baseline tasks never sent)"
                        + "\nto be below:\n  50%");
    }

    @Test
    void aPhasesGoodputLossBelowItsThresholdPasses() {
        RunResult result = Results.run().phases(Results.phase("oauth-down", ALL_SENT)).build();

        assertThatCode(() -> BrownoutAssertions.assertThat(result).phase("oauth-down").hasGoodputLossBelow(0.05))
                .as("3%% against 5%%").doesNotThrowAnyException();
    }

    @Test
    void aPhaseTheRunNeverReachedFailsSayingItNeverPlayed() {
        RunResult result = Results.run().phases(Results.phase("oauth-down", new Goodput(0, 0, 20L, 1.0, null, 20L, 20)))
                .build();

        assertThatThrownBy(() -> BrownoutAssertions.assertThat(result).phase("oauth-down").hasGoodputLossBelow(0.5))
                .hasMessageEndingWith("but it has no goodput loss: the phase never played, so it has no rate of correct"
                        + " answers");
    }

    @Test
    void aThresholdThatIsNotAFractionIsTheTestsMistake() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(Results.run().build()).hasGoodputLossBelow(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the goodput loss to stay below is a fraction between 0 and 1 (0.05 for 5%), not 10.0");
    }

    @Test
    void softlyAFailedGoodputLossIsCollectedAndTheNextAssertionStillRuns() {
        BrownoutSoftAssertions softly = new BrownoutSoftAssertions();
        RunResult result = Results.run().goodput(HALF_THE_WORK).build();

        softly.assertThat(result).hasGoodputLossBelow(0.10).hasAvailabilityAtLeast(0.999);

        org.assertj.core.api.Assertions.assertThat(softly.assertionErrorsCollected()).as("errors collected").hasSize(2);
    }
}
