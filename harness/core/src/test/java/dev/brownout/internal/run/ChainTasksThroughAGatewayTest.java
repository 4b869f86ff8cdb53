package dev.brownout.internal.run;

import dev.brownout.Brownout;
import dev.brownout.BrownoutRun;
import dev.brownout.Sut;
import dev.brownout.fakes.canary.ToolChains;
import dev.brownout.reports.MultiStep;
import dev.brownout.reports.TaskLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Multi-step tool tasks in front of a gateway: the harness plays the agent (offers the chain's tools, runs each call
 * the model makes, sends the results back), the resilient reference gateway retries the 503 its provider answers
 * each task's second call with, and the result judges each task whole and attributes each broken loop.
 */
class ChainTasksThroughAGatewayTest {

    @TempDir
    Path runs;

    @Test
    void theHarnessRunsEachLoopAndTheGatewaysRetryResumesItAtTheStepThatFailed() throws Exception {
        Path scenario = Path.of(Objects.requireNonNull(
                ChainTasksThroughAGatewayTest.class.getResource("/run/chain-through-gateway.yaml")).toURI());

        BrownoutRun run = Brownout.scenario(scenario).against(Sut.reference("resilient"))
                .warmup(Duration.ZERO).noBaseline().outputTo(runs).run();

        MultiStep tasks = run.result().multiStep();
        int steps = ToolChains.steps(2);
        assertThat(run.completed()).as("the run played to its end: %s", run.stopReason()).isTrue();
        assertThat(tasks.tasks()).as("chain tasks sent").isEqualTo(run.result().summary().exchanges()).isPositive();
        assertThat(tasks.score()).as("every task's final answer right: the loop ran every call").isEqualTo(1.0);
        assertThat(tasks.loops()).as("each task's loop in the provider's ledger").allSatisfy(loop -> {
            assertThat(loop.toolCalls()).as("%s: tool calls", loop.taskId()).isEqualTo(steps);
            assertThat(loop.modelCalls()).as("%s: a call per tool, the answer, and the refused call", loop.taskId())
                    .isEqualTo(steps + 2);
            assertThat(loop.brokenAtStep()).as("%s: broke at", loop.taskId()).isEqualTo(1);
            assertThat(loop.brokenBy()).as("%s: broken by", loop.taskId()).isEqualTo("503");
            assertThat(loop.recovery()).as("%s: the gateway's retry", loop.taskId()).isEqualTo(TaskLoop.RESUMED);
        });
        assertThat(tasks.wastedCalls()).as("one refused call a task").isEqualTo(tasks.tasks());
    }
}
