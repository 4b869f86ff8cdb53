package dev.brownout.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every task Gatling sent is in exchanges.jsonl, graded, and joins the providers' ledgers: for openai-chat (the
 * resilient reference gateway) and anthropic-messages (the world's Anthropic provider called directly), plain and
 * streamed through Gatling's SSE support.
 */
class TasksJoinLedgerTest {

    @ParameterizedTest(name = "{0} against {1}")
    @CsvSource({
            "gatling-openai.yaml,            reference:resilient",
            "gatling-openai-stream.yaml,     reference:resilient",
            "gatling-anthropic.yaml,         anthropic-direct.yaml",
            "gatling-anthropic-stream.yaml,  anthropic-direct.yaml"})
    void everyFedTaskIsRecordedGradedAndInTheLedger(String scenario, String sut, @TempDir Path workDir) throws Exception {
        ForkedGatling fork = ForkedGatling.in(workDir).scenario(scenario);
        if (sut.startsWith("reference:")) {
            fork.with("probe.sut", sut);
        } else {
            fork.sut(sut);
        }
        ForkedGatling.Result gatling = fork.run();
        assertThat(gatling.exitCode()).as("Gatling's exit code; %s", gatling).isZero();

        List<String> fed = gatling.fedTaskIds();
        List<JsonNode> exchanges = RunFiles.exchanges(gatling.runFolder());
        List<String> recorded = exchanges.stream().map(e -> e.path("task_id").asText()).toList();
        assertThat(fed).as("the tasks Gatling fed (the scenario sends 20)").hasSize(20).doesNotHaveDuplicates();
        assertThat(recorded).as("the task ids in exchanges.jsonl, against those Gatling fed")
                .containsExactlyInAnyOrderElementsOf(fed);

        for (JsonNode exchange : exchanges) {
            String task = exchange.path("task_id").asText();
            assertThat(exchange.path("outcome").asText()).as("outcome of %s in a world without faults", task)
                    .isEqualTo("answered");
            assertThat(exchange.path("status").asInt()).as("status of %s", task).isEqualTo(200);
            assertThat(exchange.path("expected").isTextual()).as("%s was graded against its expected answer", task)
                    .isTrue();
            assertThat(exchange.path("score").asDouble(-1)).as("grade of %s", task).isBetween(0.0, 1.0);
            assertThat(exchange.path("answer").asText()).as("answer of %s", task).isNotBlank();
        }
        if (scenario.contains("stream")) {
            assertThat(exchanges).as("streamed replies read to their terminator, first token before the end")
                    .allSatisfy(e -> {
                        assertThat(e.path("ending").asText()).isEqualTo("terminator");
                        assertThat(e.path("first_byte_ms").asDouble()).isLessThanOrEqualTo(e.path("ended_ms").asDouble())
                                .isGreaterThan(e.path("started_ms").asDouble());
                    });
        } else {
            assertThat(exchanges).as("plain replies read whole")
                    .allSatisfy(e -> assertThat(e.path("ending").asText()).isEqualTo("whole_body"));
        }

        Set<String> inLedgers = RunFiles.ledgerCalls(gatling.runFolder()).stream()
                .map(call -> call.path("task_id").asText(null)).collect(Collectors.toSet());
        assertThat(inLedgers).as("task ids the providers' ledgers recorded calls for").containsAll(fed);
    }
}
