package dev.brownout.fakes.ledger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.config.Mappers;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger entry's JSON form: the {@code api}, {@code tool_step} and {@code tool_call} fields are written, and a ledger
 * written before them still reads.
 */
class ProviderCallJsonTest {

    private static ProviderCall call(String api) {
        return new ProviderCall(1, Instant.parse("2026-12-01T00:00:00Z"), "openai", "openai", "mid", "mid", "req_1",
                null, 200, CallOutcome.COMPLETE, false, 10, 5, BigDecimal.ONE, null, null, 0, null, null, List.of(),
                3L, 4, null, null, null, null, api);
    }

    @Test
    void theApiThatServedACallIsWrittenAndReadBack() throws Exception {
        String json = Mappers.json().writeValueAsString(call("responses"));

        ProviderCall read = Mappers.json().readValue(json, ProviderCall.class);

        assertThat(json).as("the written entry").contains("\"api\":\"responses\"");
        assertThat(read.api()).as("api read back").isEqualTo("responses");
    }

    @Test
    void theToolStepAndToolCallAreWrittenAndReadBack() throws Exception {
        ProviderCall step = new ProviderCall(1, Instant.parse("2026-12-01T00:00:00Z"), "openai", "openai", "mid", "mid",
                "req_1", null, 200, CallOutcome.COMPLETE, false, 10, 5, BigDecimal.ONE, "cha-1-000001", true, 0, null,
                null, List.of(), 3L, 4, null, null, null, null, "chat.completions", 2, "order_shipment");
        String json = Mappers.json().writeValueAsString(step);

        ProviderCall read = Mappers.json().readValue(json, ProviderCall.class);

        assertThat(json).as("the written entry").contains("\"tool_step\":2", "\"tool_call\":\"order_shipment\"");
        assertThat(read).as("the entry read back").isEqualTo(step);
    }

    @Test
    void anEntryWrittenBeforeToolStepsWereRecordedStillReadsWithoutThem() throws Exception {
        ObjectNode old = Mappers.json().valueToTree(call("chat.completions"));
        old.remove("tool_step");
        old.remove("tool_call");

        ProviderCall read = Mappers.json().treeToValue(old, ProviderCall.class);

        assertThat(read.toolStep()).as("tool step of an old entry").isNull();
        assertThat(read.toolCall()).as("tool call of an old entry").isNull();
        assertThat(read.api()).as("the rest of the old entry").isEqualTo("chat.completions");
    }

    @Test
    void anEntryWrittenBeforeTheApiWasRecordedStillReadsWithoutIt() throws Exception {
        ObjectNode old = Mappers.json().valueToTree(call("chat.completions"));
        old.remove("api");

        ProviderCall read = Mappers.json().treeToValue(old, ProviderCall.class);

        assertThat(read.api()).as("api of an old entry").isNull();
        assertThat(read.model()).as("the rest of the old entry").isEqualTo("mid");
    }
}
