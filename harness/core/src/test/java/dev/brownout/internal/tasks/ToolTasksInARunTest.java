package dev.brownout.internal.tasks;

import dev.brownout.Brownout;
import dev.brownout.BrownoutRun;
import dev.brownout.Sut;
import dev.brownout.scenario.ScenarioLoader;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A run of the {@code canary-tool} suite hands every task to the SUT with the tool it offers. */
class ToolTasksInARunTest {

    @TempDir
    Path folder;

    @Test
    void everyToolCanaryReachesTheSutWithTheToolItsQuestionNames() throws Exception {
        Path engineScenario = Path.of(Objects.requireNonNull(
                ToolTasksInARunTest.class.getResource("/run/short-outage.yaml")).toURI());
        Path catalog = engineScenario.resolveSibling("../world/instant-catalog.yaml").normalize();
        Path scenario = folder.resolve("tool-outage.yaml");
        Files.writeString(scenario, Files.readString(engineScenario)
                .replace("tasks: canary-arithmetic", "tasks: canary-tool")
                .replace("../world/instant-catalog.yaml", catalog.toString()));
        List<SutRequest> received = new CopyOnWriteArrayList<>();

        BrownoutRun run = Brownout.scenario(ScenarioLoader.load(scenario))
                .against(Sut.inJvm("recorder", endpoints -> request -> {
                    received.add(request);
                    return SutReply.ok("ANSWER: done", "m");
                }))
                .timeScale(0.1).warmup(Duration.ZERO).noBaseline().outputTo(folder.resolve("runs")).run();

        List<SutRequest> toolTasks = received.stream().filter(request -> request.prompt().contains("kind=tool")).toList();
        assertThat(run.completed()).as("the run played to its end").isTrue();
        assertThat(toolTasks).as("tool canaries the SUT received").isNotEmpty().allSatisfy(request ->
                assertThat(request.tools()).as("the tools of %s", request.taskId()).singleElement()
                        .satisfies(tool -> assertThat(request.prompt()).as("the prompt of %s", request.taskId())
                                .contains("Use the tool " + tool.name() + ",")));
    }
}
