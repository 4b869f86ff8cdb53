package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.reports.TaskLoop;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoopTraceTest {

    private static LoopCall tool(int step, String tool) {
        return new LoopCall(step, tool, 200, CallOutcome.COMPLETE, new BigDecimal("0.001"));
    }

    private static LoopCall answer(int step) {
        return new LoopCall(step, null, 200, CallOutcome.COMPLETE, new BigDecimal("0.002"));
    }

    private static LoopCall refused(int step, int status) {
        return new LoopCall(step, null, status, CallOutcome.ERROR, BigDecimal.ZERO);
    }

    private static LoopCall cut(int step) {
        return new LoopCall(step, null, 200, CallOutcome.CUT, new BigDecimal("0.0005"));
    }

    @Test
    void aWholeLoopWastesNothingAndIsNotBroken() {
        LoopTrace trace = LoopTrace.of(List.of(tool(0, "find_customer"), tool(1, "latest_order"), answer(2)));

        assertThat(trace.modelCalls()).as("model calls").isEqualTo(3);
        assertThat(trace.toolCalls()).as("tool calls the model asked for").isEqualTo(2);
        assertThat(trace.wastedCalls()).as("wasted calls").isZero();
        assertThat(trace.brokenAtStep()).as("broken at").isNull();
        assertThat(trace.recovery()).as("recovery").isNull();
        assertThat(trace.costUsd()).as("cost: 0.001 + 0.001 + 0.002").isEqualByComparingTo("0.004");
    }

    @Test
    void aFailedCallRetriedAtTheSameStepResumedTheLoop() {
        LoopTrace trace = LoopTrace.of(List.of(tool(0, "a"), refused(1, 503), tool(1, "b"), answer(2)));

        assertThat(trace.brokenAtStep()).as("the step of the first failed call").isEqualTo(1);
        assertThat(trace.brokenBy()).as("how it failed").isEqualTo("503");
        assertThat(trace.recovery()).as("what came next").isEqualTo(TaskLoop.RESUMED);
        assertThat(trace.wastedCalls()).as("the refused call is the only waste").isEqualTo(1);
    }

    @Test
    void aCallBackAtAnEarlierStepAfterTheFailureStartedTheTaskOver() {
        LoopTrace trace = LoopTrace.of(List.of(tool(0, "a"), tool(1, "b"), cut(2), tool(0, "a"), tool(1, "b"),
                answer(2)));

        assertThat(trace.brokenAtStep()).as("broken at").isEqualTo(2);
        assertThat(trace.brokenBy()).as("a 200 whose reply was cut fails by how it ended").isEqualTo("cut");
        assertThat(trace.recovery()).as("what came next").isEqualTo(TaskLoop.STARTED_OVER);
        assertThat(trace.wastedCalls()).as("the cut call and the two repeated steps").isEqualTo(3);
        assertThat(trace.toolCalls()).as("the model asked for four tools over both tries").isEqualTo(4);
    }

    @Test
    void aFailureWithNoCallAfterItGaveTheTaskUp() {
        LoopTrace trace = LoopTrace.of(List.of(tool(0, "a"), refused(1, 429)));

        assertThat(trace.recovery()).as("what came next").isEqualTo(TaskLoop.GAVE_UP);
        assertThat(trace.brokenBy()).as("how it failed").isEqualTo("429");
    }

    @Test
    void aFirstCallRefusedAndRetriedResumedFromStepZero() {
        LoopTrace trace = LoopTrace.of(List.of(refused(0, 500), tool(0, "a"), answer(1)));

        assertThat(trace.brokenAtStep()).as("broken at").isZero();
        assertThat(trace.recovery()).as("a retry of the first call resumes").isEqualTo(TaskLoop.RESUMED);
    }

    @Test
    void onlyTheFirstFailureSaysWhereTheLoopBroke() {
        LoopTrace trace = LoopTrace.of(List.of(tool(0, "a"), refused(1, 503), refused(1, 503), tool(1, "b"),
                refused(2, 502), answer(2)));

        assertThat(trace.brokenAtStep()).as("broken at").isEqualTo(1);
        assertThat(trace.wastedCalls()).as("three refusals").isEqualTo(3);
        assertThat(trace.useful()).as("the positions of the calls the answer used").containsExactly(0, 3, 5);
    }

    @Test
    void aRepeatOfAnAnsweredStepIsWastedThoughItSucceeded() {
        LoopTrace trace = LoopTrace.of(List.of(tool(0, "a"), tool(0, "a"), answer(1)));

        assertThat(trace.wastedCalls()).as("a hedge or duplicate of step 0").isEqualTo(1);
        assertThat(trace.brokenAtStep()).as("nothing failed").isNull();
    }
}
