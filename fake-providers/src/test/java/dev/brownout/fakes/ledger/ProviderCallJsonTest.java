package dev.brownout.fakes.ledger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.config.Mappers;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A ledger entry's JSON form: the {@code api} field is written, and a ledger written before it still reads. */
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
    void anEntryWrittenBeforeTheApiWasRecordedStillReadsWithoutIt() throws Exception {
        ObjectNode old = Mappers.json().valueToTree(call("chat.completions"));
        old.remove("api");

        ProviderCall read = Mappers.json().treeToValue(old, ProviderCall.class);

        assertThat(read.api()).as("api of an old entry").isNull();
        assertThat(read.model()).as("the rest of the old entry").isEqualTo("mid");
    }
}
