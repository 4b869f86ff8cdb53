package dev.brownout.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

        Map<String, JsonNode> byTask = exchanges.stream().collect(Collectors.toMap(e -> e.path("task_id").asText(), e -> e));
        List<String[]> sessions = gatling.sessionResults();
        assertThat(sessions).as("users that reported their session after ask").hasSize(fed.size());
        for (String[] session : sessions) {
            JsonNode exchange = byTask.get(session[0]);
            assertThat(exchange).as("the exchange of the session's task %s", session[0]).isNotNull();
            assertThat(session[1]).as("brownout.status of %s", session[0]).isEqualTo("200");
            assertThat(Double.parseDouble(session[2])).as("brownout.score of %s, against its graded exchange", session[0])
                    .isEqualTo(exchange.path("score").asDouble());
            assertThat(Long.parseLong(session[3])).as("brownout.firstTokenMillis of %s", session[0])
                    .isBetween(0L, Math.round(exchange.path("latency_ms").asDouble()) + 1);
            assertThat(session[4]).as("brownout.finishReason of %s", session[0])
                    .isEqualTo(exchange.path("finish_reason").asText());
            assertThat(session[5]).as("brownout.truncated of %s", session[0])
                    .isEqualTo(String.valueOf(exchange.path("truncated").asBoolean()));
            assertThat(session[6]).as("brownout.answer of %s", session[0])
                    .isEqualTo(exchange.path("answer").asText().replace('\n', ' '));
        }

        Set<String> inLedgers = RunFiles.ledgerCalls(gatling.runFolder()).stream()
                .map(call -> call.path("task_id").asText(null)).collect(Collectors.toSet());
        assertThat(inLedgers).as("task ids the providers' ledgers recorded calls for").containsAll(fed);
    }
}
