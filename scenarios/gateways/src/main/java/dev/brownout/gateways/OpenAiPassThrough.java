package dev.brownout.gateways;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An OpenAI upstream already speaks the caller's language: the request and the answer pass as they are. */
final class OpenAiPassThrough implements DialectTranslator {

    /** Upstream headers worth relaying: what the body is and when a caller may retry. */
    private static final List<String> RELAYED_HEADERS = List.of("content-type", "retry-after", "retry-after-ms", "x-request-id");

    @Override
    public UpstreamRequest request(UpstreamConfig upstream, ObjectNode chatRequest, String secret) {
        return new UpstreamRequest(URI.create(upstream.baseUrl() + "/chat/completions"), Map.of(
                "Authorization", "Bearer " + secret,
                "Content-Type", "application/json",
                "Accept", chatRequest.path("stream").asBoolean(false) ? "text/event-stream" : "application/json"),
                chatRequest);
    }

    @Override
    public CallerReply reply(int status, HttpHeaders headers, byte[] body) {
        Map<String, String> relayed = new HashMap<>();
        for (String name : RELAYED_HEADERS) {
            headers.firstValue(name).ifPresent(value -> relayed.put(name, value));
        }
        return new CallerReply(status, relayed, body);
    }

    @Override
    public ChatEvents events(InputStream body, ObjectNode chatRequest) {
        return new SseEventReader(body);
    }
}
