package dev.brownout.assertj;

import dev.brownout.reports.Estimate;
import dev.brownout.reports.MultiStep;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.TaskLoop;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The assertions on a run's multi-step tool tasks: whole-task IQ loss, and loops given up. */
class MultiStepAssertionsTest {

    private static final String RUN = "run of oauth-outage against litellm";

    private static final TaskLoop WHOLE = new TaskLoop("c-1", "steady", 1, 3, 2, 0, 0.003, null, null, null);
    private static final TaskLoop RESUMED = new TaskLoop("c-2", "oauth-down", 1, 4, 2, 1, 0.003, 1, "503",
            TaskLoop.RESUMED);
    private static final TaskLoop GAVE_UP = new TaskLoop("c-3", "oauth-down", 0, 2, 1, 1, 0.001, 1, "529",
            TaskLoop.GAVE_UP);

    private static RunResult withLoops(Estimate loss, TaskLoop... loops) {
        long gaveUp = List.of(loops).stream().filter(loop -> TaskLoop.GAVE_UP.equals(loop.recovery())).count();
        long resumed = List.of(loops).stream().filter(loop -> TaskLoop.RESUMED.equals(loop.recovery())).count();
        MultiStep tasks = new MultiStep(loops.length, 0.67, loss == null ? null : 1.0, loss, 3, 3.0, 1.7, 2, 0.0023,
                0.003, (int) (gaveUp + resumed), (int) resumed, 0, (int) gaveUp, List.of(loops));
        return Results.run().multiStep(tasks).build();
    }

    @Test
    void aWholeTaskIqLossBelowItsThresholdPasses() {
        assertThatCode(() -> BrownoutAssertions.assertThat(withLoops(new Estimate(0.04, 0.01, 0.08), WHOLE, RESUMED))
                .hasWholeTaskIqLossBelow(0.05)).as("whole-task IQ loss 4%% against 5%%").doesNotThrowAnyException();
    }

    @Test
    void aWholeTaskIqLossAboveItsThresholdFailsQuotingIt() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(withLoops(new Estimate(0.33, 0.1, 0.6), WHOLE, GAVE_UP))
                .hasWholeTaskIqLossBelow(0.05)).as("whole-task IQ loss 33%% against 5%%")
                .isInstanceOf(AssertionError.class)
                .hasMessage("\nExpecting IQ loss of the multi-step tool tasks of " + RUN
                        + ":\n  33% (95% CI 10% to 60%)\nto be below:\n  5%");
    }

    @Test
    void aRunWithoutMultiStepTasksFailsTheirAssertionsSayingSo() {
        RunResult single = Results.run().build();

        assertThatThrownBy(() -> BrownoutAssertions.assertThat(single).hasWholeTaskIqLossBelow(0.05))
                .as("whole-task IQ loss of a run without multi-step tasks").isInstanceOf(AssertionError.class)
                .hasMessageContaining("sent no multi-step tool task");
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(single).hasNoLoopGivenUp())
                .as("loops given up in a run without multi-step tasks").isInstanceOf(AssertionError.class)
                .hasMessageContaining("sent no multi-step tool task");
    }

    @Test
    void loopsThatWereResumedOrWholePassHasNoLoopGivenUp() {
        assertThatCode(() -> BrownoutAssertions.assertThat(withLoops(null, WHOLE, RESUMED)).hasNoLoopGivenUp())
                .as("a whole loop and a resumed one").doesNotThrowAnyException();
    }

    @Test
    void aLoopGivenUpFailsNamingItsTaskStepAndFailure() {
        assertThatThrownBy(() -> BrownoutAssertions.assertThat(withLoops(null, WHOLE, RESUMED, GAVE_UP))
                .hasNoLoopGivenUp()).as("one of three loops given up").isInstanceOf(AssertionError.class)
                .hasMessage("\nExpecting no multi-step tool task of " + RUN + " to be given up after a failed model "
                        + "call, but 1 of 3 were:\n  c-3 broke at step 1 (529) and made no call after it");
    }
}
