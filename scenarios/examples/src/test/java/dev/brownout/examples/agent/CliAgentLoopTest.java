package dev.brownout.examples.agent;

import dev.brownout.Brownout;
import dev.brownout.BrownoutRun;
import dev.brownout.Sut;
import dev.brownout.reports.MultiStep;
import dev.brownout.reports.TaskLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code command} adapter's agent, multi-step: {@link ChainCliAgent} runs once per task as its own process,
 * calls the model, runs the chain's tools, and retries a failed model call at the same step.
 * The primary refuses each task's second call, so every loop breaks at step 1 and resumes there.
 */
class CliAgentLoopTest {

    @Test
    void everyLoopBrokenAtStepOneResumesThereAndStillAnswersRight(@TempDir Path folder) throws IOException {
        BrownoutRun run = Brownout.scenario(scenario()).noBaseline().warmup(Duration.ZERO).outputTo(folder)
                .against(Sut.fromFile(sutFile(folder)))
                .run();

        MultiStep tasks = run.result().multiStep();
        assertThat(run.completed()).as("the run played to its end: %s", run.stopReason()).isTrue();
        assertThat(tasks.tasks()).as("multi-step tasks sent").isPositive();
        assertThat(tasks.loops()).as("each task's loop, from the primary's ledger").allSatisfy(loop -> {
            assertThat(loop.brokenAtStep()).as("%s broke at", loop.taskId()).isEqualTo(1);
            assertThat(loop.brokenBy()).as("%s broken by", loop.taskId()).isEqualTo("503");
            assertThat(loop.recovery()).as("%s then", loop.taskId()).isEqualTo(TaskLoop.RESUMED);
            assertThat(loop.modelCalls()).as("%s: three tool calls, the answer and the refused call", loop.taskId())
                    .isEqualTo(5);
            assertThat(loop.toolCalls()).as("%s: a difficulty-2 chain's three tool calls", loop.taskId()).isEqualTo(3);
            assertThat(loop.wastedCalls()).as("%s: the refused call", loop.taskId()).isEqualTo(1);
        });
        assertThat(tasks.score()).as("whole-task quality of a capable model's resumed loops").isGreaterThan(0.8);
    }

    private static Path scenario() {
        return Path.of("src", "test", "resources", "flaky-step.yaml");
    }

    /** The SUT file a user writes for this agent, with this JVM's class path for the agent's program. */
    private static Path sutFile(Path folder) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String yaml = """
                name: chain-cli-agent
                adapter: command
                capabilities: { fallback: false, streaming: false }
                command:
                  argv: ["%s", "-XX:TieredStopAtLevel=1", "-cp", "%s", "%s", "--base-url", "{{providers.primary.base_url}}"]
                  prompt: stdin
                  environment:
                    MY_AGENT_API_KEY: "{{providers.primary.api_key}}"
                """.formatted(java, System.getProperty("java.class.path"), ChainCliAgent.class.getName());
        return Files.writeString(folder.resolve("chain-cli-agent.yaml"), yaml);
    }
}
