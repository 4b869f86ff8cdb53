package dev.brownout.reports.gate;

import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResultFixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GateVerdictTest {

    private static final RunResult COMPLETED = ResultCopies.completed(RunResultFixtures.full());
    private static final Gate HELD = Gate.parse("iq_loss", "< 50%");
    private static final Gate MISSED = Gate.parse("iq_loss", "< 5%");

    @Test
    void aCompletedRunWhoseGatesAllPassIsPassWithExitCodeZero() {
        GateVerdict verdict = GateEvaluation.evaluate(COMPLETED, List.of(HELD), Bound.POINT).verdict(COMPLETED);

        assertThat(verdict).isEqualTo(GateVerdict.PASS);
        assertThat(verdict.exitCode()).isZero();
    }

    @Test
    void aCompletedRunWithAFailedGateIsFailWithExitCodeOne() {
        GateVerdict verdict = GateEvaluation.evaluate(COMPLETED, List.of(HELD, MISSED), Bound.POINT).verdict(COMPLETED);

        assertThat(verdict).isEqualTo(GateVerdict.FAIL);
        assertThat(verdict.exitCode()).isEqualTo(1);
    }

    @Test
    void aCompletedRunWithAnUnknownGateIsFail() {
        RunResult noBaseline = ResultCopies.completed(RunResultFixtures.minimal());

        GateVerdict verdict = GateEvaluation.evaluate(noBaseline, List.of(HELD), Bound.POINT).verdict(noBaseline);

        assertThat(verdict).isEqualTo(GateVerdict.FAIL);
    }

    @Test
    void anIncompleteRunIsIncompleteWithExitCodeThreeEvenWhenEveryGatePasses() {
        RunResult stopped = RunResultFixtures.full();

        GateVerdict verdict = GateEvaluation.evaluate(stopped, List.of(HELD), Bound.POINT).verdict(stopped);

        assertThat(verdict).isEqualTo(GateVerdict.INCOMPLETE);
        assertThat(verdict.exitCode()).isEqualTo(3);
    }

    @Test
    void aCompletedRunWithoutGatesPasses() {
        GateVerdict verdict = GateEvaluation.evaluate(COMPLETED, List.of(), Bound.POINT).verdict(COMPLETED);

        assertThat(verdict).isEqualTo(GateVerdict.PASS);
    }
}
