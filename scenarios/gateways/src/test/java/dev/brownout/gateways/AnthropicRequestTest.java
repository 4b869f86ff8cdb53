package dev.brownout.gateways;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a caller's chat request reads as a Messages request. */
class AnthropicRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode chat() {
        ObjectNode chat = JSON.createObjectNode().put("model", "mid");
        ArrayNode messages = chat.putArray("messages");
        messages.addObject().put("role", "system").put("content", "Be brief.");
        messages.addObject().put("role", "developer").putArray("content").addObject().put("type", "text").put("text", "Answer in English.");
        messages.addObject().put("role", "user").put("content", "hello");
        messages.addObject().put("role", "assistant").put("content", "hi");
        messages.addObject().put("role", "user").putArray("content").addObject().put("type", "text").put("text", "again");
        return chat;
    }

    @Test
    void systemAndDeveloperMessagesAreJoinedIntoSystem() {
        ObjectNode messages = AnthropicRequest.from(chat());

        assertThat(messages.path("system").asText()).as("the system prompt").isEqualTo("Be brief.\n\nAnswer in English.");
        assertThat(messages.path("messages").findValuesAsText("role")).as("the turns left")
                .containsExactly("user", "assistant", "user");
        assertThat(messages.path("messages").path(2).path("content").path(0).path("text").asText())
                .as("a content part array as text blocks").isEqualTo("again");
    }

    @Test
    void maxTokensDefaultsWhenTheCallerGaveNone() {
        assertThat(AnthropicRequest.from(chat()).path("max_tokens").asInt()).as("max_tokens without the caller's")
                .isEqualTo(AnthropicRequest.DEFAULT_MAX_TOKENS);
    }

    @Test
    void maxCompletionTokensWinsOverMaxTokens() {
        ObjectNode chat = chat().put("max_tokens", 50).put("max_completion_tokens", 30);

        assertThat(AnthropicRequest.from(chat).path("max_tokens").asInt()).as("max_tokens sent").isEqualTo(30);
    }

    @Test
    void stopBecomesStopSequencesAndSamplingCarriesOver() {
        ObjectNode chat = chat().put("stop", "END").put("temperature", 0.2).put("top_p", 0.9).put("stream", true);

        ObjectNode messages = AnthropicRequest.from(chat);

        assertThat(messages.path("stop_sequences").size()).as("stop sequences").isEqualTo(1);
        assertThat(messages.path("stop_sequences").get(0).asText()).as("the one stop sequence").isEqualTo("END");
        assertThat(messages.path("temperature").asDouble()).as("temperature").isEqualTo(0.2);
        assertThat(messages.path("top_p").asDouble()).as("top_p").isEqualTo(0.9);
        assertThat(messages.path("stream").asBoolean()).as("stream").isTrue();
    }

    @Test
    void temperatureAboveAnthropicsRangeIsCappedAtOne() {
        assertThat(AnthropicRequest.from(chat().put("temperature", 1.6)).path("temperature").asDouble())
                .as("temperature sent for the caller's 1.6").isEqualTo(1.0);
    }
}
