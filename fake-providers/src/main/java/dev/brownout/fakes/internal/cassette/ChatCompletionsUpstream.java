package dev.brownout.fakes.internal.cassette;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.internal.exchange.Exchange;

import java.util.LinkedHashMap;
import java.util.Map;

/** OpenAI Chat Completions: {@code data:} chunks of choice deltas, usage in the last chunk, {@code [DONE]}. */
final class ChatCompletionsUpstream implements UpstreamWire {

    @Override
    public String api() {
        return "chat.completions";
    }

    @Override
    public String completionPath(String model) {
        return "/chat/completions";
    }

    @Override
    public String probePath() {
        return "/models";
    }

    @Override
    public ObjectNode streamingBody(ObjectNode clientBody) {
        ObjectNode body = UpstreamWire.super.streamingBody(clientBody);
        body.putObject("stream_options").put("include_usage", true);
        return body;
    }

    @Override
    public Map<String, String> headers(String key, Exchange client) {
        return OpenAiHeaders.of(key);
    }

    @Override
    public void read(String event, JsonNode data, StreamedAnswer answer) {
        if (data.has("error")) {
            answer.error(500, error(data, Map.of()));
            return;
        }
        for (JsonNode choice : data.path("choices")) {
            int index = choice.path("index").asInt(0);
            JsonNode delta = choice.path("delta");
            answer.text(index, UpstreamWire.text(delta, "content"));
            for (JsonNode call : delta.path("tool_calls")) {
                if (call.path("index").asInt(0) != 0) {
                    continue;
                }
                JsonNode function = call.path("function");
                if (function.hasNonNull("name")) {
                    answer.toolCall(index, UpstreamWire.text(call, "id"), function.get("name").asText());
                }
                answer.arguments(index, UpstreamWire.text(function, "arguments"));
            }
            String finish = UpstreamWire.text(choice, "finish_reason");
            if (finish != null) {
                answer.finish(index, switch (finish) {
                    case "length" -> "length";
                    case "tool_calls", "function_call" -> "tool_calls";
                    default -> "stop";
                });
            }
        }
        JsonNode usage = data.path("usage");
        if (usage.isObject()) {
            answer.inputTokens(usage.path("prompt_tokens").asInt());
            answer.outputTokens(usage.path("completion_tokens").asInt());
        }
    }

    /** The headers both OpenAI APIs take. */
    static final class OpenAiHeaders {

        private OpenAiHeaders() {
        }

        static Map<String, String> of(String key) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (key != null) {
                headers.put("Authorization", "Bearer " + key);
            }
            return headers;
        }
    }
}
