package dev.brownout.assertj;

import dev.brownout.reports.RunResult;
import dev.brownout.reports.gate.Bound;
import dev.brownout.reports.gate.GateEvaluation;
import dev.brownout.reports.gate.GateOutcome;
import dev.brownout.reports.gate.GateVerdict;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Gate assertions judge with the reports' gate evaluation, as {@code brownout gate} does: the scenario's gates or
 * gates written in the gate syntax, on the point estimate or the pessimistic bound, and an incomplete run never passes.
 */
class GateAssertionsTest {

    private static final Path REPORT = Path.of("/runs/2026-03-14-oauth-outage/report.html");
    private static final String RUN = "run of oauth-outage against litellm";

    @Test
    void aRunMeetingItsScenariosGatesPasses() {
        RunResult result = Results.run().gate("iq_loss", "< 5%").gate("availability", ">= 99%").build();

        assertThatCode(() -> BrownoutAssertions.assertThat(result).passesGates())
                .as("IQ loss 3%% < 5%%, availability 99.2%% >= 99%%").doesNotThrowAnyException();
    }

    @Test
    void aFailedScenarioGateFailsListingEveryGateAsTheCommandPrintsThem() {
        RunResult result = Results.run().gate("iq_loss", "< 2%").gate("availability", ">= 99%").build();

        assertThatThrownBy(() -> BrownoutAssertions.assertThat(result).reportedAt(REPORT).passesGates())
                .as("IQ loss 3%% against a gate of < 2%%")
                .hasMessage("\nExpecting " + RUN + " to pass its gates, judged on the point estimate as brownout gate"
                        + " judges them, but the verdict is FAIL (brownout gate exits 1):\n"
                        + "  gate FAILED: iq_loss 3% (95% CI 1% to 5.5%) is not < 2%\n"
                        + "  gate passed: availability 99.2% is >= 99%\n"
                        + "Report: " + REPORT.toAbsolutePath());
    }

    @Test
    void theVerdictIsTheGateEvaluationsOwnForEveryKindOfResult() {
        List<RunResult> results = List.of(
                Results.run().gate("iq_loss", "< 5%").build(),
                Results.run().gate("iq_loss", "< 2%").build(),
                Results.run().noBaseline().gate("iq_loss", "< 50%").build(),
                Results.run().gate("cost_amplification", "< 1.3").incomplete("stopped by a signal").build(),
                Results.run().build());

        for (RunResult result : results) {
            boolean passes = GateEvaluation.evaluate(result, Bound.POINT).verdict(result) == GateVerdict.PASS;
            AssertionError failure = catchThrowableOfType(AssertionError.class,
                    () -> BrownoutAssertions.assertThat(result).passesGates());
            assertThat(failure == null).as("passesGates() passed for gates %s, completed %s", result.gates(),
                    result.completed()).isEqualTo(passes);
            if (failure != null) {
                List<String> lines = GateEvaluation.evaluate(result, Bound.POINT).outcomes().stream()
                        .map(GateOutcome::message).toList();
                assertThat(failure.getMessage()).as("the failure quotes the evaluation's own sentences").contains(lines);
            }
        }
    }

    @Test
    void aGateOnAFigureTheRunCouldNotGiveFails() {
        RunResult result = Results.run().noBaseline().gate("iq_loss", "< 50%").build();

        assertThatThrownBy(() -> BrownoutAssertions.assertThat(result).passesGates()).as("an IQ loss gate without a baseline")
                .hasMessageContaining("gate FAILED: iq_loss is unknown, so < 50% fails: the run had no baseline");
    }

    @Test
    void anIncompleteRunFailsItsGatesEvenWhenEveryGateHolds() {
        RunResult result = Results.run().gate("iq_loss", "< 5%").incomplete("stopped by a signal (Ctrl-C or SIGTERM)").build();

        assertThatThrownBy(() -> BrownoutAssertions.assertThat(result).passesGates()).as("a run stopped early")
                .hasMessageContaining("but the verdict is INCOMPLETE (brownout gate exits 3)")
                .hasMessageContaining("gate passed: iq_loss 3%")
                .hasMessageEndingWith("the run is incomplete: stopped by a signal (Ctrl-C or SIGTERM)");
    }

