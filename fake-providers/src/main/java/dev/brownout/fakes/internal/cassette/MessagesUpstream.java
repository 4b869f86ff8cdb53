package dev.brownout.fakes.internal.cassette;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.internal.exchange.Exchange;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Anthropic Messages: {@code message_start} with the input tokens, content blocks of text or tool use with their
 * deltas, {@code message_delta} with the stop reason and output tokens, and an {@code error} event.
 */
final class MessagesUpstream implements UpstreamWire {

    private static final String DEFAULT_VERSION = "2023-06-01";

    @Override
    public String api() {
        return "messages";
    }

    @Override
    public String completionPath(String model) {
        return "/v1/messages";
    }

    @Override
    public String probePath() {
        return "/v1/models";
    }

    @Override
    public Map<String, String> headers(String key, Exchange client) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (key != null) {
            headers.put("x-api-key", key);
        }
        String version = client == null ? null : client.header("anthropic-version");
        headers.put("anthropic-version", version == null ? DEFAULT_VERSION : version);
        String beta = client == null ? null : client.header("anthropic-beta");
        if (beta != null) {
            headers.put("anthropic-beta", beta);
        }
        return headers;
    }

    @Override
    public void read(String event, JsonNode data, StreamedAnswer answer) {
        String type = event != null ? event : UpstreamWire.text(data, "type");
        if (type == null) {
            return;
        }
        switch (type) {
            case "message_start" -> {
                JsonNode usage = data.path("message").path("usage");
                if (usage.has("input_tokens")) {
                    answer.inputTokens(usage.path("input_tokens").asInt());
                }
            }
            case "content_block_start" -> {
                JsonNode block = data.path("content_block");
                if ("tool_use".equals(UpstreamWire.text(block, "type"))) {
                    answer.toolCall(0, UpstreamWire.text(block, "id"), UpstreamWire.text(block, "name"));
                }
            }
            case "content_block_delta" -> {
                JsonNode delta = data.path("delta");
                String kind = UpstreamWire.text(delta, "type");
                if ("text_delta".equals(kind)) {
                    answer.text(0, UpstreamWire.text(delta, "text"));
                } else if ("input_json_delta".equals(kind)) {
                    answer.arguments(0, UpstreamWire.text(delta, "partial_json"));
                }
            }
            case "message_delta" -> {
                String stop = UpstreamWire.text(data.path("delta"), "stop_reason");
                if (stop != null) {
                    answer.finish(0, switch (stop) {
                        case "max_tokens" -> "length";
                        case "tool_use" -> "tool_calls";
                        default -> "stop";
                    });
                }
                JsonNode usage = data.path("usage");
                if (usage.has("output_tokens")) {
                    answer.outputTokens(usage.path("output_tokens").asInt());
                }
            }
            case "error" -> {
                RecordedExchange.Error error = error(data, Map.of());
                answer.error("overloaded_error".equals(error.type()) ? 529 : 500, error);
            }
            default -> {
            }
        }
    }
}
