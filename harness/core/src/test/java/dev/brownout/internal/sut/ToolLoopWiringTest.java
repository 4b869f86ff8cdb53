package dev.brownout.internal.sut;

import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.tasks.CanarySuite;
import dev.brownout.internal.tasks.Task;
import dev.brownout.internal.tasks.TaskTools;
import dev.brownout.internal.world.ProxiedWorld;
import dev.brownout.sut.SutReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run's SUTs that speak an LLM API have the harness as their agent: a tool canary sent to a gateway from
 * a SUT file or to a reference gateway has its tool call run and comes back answered after the result.
 */
class ToolLoopWiringTest {

    private static ProxiedWorld world;

    @TempDir
    Path folder;

    @BeforeAll
    static void start() {
        world = SutFixtures.startWorld();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static Task toolCanary(long index) {
        return new CanarySuite("canary-tool", List.of(CanaryKind.TOOL), 1, 11L).task(index);
    }

    private SutReply sendThrough(SutSpec sut, Task task) throws Exception {
        try (StartedSut started = SutStarter.start(sut, world.endpoints(),
                SutFixtures.environmentOf(world.endpoints()), folder, 1.0)) {
            return started.sut().send(task.request(false, Duration.ofSeconds(20)));
        }
    }

    private static List<ProviderCall> servedFor(Task task) {
        return world.fakes().provider("primary").ledger().all().stream()
                .filter(call -> task.id().equals(call.taskId())).toList();
    }

    @Test
    void aGatewayFromASutFileHasItsToolCallsRunByTheHarness() throws Exception {
        Task task = toolCanary(0);
        SutSpec gateway = SutSpec.parse("""
                name: gateway
                adapter: openai-chat
                base_url: "{{providers.primary.base_url}}"
                api_key: "{{providers.primary.api_key}}"
                """, "sut.yaml", folder);

        SutReply reply = sendThrough(gateway, task);

        assertThat(reply.answer()).as("the answer, written after the tool's result came back")
                .contains("The tool returned: " + TaskTools.CANARY_TOOL_RESULT);
        assertThat(servedFor(task)).as("model calls: the tool call, then the answer").hasSize(2);
    }

    @Test
    void aReferenceGatewayHasItsToolCallsRunByTheHarness() throws Exception {
        Task task = toolCanary(1);

        SutReply reply = sendThrough(SutShorthand.parse("reference:resilient"), task);

        assertThat(reply.answer()).as("the answer, written after the tool's result came back")
                .contains("The tool returned: " + TaskTools.CANARY_TOOL_RESULT);
        assertThat(servedFor(task)).as("model calls: the tool call, then the answer").hasSize(2);
    }
}
