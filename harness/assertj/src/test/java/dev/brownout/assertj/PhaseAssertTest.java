package dev.brownout.assertj;

import dev.brownout.reports.Estimate;
import dev.brownout.reports.RunResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A run's phases, reached by name: their figures, and a name the run does not have. */
class PhaseAssertTest {

    private static final Path REPORT = Path.of("/runs/2026-03-14-oauth-outage/report.html");
    private static final String PHASE = "phase oauth-down of run of oauth-outage against litellm";

    private static PhaseAssert oauthDown(RunResult result) {
        return BrownoutAssertions.assertThat(result).reportedAt(REPORT).phase("oauth-down");
    }

    @Test
    void aPhasesIqLossAboveItsThresholdFailsNamingThePhaseTheRunAndTheReport() {
        assertThatThrownBy(() -> oauthDown(Results.run().build()).hasIqLossBelow(0.10)).as("IQ loss 18%% against 10%%")
                .hasMessage("\nExpecting IQ loss of " + PHASE + ":\n  18% (95% CI 12% to 24%)\nto be below:\n  10%"
                        + "\nReport: " + REPORT.toAbsolutePath());
    }

    @Test
    void aPhasesFiguresWithinTheirThresholdsPass() {
        assertThatCode(() -> oauthDown(Results.run().build()).hasIqLossBelow(0.2).hasIqLossUpperBoundBelow(0.25)
                .hasAvailabilityAtLeast(0.8).hasP99Below(Duration.ofSeconds(5)))
                .as("IQ loss 18%% (to 24%%), availability 81%%, p99 4.1 s").doesNotThrowAnyException();
    }

    @Test
    void theUpperBoundOfAPhasesIntervalFailsQuotingTheInterval() {
        assertThatThrownBy(() -> oauthDown(Results.run().build()).hasIqLossUpperBoundBelow(0.2))
                .as("upper end 24%% against 20%%")
                .hasMessageContaining("IQ loss of " + PHASE + ", judged on the upper end of its 95% interval:\n"
                        + "  24% (IQ loss 18%, 95% CI 12% to 24%)\nto be below:\n  20%");
    }

    @Test
    void aPhasesAvailabilityBelowItsThresholdFails() {
        assertThatThrownBy(() -> oauthDown(Results.run().build()).hasAvailabilityAtLeast(0.95))
                .as("availability 81%% against 95%%")
                .hasMessage("\nExpecting availability of " + PHASE + ":\n  81% (32 answered, 40 exchanges in the phase)\n"
                        + "to be at least:\n  95%\nReport: " + REPORT.toAbsolutePath());
    }

    @Test
    void aPhasesP99AboveItsThresholdFails() {
        assertThatThrownBy(() -> oauthDown(Results.run().build()).hasP99Below(Duration.ofSeconds(4)))
                .as("p99 4.1 s against 4 s")
                .hasMessageContaining("p99 latency of " + PHASE + ":\n  4.1s (end to end, over 40 answers)\nto be below:\n  4s");
    }

    @Test
    void aPhaseWithoutAnIqLossInARunWithABaselineSaysNothingCouldBeCompared() {
        RunResult result = Results.run().phases(Results.phase("oauth-down", null, 0.0, null)).build();

        assertThatThrownBy(() -> oauthDown(result).hasIqLossBelow(0.1)).as("a phase with no paired task")
                .hasMessageContaining("but it has no IQ loss: nothing in the phase could be compared with the baseline");
    }

    @Test
    void aPhaseOfARunWithoutABaselineHasNoIqLossAndSaysWhy() {
        RunResult result = Results.run().noBaseline().phases(Results.phase("oauth-down", null, 0.5, 900.0)).build();

        assertThatThrownBy(() -> oauthDown(result).hasIqLossBelow(0.1)).as("a phase of a run with baseline mode none")
                .hasMessageContaining("but it has no IQ loss: the run had no baseline (baseline mode none)");
    }

    @Test
    void aPhaseWhereNothingWasAnsweredHasNoLatency() {
        RunResult result = Results.run().phases(Results.phase("oauth-down", null, 0.0, null)).build();

        assertThatThrownBy(() -> oauthDown(result).hasP99Below(Duration.ofSeconds(8))).as("no answer in the phase")
                .hasMessageContaining("but it has none: nothing was answered in the phase, so there is no latency");
    }

    @Test
    void anUnknownPhaseFailsListingThePhasesThereAre() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(Results.run().build()).phase("recovery"))
                .as("a phase name the run does not have")
                .hasMessage("\nExpecting run of oauth-outage against litellm to have a phase named:\n  \"recovery\"\n"
                        + "but its phases are:\n  steady, oauth-down");
    }

    @Test
    void aRunWithoutPhasesSaysSo() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(Results.run().phases().build()).phase("steady"))
                .as("a run that measured no phase").hasMessageEndingWith("but it has no measured phase");
    }

    @Test
    void theRunsDescriptionCarriesOverToItsPhase() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(Results.run().build()).as("nightly").phase("oauth-down")
                .hasIqLossBelow(0.1)).as("a failure on a phase of a described run")
                .hasMessageStartingWith("[nightly] \nExpecting IQ loss of " + PHASE);
    }

    @Test
    void aBlankPhaseNameIsTheTestsMistake() {
        RunResultAssert run = BrownoutAssertions.assertThat(Results.run().build());

        assertThatThrownBy(() -> run.phase(" ")).as("phase(\" \")").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a phase name is needed");
        assertThatThrownBy(() -> run.phase(null)).as("phase(null)").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not null");
    }

    @Test
    void aPhaseOnItsOwnIsNamedAsAPhaseOfTheRun() {
        assertThatThrownBy(() -> new PhaseAssert(Results.phase("steady", new Estimate(0.3, 0.2, 0.4), 1.0, 100.0))
                .hasIqLossBelow(0.1)).as("a phase result asserted without its run")
                .hasMessageStartingWith("\nExpecting IQ loss of phase steady of the run:\n  30%");
    }
}
