package dev.brownout.fakes.internal.cassette;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.internal.exchange.Exchange;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Google's Gemini API: the model and the streaming method in the path ({@code :streamGenerateContent?alt=sse}),
 * the key in {@code x-goog-api-key}, chunks of candidates whose parts are text or a whole {@code functionCall},
 * {@code usageMetadata}, and Google's errors ({@code code}, {@code message}, {@code status}, a {@code RetryInfo}
 * detail).
 */
final class GeminiUpstream implements UpstreamWire {

    @Override
    public String api() {
        return "generateContent";
    }

    @Override
    public String completionPath(String model) {
        return "/v1beta/models/" + URLEncoder.encode(model, StandardCharsets.UTF_8) + ":streamGenerateContent?alt=sse";
    }

    @Override
    public String probePath() {
        return "/v1beta/models";
    }

    @Override
    public ObjectNode streamingBody(ObjectNode clientBody) {
        return clientBody.deepCopy();
    }

    @Override
    public Map<String, String> headers(String key, Exchange client) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (key != null) {
            headers.put("x-goog-api-key", key);
        }
        return headers;
    }

    @Override
    public void read(String event, JsonNode data, StreamedAnswer answer) {
        if (data.has("error")) {
            answer.error(data.path("error").path("code").asInt(500), error(data, Map.of()));
            return;
        }
        for (JsonNode candidate : data.path("candidates")) {
            int index = candidate.path("index").asInt(0);
            for (JsonNode part : candidate.path("content").path("parts")) {
                answer.text(index, UpstreamWire.text(part, "text"));
                JsonNode call = part.path("functionCall");
                if (call.isObject()) {
                    answer.toolCall(index, UpstreamWire.text(call, "id"), UpstreamWire.text(call, "name"));
                    answer.arguments(index, call.path("args").isMissingNode() ? "{}" : call.path("args").toString());
                    answer.finish(index, "tool_calls");
                }
            }
            String finish = UpstreamWire.text(candidate, "finishReason");
            if ("MAX_TOKENS".equals(finish)) {
                answer.finish(index, "length");
            }
        }
        JsonNode usage = data.path("usageMetadata");
        if (usage.has("promptTokenCount")) {
            answer.inputTokens(usage.path("promptTokenCount").asInt());
        }
        if (usage.has("candidatesTokenCount")) {
            answer.outputTokens(usage.path("candidatesTokenCount").asInt());
        }
    }

    /** Google's error: its {@code status} stands where the other APIs have a type, and a retry delay becomes a header. */
    @Override
    public RecordedExchange.Error error(JsonNode body, Map<String, String> retryHeaders) {
        JsonNode error = body == null ? null : body.path("error");
        if (error == null || !error.isObject()) {
            return UpstreamWire.super.error(body, retryHeaders);
        }
        Map<String, String> headers = new LinkedHashMap<>(retryHeaders);
        for (JsonNode detail : error.path("details")) {
            String delay = UpstreamWire.text(detail, "retryDelay");
            if (delay != null && delay.endsWith("s") && !headers.containsKey("retry-after-ms")) {
                try {
                    headers.put("retry-after-ms", Long.toString(
                            Math.round(Double.parseDouble(delay.substring(0, delay.length() - 1)) * 1000)));
                } catch (NumberFormatException e) {
                    // A delay that is not seconds is left out; the status still says to retry.
                }
            }
        }
        return new RecordedExchange.Error(UpstreamWire.text(error, "message"), UpstreamWire.text(error, "status"),
                null, null, headers);
    }
}
