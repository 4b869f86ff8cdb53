package dev.brownout.gateways;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Puts callers' chat requests to an Anthropic Messages upstream and gives its answers back in OpenAI's shape. */
public final class AnthropicTranslator implements DialectTranslator {

    /** The API version the translation is written against; the API refuses requests without one. */
    public static final String API_VERSION = "2023-06-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public UpstreamRequest request(UpstreamConfig upstream, ObjectNode chatRequest, String secret) {
        Map<String, String> headers = new HashMap<>();
        if (upstream.oauth() == null) {
            headers.put("x-api-key", secret);
        } else {
            headers.put("Authorization", "Bearer " + secret);
        }
        headers.put("anthropic-version", API_VERSION);
        headers.put("Content-Type", "application/json");
        headers.put("Accept", chatRequest.path("stream").asBoolean(false) ? "text/event-stream" : "application/json");
        return new UpstreamRequest(URI.create(upstream.baseUrl() + "/v1/messages"), headers, AnthropicRequest.from(chatRequest));
    }

    /**
     * A message becomes a {@code chat.completion}, an error OpenAI's error body with the same status. A 200
     * that is not a message is the upstream's fault, so the caller gets a 502.
     */
    @Override
    public CallerReply reply(int status, HttpHeaders headers, byte[] body) {
        Map<String, String> relayed = new HashMap<>();
        relayed.put("content-type", "application/json");
        headers.firstValue("retry-after").ifPresent(value -> relayed.put("retry-after", value));
        headers.firstValue("request-id").ifPresent(value -> relayed.put("x-request-id", value));
        if (status != 200) {
            return new CallerReply(status, relayed, bytes(AnthropicAnswer.error(status, body)));
        }
        Optional<ObjectNode> completion = AnthropicAnswer.completion(body, Instant.now());
        return completion.map(answer -> new CallerReply(200, relayed, bytes(answer)))
                .orElseGet(() -> new CallerReply(502, relayed, bytes(ClientReplies.errorBody("api_error",
                        "the anthropic upstream answered 200 with something that is not a message"))));
    }

    @Override
    public ChatEvents events(InputStream body, ObjectNode chatRequest) {
        return new AnthropicStreamTranslator(new SseEventReader(body), chatRequest.path("model").asText(),
                chatRequest.path("stream_options").path("include_usage").asBoolean(false), Instant.now());
    }

    private static byte[] bytes(ObjectNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
