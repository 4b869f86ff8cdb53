package dev.brownout.gatling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Gatling 3.15's rendering of a server-sent event, taken apart into its data payload. */
class SseMessageTest {

    @Test
    void theRawDoneTerminatorIsItsDataAlthoughTheMessageIsNotJson() {
        assertThat(SseMessage.parse("{\"data\":[DONE]}"))
                .as("data: [DONE], which Gatling 3.15 writes raw because it starts with [ and ends with ]")
                .isEqualTo(new SseMessage(null, null, "[DONE]"));
    }

    @Test
    void aJsonObjectPayloadIsWrittenRawAndKeptVerbatim() {
        String chunk = "{\"id\":\"chatcmpl-1\",\"choices\":[{\"delta\":{\"content\":\"4\"}}]}";

        assertThat(SseMessage.parse("{\"data\":" + chunk + "}")).as("an OpenAI chunk")
                .isEqualTo(new SseMessage(null, null, chunk));
    }

    @Test
    void aQuotedPayloadIsUnescaped() {
        assertThat(SseMessage.parse("{\"data\":\"say \\\"hi\\\"\\nthen \\\\ go\"}"))
                .as("a payload that is not JSON-looking, written as an escaped string")
                .isEqualTo(new SseMessage(null, null, "say \"hi\"\nthen \\ go"));
    }

    @Test
    void aQuotedPayloadThatIsItselfAQuotedStringKeepsItsQuotes() {
        assertThat(SseMessage.parse("{\"data\":\"\\\"plain\\\"\"}")).as("data: \"plain\"")
                .isEqualTo(new SseMessage(null, null, "\"plain\""));
    }

    @Test
    void anAnthropicEventKeepsItsNameAndPayload() {
        String data = "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}";

        assertThat(SseMessage.parse("{\"event\":\"content_block_delta\",\"data\":" + data + "}"))
                .as("an Anthropic content_block_delta event")
                .isEqualTo(new SseMessage("content_block_delta", null, data));
    }

    @Test
    void idAndRetryAreSeparatedFromTheData() {
        assertThat(SseMessage.parse("{\"event\":\"message_stop\",\"id\":\"42\",\"data\":{\"type\":\"message_stop\"},\"retry\":3000}"))
                .as("an event with every field")
                .isEqualTo(new SseMessage("message_stop", "42", "{\"type\":\"message_stop\"}"));
    }

    @Test
    void aRawPayloadThatLooksLikeJsonButIsNotIsHandedOnAsIs() {
        assertThat(SseMessage.parse("{\"data\":{not json}}"))
                .as("a malformed payload between braces: the reader counts it as malformed, so it must reach it")
                .isEqualTo(new SseMessage(null, null, "{not json}"));
    }

    @Test
    void anEventWithoutDataHasNone() {
        assertThat(SseMessage.parse("{\"event\":\"ping\"}")).as("event: ping, no data")
                .isEqualTo(new SseMessage("ping", null, null));
        assertThat(SseMessage.parse("{\"retry\":1000}")).as("retry: 1000 alone")
                .isEqualTo(new SseMessage(null, null, null));
    }

    @Test
    void aMessageNotInGatlingsLayoutCannotBeRead() {
        assertThat(SseMessage.parse("data: [DONE]")).as("a raw SSE line").isNull();
        assertThat(SseMessage.parse("{\"data\":\"unterminated}")).as("an unterminated quoted payload").isNull();
        assertThat(SseMessage.parse("{\"something\":1}")).as("an unknown field").isNull();
        assertThat(SseMessage.parse(null)).as("no message").isNull();
    }
}
