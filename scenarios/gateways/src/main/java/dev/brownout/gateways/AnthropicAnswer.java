package dev.brownout.gateways;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** A whole Messages API answer, a message or an error, in Chat Completions' shape. */
public final class AnthropicAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AnthropicAnswer() {
    }

    /** The {@code chat.completion} for a {@code message}; empty when {@code body} is not one. */
    public static Optional<ObjectNode> completion(byte[] body, Instant now) {
        JsonNode message = parse(body);
        if (!"message".equals(message.path("type").asText())) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : message.path("content")) {
            if ("text".equals(block.path("type").asText())) {
                text.append(block.path("text").asText());
            }
        }
        ObjectNode completion = JSON.createObjectNode();
        completion.put("id", message.path("id").asText());
        completion.put("object", "chat.completion");
        completion.put("created", now.getEpochSecond());
        completion.put("model", message.path("model").asText());
        ObjectNode choice = completion.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", text.toString()).putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(message.path("stop_reason").asText()));
        completion.set("usage", usage(message.path("usage")));
        return Optional.of(completion);
    }

    /** OpenAI's error body for an Anthropic error answered with {@code status}, whatever shape its body has. */
    public static ObjectNode error(int status, byte[] body) {
        String fallbackType = status >= 500 ? "api_error" : "invalid_request_error";
        JsonNode parsed = parse(body);
        return parsed.path("error").path("message").isTextual()
                ? error(parsed, fallbackType)
                : ClientReplies.errorBody(fallbackType, "the anthropic upstream answered " + status + " without an error body");
    }

    /** OpenAI's error body for an Anthropic error object {@code {"type":"error","error":{type, message}}}. */
    static ObjectNode error(JsonNode anthropicError, String fallbackType) {
        JsonNode error = anthropicError.path("error");
        return ClientReplies.errorBody(error.path("type").asText(fallbackType), error.path("message").asText("unknown error"));
    }

    /**
     * Chat Completions' finish reason for a Messages stop reason: running out of tokens is {@code length}, a
     * refusal is {@code content_filter}, and every other way of ending a text answer is {@code stop}.
     */
    static String finishReason(String stopReason) {
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "refusal" -> "content_filter";
            default -> "stop";
        };
    }

    /** Chat Completions counts cached prompt tokens in the prompt; Messages counts them apart from input_tokens. */
    static ObjectNode usage(JsonNode usage) {
        long cacheRead = usage.path("cache_read_input_tokens").asLong(0);
        long prompt = usage.path("input_tokens").asLong(0) + usage.path("cache_creation_input_tokens").asLong(0) + cacheRead;
        long completion = usage.path("output_tokens").asLong(0);
        ObjectNode openAi = JSON.createObjectNode();
        openAi.put("prompt_tokens", prompt);
        openAi.put("completion_tokens", completion);
        openAi.put("total_tokens", prompt + completion);
        openAi.putObject("prompt_tokens_details").put("cached_tokens", cacheRead);
        return openAi;
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JSON.missingNode() : node;
        } catch (IOException notJson) {
            return JSON.missingNode();
        }
    }
}
