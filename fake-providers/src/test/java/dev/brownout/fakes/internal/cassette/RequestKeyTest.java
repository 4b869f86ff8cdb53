package dev.brownout.fakes.internal.cassette;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The request key: stable across what does not change an answer, different for what does. */
class RequestKeyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UpstreamWire CHAT = UpstreamWires.forApi("chat.completions");

    private static String key(UpstreamWire wire, String body) throws Exception {
        JsonNode node = JSON.readTree(body);
        return RequestKey.of(wire, node.path("model").asText(), node);
    }

    @Test
    void keyOrderWhitespaceNumberFormAndStreamingDoNotChangeTheKey() throws Exception {
        String compact = "{\"model\":\"mid\",\"temperature\":0.5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        String reordered = "{ \"messages\" : [ { \"content\" : \"hi\", \"role\" : \"user\" } ],\n  \"temperature\": 0.50,"
                + " \"stream\": true, \"stream_options\": {\"include_usage\": true}, \"model\": \"mid\" }";

        assertThat(key(CHAT, reordered)).as("the same request, spelled differently and streamed")
                .isEqualTo(key(CHAT, compact));
    }

    @Test
    void theMessagesTheModelAndTheSamplingFieldsChangeTheKey() throws Exception {
        String base = key(CHAT, "{\"model\":\"mid\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(key(CHAT, "{\"model\":\"mid\",\"messages\":[{\"role\":\"user\",\"content\":\"hi!\"}]}"))
                .as("another message").isNotEqualTo(base);
        assertThat(key(CHAT, "{\"model\":\"small\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .as("another model").isNotEqualTo(base);
        assertThat(key(CHAT, "{\"model\":\"mid\",\"temperature\":1,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .as("a sampling field").isNotEqualTo(base);
    }

    @Test
    void theSameBodyToAnotherApiIsAnotherKey() throws Exception {
        String body = "{\"model\":\"mid\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        assertThat(key(UpstreamWires.forApi("messages"), body)).as("the body sent to Messages instead")
                .isNotEqualTo(key(CHAT, body));
    }
}
