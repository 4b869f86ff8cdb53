package dev.brownout.internal.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.canary.Canaries;
import dev.brownout.fakes.canary.CanaryKind;
import dev.brownout.fakes.canary.Solution;
import dev.brownout.fakes.canary.ToolChains;
import dev.brownout.fakes.canary.ToolDefinition;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.sut.SutRequest;
import dev.brownout.sut.SutTool;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tools a task offers: a tool canary its one tool, other tasks none, and the request carries them. */
class TaskToolsTest {

    @Test
    void aToolCanaryOffersTheToolItsQuestionNamesWithItsArgumentRequired() throws Exception {
        Task task = new CanarySuite("canary-tool", List.of(CanaryKind.TOOL), 1, 7L).task(0);

        Solution.ToolCall asked = Canaries.find(task.prompt()).flatMap(Canaries::solve).orElseThrow().toolCall();
        String argument = Mappers.json().readTree(asked.argumentsJson()).fieldNames().next();
        assertThat(task.tools()).as("the tools of a tool canary").singleElement().satisfies(tool -> {
            assertThat(tool.name()).as("the tool offered").isEqualTo(asked.name());
            JsonNode schema = Mappers.json().readTree(tool.parametersSchema());
            assertThat(schema.path("properties").path(argument).path("type").asText())
                    .as("the type of argument %s", argument).isEqualTo("string");
            assertThat(schema.path("required").get(0).asText()).as("the required argument").isEqualTo(argument);
        });
    }

    @Test
    void otherCanariesOfferNoTools() {
        CanarySuite mixed = new CanarySuite("canary-mixed",
                List.of(CanaryKind.ARITHMETIC, CanaryKind.LOOKUP, CanaryKind.JSON), 2, 7L);

        assertThat(List.of(mixed.task(0), mixed.task(1), mixed.task(2))).as("arithmetic, lookup and json canaries")
                .allSatisfy(task -> assertThat(task.tools()).as("tools of %s", task.id()).isEmpty());
    }

    @Test
    void aTasksRequestCarriesItsTools() {
        Task task = new CanarySuite("canary-tool", List.of(CanaryKind.TOOL), 1, 7L).task(3);

        SutRequest request = task.request(true, Duration.ofSeconds(3));

        assertThat(request.tools()).as("the request's tools").isEqualTo(task.tools());
        assertThat(List.of(request.taskId(), request.prompt())).as("id and prompt")
                .containsExactly(task.id(), task.prompt());
    }

    @Test
    void everyToolATaskOffersIsAnsweredByTheHarness() {
        SutTool offered = new CanarySuite("canary-tool", List.of(CanaryKind.TOOL), 1, 7L).task(0).tools().getFirst();

        assertThat(TaskTools.run(offered.name(), "{}")).as("the result of a canary's tool")
                .isEqualTo(TaskTools.CANARY_TOOL_RESULT);
    }

    @Test
    void aChainTaskOffersTheWholeChainInOrder() {
        Task task = new CanarySuite("canary-chain", List.of(CanaryKind.CHAIN), 2, 7L).task(0);

        assertThat(task.tools()).as("the tools of a chain task").extracting(SutTool::name)
                .containsExactlyElementsOf(ToolChains.tools().stream().map(ToolDefinition::name).toList());
    }

    @Test
    void aChainToolsCallGetsItsRealResultSoTheChainCanBeFollowed() {
        String arguments = "{\"name\": \"Ada Lindqvist\"}";

        assertThat(TaskTools.run("find_customer", arguments)).as("the harness's result of find_customer")
                .isEqualTo(ToolChains.result("find_customer", arguments)).startsWith("C-");
    }
}