    @Test
    void aScenarioWithoutGatesPassesAsTheCommandExitsZeroForIt() {
        assertThatCode(() -> BrownoutAssertions.assertThat(Results.run().build()).passesGates())
                .as("a completed run whose scenario declares no gates").doesNotThrowAnyException();
    }

    @Test
    void thePessimisticBoundJudgesTheWorseEndOfTheInterval() {
        RunResult result = Results.run().gate("iq_loss", "< 5%").build();

        assertThatCode(() -> BrownoutAssertions.assertThat(result).passesGates()).as("point estimate 3%% < 5%%")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(result).usingPessimisticBound().passesGates())
                .as("upper end 5.5%% against < 5%%")
                .hasMessageContaining("judged on the worse end of each interval")
                .hasMessageContaining("gate FAILED: iq_loss 3% (95% CI 1% to 5.5%): its upper bound 5.5% is not < 5%");
    }

    @Test
    void aGateWrittenInTheGateSyntaxIsJudgedLikeAGatesFile() {
        RunResult result = Results.run().build();

        assertThatCode(() -> BrownoutAssertions.assertThat(result).passesGate("cost_amplification < 1.3"))
                .as("amplification 1.12 against < 1.3").doesNotThrowAnyException();
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(result).passesGate("cost_amplification < 1.1"))
                .as("amplification 1.12 against < 1.1")
                .hasMessage("\nExpecting " + RUN + " to pass the gate cost_amplification < 1.1, judged on the point"
                        + " estimate as brownout gate judges them, but the verdict is FAIL (brownout gate exits 1):\n"
                        + "  gate FAILED: cost_amplification 1.12× is not < 1.1");
    }

    @Test
    void severalGatesAreJudgedTogether() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(Results.run().build())
                .passesGates("availability >= 99%", "security_findings == 0", "p99_latency < 2s"))
                .as("p99 2.95 s against < 2s among gates that hold")
                .hasMessageContaining("to pass the gates availability >= 99%, security_findings == 0, p99_latency < 2s")
                .hasMessageContaining("gate passed: availability 99.2% is >= 99%")
                .hasMessageContaining("gate passed: security_findings 0 is == 0")
                .hasMessageContaining("gate FAILED: p99_latency 2.95s is not < 2s");
    }

    @Test
    void aDurationGateIsScaledToTheClockTheRunPlayedOn() {
        RunResult quarterSpeed = Results.run().timeScale(0.25).build();

        assertThatThrownBy(() -> BrownoutAssertions.assertThat(quarterSpeed).passesGate("p99_latency < 8s"))
                .as("p99 2.95 s against < 8s on a clock a quarter as long, so < 2s")
                .hasMessageContaining("the gate p99_latency < 2s (durations scaled to the run's clock, time scale 0.25)")
                .hasMessageContaining("gate FAILED: p99_latency 2.95s is not < 2s");
        assertThatCode(() -> BrownoutAssertions.assertThat(Results.run().build()).passesGate("p99_latency < 8s"))
                .as("the same gate on a run at time scale 1").doesNotThrowAnyException();
    }

    @Test
    void aGateThatDoesNotParseIsTheTestsMistakeAndSaysWhatIsValid() {
        RunResultAssert run = BrownoutAssertions.assertThat(Results.run().build());

        assertThatThrownBy(() -> run.passesGate("iq_los < 5%")).as("a misspelt metric")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("gate 'iq_los < 5%': 'iq_los' is not a gate metric; known: iq_loss, availability");
        assertThatThrownBy(() -> run.passesGate("iq_loss")).as("a metric without a condition")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("write a metric and a condition");
        assertThatThrownBy(() -> run.passesGate("p99_latency < 5%")).as("a percentage for a duration")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes a duration like \"< 8s\"");
        assertThatThrownBy(() -> run.passesGates(new String[0])).as("an empty array of gates")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no gates given");
    }
}
