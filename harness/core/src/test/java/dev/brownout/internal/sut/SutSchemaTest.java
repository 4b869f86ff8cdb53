package dev.brownout.internal.sut;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.Mappers;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The published SUT schema ships with the harness and documents every field, so editors can complete them. */
class SutSchemaTest {

    @Test
    void theSchemaShipsOnTheClasspath() throws Exception {
        try (InputStream in = SutSchemaTest.class.getResourceAsStream(SutSchema.RESOURCE)) {
            assertThat(in).isNotNull();
        }
    }

    @Test
    void everyFieldHasADescription() throws Exception {
        JsonNode schema;
        try (InputStream in = SutSchemaTest.class.getResourceAsStream(SutSchema.RESOURCE)) {
            schema = Mappers.json().readTree(in);
        }
        List<String> undocumented = new ArrayList<>();
        collectUndocumented(schema, "", undocumented);

        assertThat(undocumented).isEmpty();
    }

    private static void collectUndocumented(JsonNode node, String path, List<String> undocumented) {
        node.path("properties").fields().forEachRemaining(field -> {
            String child = path + "/" + field.getKey();
            if (!field.getValue().has("description")) {
                undocumented.add(child);
            }
            collectUndocumented(field.getValue(), child, undocumented);
        });
        node.path("$defs").fields().forEachRemaining(def -> collectUndocumented(def.getValue(), "#" + def.getKey(), undocumented));
    }
}
