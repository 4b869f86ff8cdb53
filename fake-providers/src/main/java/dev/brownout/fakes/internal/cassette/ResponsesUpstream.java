package dev.brownout.fakes.internal.cassette;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.internal.exchange.Exchange;

import java.util.Map;

/**
 * OpenAI's Responses API: typed events, text and function-call argument deltas, usage in {@code response.completed}
 * (or {@code response.incomplete}, which ends the answer at the length limit).
 */
final class ResponsesUpstream implements UpstreamWire {

    @Override
    public String api() {
        return "responses";
    }

    @Override
    public String completionPath(String model) {
        return "/responses";
    }

    @Override
    public String probePath() {
        return "/models";
    }

    @Override
    public Map<String, String> headers(String key, Exchange client) {
        return ChatCompletionsUpstream.OpenAiHeaders.of(key);
    }

    @Override
    public void read(String event, JsonNode data, StreamedAnswer answer) {
        String type = event != null ? event : UpstreamWire.text(data, "type");
        if (type == null) {
            return;
        }
        switch (type) {
            case "response.output_text.delta" -> answer.text(0, UpstreamWire.text(data, "delta"));
            case "response.output_item.added" -> {
                JsonNode item = data.path("item");
                if ("function_call".equals(UpstreamWire.text(item, "type"))) {
                    answer.toolCall(0, UpstreamWire.text(item, "call_id"), UpstreamWire.text(item, "name"));
                }
            }
            case "response.function_call_arguments.delta" -> answer.arguments(0, UpstreamWire.text(data, "delta"));
            case "response.completed" -> usage(data.path("response"), answer);
            case "response.incomplete" -> {
                answer.finish(0, "length");
                usage(data.path("response"), answer);
            }
            case "error" -> answer.error(500, new RecordedExchange.Error(UpstreamWire.text(data, "message"),
                    UpstreamWire.text(data, "type"), UpstreamWire.text(data, "code"), UpstreamWire.text(data, "param"),
                    Map.of()));
            case "response.failed" -> answer.error(500, error(data.path("response"), Map.of()));
            default -> {
            }
        }
    }

    private static void usage(JsonNode response, StreamedAnswer answer) {
        JsonNode usage = response.path("usage");
        if (usage.isObject()) {
            answer.inputTokens(usage.path("input_tokens").asInt());
            answer.outputTokens(usage.path("output_tokens").asInt());
        }
    }
}
