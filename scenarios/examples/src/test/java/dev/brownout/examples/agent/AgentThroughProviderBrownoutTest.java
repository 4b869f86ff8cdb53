package dev.brownout.examples.agent;

import dev.brownout.Brownout;
import dev.brownout.BrownoutRun;
import dev.brownout.Sut;
import dev.brownout.assertj.BrownoutAssertions;
import dev.brownout.reports.MultiStep;
import dev.brownout.reports.TaskLoop;
import dev.brownout.scenario.SutCapability;
import dev.brownout.world.ProviderEndpoint;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent's loop under a provider brownout: the LangChain4j agent works multi-step tool tasks against the
 * primary provider while it slows down and sheds load with 529s and 503s. Each task is judged as a whole (its
 * final answer graded), and each loop a failed model call broke is attributed: at which step, by what, and whether
 * the agent resumed (the chat model's own retry), started the task over (the agent's own retry) or gave up (the
 * task's timeout, 30 s played at a fiftieth, ended it first: retries wait on a real clock).
 */
class AgentThroughProviderBrownoutTest {

    @Test
    void theAgentsBrokenLoopsAreAttributedAndItsIqLossIsJudgedByWholeTask(@TempDir Path runs) {
        BrownoutRun run = Brownout.scenario("provider-brownout")
                .tasks("canary-chain")                          // multi-step tool tasks instead of single questions
                .timeScale(0.02).loadScale(0.02).warmup(Duration.ZERO).outputTo(runs)
                .against(Sut.inJvm("langchain4j-agent", world -> new ChainAgent(primary(world.provider("primary"))))
                        .lacking(SutCapability.FALLBACK))
                .run();

        MultiStep tasks = run.result().multiStep();
        assertThat(run.completed()).as("the run played to its end: %s", run.stopReason()).isTrue();
        assertThat(tasks).as("the result's multi-step block").isNotNull();
        assertThat(tasks.baselineScore()).as("the agent's whole-task quality without faults").isGreaterThan(0.8);
        BrownoutAssertions.assertThat(run).hasWholeTaskIqLossBelow(0.9);     // measured, and not total
        assertThat(tasks.iqLoss().value()).as("IQ loss over whole tasks under the brownout").isPositive();
        assertThat(tasks.toolCallsPerTask()).as("tool calls per task: the chain's steps").isGreaterThanOrEqualTo(1.5);
        assertThat(tasks.brokenLoops()).as("loops a failed model call broke under the brownout").isPositive();
        assertThat(tasks.resumed()).as("broken loops the chat model's retry resumed at the step that failed")
                .isPositive();
        assertThat(tasks.resumed() + tasks.startedOver() + tasks.gaveUp()).as("every broken loop's recovery")
                .isEqualTo(tasks.brokenLoops());
        assertThat(tasks.loops()).filteredOn(TaskLoop::broken)
                .as("each broken loop names its step and how the call failed")
                .allSatisfy(loop -> assertThat(loop.brokenBy()).isIn("529", "503"));
        assertThat(tasks.wastedCalls()).as("calls the failures wasted").isGreaterThanOrEqualTo(tasks.brokenLoops());
    }

    private static AnthropicChatModel primary(ProviderEndpoint primary) {
        return AnthropicChatModel.builder()
                .baseUrl(primary.baseUrl() + "/v1/").apiKey(primary.apiKey())
                .modelName("frontier").maxTokens(256).maxRetries(2)
                .build();
    }
}
