package dev.brownout.internal.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonSchemaGraderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private final Grader grader = Graders.jsonSchema(json(
            "{\"type\": \"object\", \"required\": [\"id\", \"count\"],"
                    + " \"properties\": {\"id\": {\"type\": \"string\"}, \"count\": {\"type\": \"integer\"}}}"));

    @Test
    void aValidObjectScoresOneAndAnInvalidOneZero() {
        assertThat(grader.score("{\"id\": \"T-1\", \"count\": 3}")).isEqualTo(1.0);
        assertThat(grader.score("{\"id\": \"T-1\", \"count\": \"three\"}")).isEqualTo(0.0);
        assertThat(grader.score("{\"id\": \"T-1\"}")).as("a required field missing").isEqualTo(0.0);
    }

    @Test
    void theFirstJsonObjectInProseIsGraded() {
        String reply = "Here is the ticket [as asked]:\n```json\n{\"id\": \"T-1\", \"count\": 3}\n```\nAnything else?";

        assertThat(grader.score(reply)).isEqualTo(1.0);
    }

    @Test
    void proseWithoutJsonScoresZero() {
        assertThat(grader.score("The ticket id is T-1 and the count is 3.")).isEqualTo(0.0);
    }

    @Test
    void anInvalidSchemaIsRefused() {
        assertThatThrownBy(() -> Graders.jsonSchema(json("{\"type\": \"strnig\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid JSON Schema");
        assertThatThrownBy(() -> Graders.jsonSchema(json("{\"required\": \"id\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid JSON Schema");
        assertThatThrownBy(() -> Graders.jsonSchema(json("[1, 2]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("an object or true/false");
    }
}
