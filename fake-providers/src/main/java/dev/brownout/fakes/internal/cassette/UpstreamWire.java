package dev.brownout.fakes.internal.cassette;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.internal.exchange.Exchange;

import java.util.Map;
import java.util.Set;

/**
 * One API's part in passthrough, record and replay: which request fields make its key, how a request is forwarded
 * to the real API, and how the real API's streamed answer is read back. A new dialect is one implementation of this
 * and one line in {@link UpstreamWires}.
 */
public interface UpstreamWire {

    /** Body fields that never change what a model answers (streaming, user tags): left out of every key. */
    Set<String> COMMON_UNKEYED_FIELDS = Set.of("stream", "stream_options", "user", "metadata", "store",
            "service_tier", "prompt_cache_key", "safety_identifier");

    /** The API as the fake's dialect names it, e.g. {@code chat.completions}. */
    String api();

    /**
     * The path under the upstream's base URL (as the official SDK takes it) that a request for {@code model} is
     * forwarded to, asking for a stream: e.g. {@code /chat/completions}, or a path naming the model for an API that
     * puts it there.
     */
    String completionPath(String model);

    /** A cheap authenticated GET under the base URL, probed at start to refuse an unreachable upstream. */
    String probePath();

    /** Body fields left out of the request key; the common ones unless the API has more. */
    default Set<String> unkeyedFields() {
        return COMMON_UNKEYED_FIELDS;
    }

    /**
     * The client's body as forwarded: asking for a stream (with usage where the API needs asking), so the
     * upstream's token timings are seen.
     */
    default ObjectNode streamingBody(ObjectNode clientBody) {
        ObjectNode body = clientBody.deepCopy();
        body.put("stream", true);
        return body;
    }

    /** The headers sent upstream: the key in the API's auth header (none when {@code key} is null) and the API's own. */
    Map<String, String> headers(String key, Exchange client);

    /**
     * Reads one event of the upstream's stream into {@code answer}.
     *
     * @param event the SSE event name, or null when the stream names none
     * @param data  the event's data as JSON
     */
    void read(String event, JsonNode data, StreamedAnswer answer);

    /** The error an upstream's error body carries: {@code {"error": {"message", "type", "code", "param"}}} for both OpenAI and Anthropic. */
    default RecordedExchange.Error error(JsonNode body, Map<String, String> retryHeaders) {
        JsonNode error = body == null ? null : body.path("error");
        if (error == null || !error.isObject()) {
            return new RecordedExchange.Error(body == null ? "" : body.toString(), null, null, null, retryHeaders);
        }
        return new RecordedExchange.Error(text(error, "message"), text(error, "type"), text(error, "code"),
                text(error, "param"), retryHeaders);
    }

    /** A text field of {@code node}, or null when absent or not text. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.isTextual() ? value.asText() : value.toString();
    }
}
