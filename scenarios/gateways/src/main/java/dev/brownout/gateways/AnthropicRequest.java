package dev.brownout.gateways;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** A caller's Chat Completions request as the body of a Messages API request. */
public final class AnthropicRequest {

    /** Messages requires max_tokens where Chat Completions does not; this stands in when the caller gave none. */
    public static final int DEFAULT_MAX_TOKENS = 1024;
    /** Anthropic's temperature range is 0 to 1, OpenAI's 0 to 2. */
    private static final double MAX_TEMPERATURE = 1.0;
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnthropicRequest() {
    }

    /**
     * The Messages body for {@code chat}: system and developer messages joined into {@code system}, user and
     * assistant turns as messages, and the sampling fields Messages has.
     *
     * @throws UntranslatableRequestException for tools, tool turns, non-text content, {@code n > 1} or a
     *                                        structured {@code response_format}, which this translation leaves out
     */
    public static ObjectNode from(ObjectNode chat) {
        refuseUntranslatable(chat);
        ObjectNode messages = JSON.createObjectNode();
        messages.put("model", chat.path("model").asText());
        messages.put("max_tokens", maxTokens(chat));
        List<String> system = new ArrayList<>();
        ArrayNode turns = JSON.createArrayNode();
        JsonNode chatMessages = chat.path("messages");
        for (int i = 0; i < chatMessages.size(); i++) {
            JsonNode message = chatMessages.get(i);
            String role = message.path("role").asText();
            String where = "messages[" + i + "]";
            switch (role) {
                case "system", "developer" -> system.add(text(message.get("content"), where));
                case "user", "assistant" -> {
                    if (message.hasNonNull("tool_calls") || message.hasNonNull("function_call")) {
                        throw new UntranslatableRequestException(where + ": tool calls are not translated to an anthropic upstream");
                    }
                    JsonNode content = message.get("content");
                    if (content != null && !content.isNull()) {
                        turns.addObject().put("role", role).set("content", content(content, where));
                    }
                }
                default -> throw new UntranslatableRequestException(
                        where + ": role '" + role + "' is not translated to an anthropic upstream");
            }
        }
        if (!system.isEmpty()) {
            messages.put("system", String.join("\n\n", system));
        }
        messages.set("messages", turns);
        if (chat.hasNonNull("temperature")) {
            messages.put("temperature", Math.min(chat.get("temperature").asDouble(), MAX_TEMPERATURE));
        }
        if (chat.hasNonNull("top_p")) {
            messages.put("top_p", chat.get("top_p").asDouble());
        }
        JsonNode stop = chat.get("stop");
        if (stop != null && stop.isTextual()) {
            messages.putArray("stop_sequences").add(stop.asText());
        } else if (stop != null && stop.isArray() && !stop.isEmpty()) {
            messages.set("stop_sequences", stop.deepCopy());
        }
        if (chat.path("stream").asBoolean(false)) {
            messages.put("stream", true);
        }
        return messages;
    }

    private static void refuseUntranslatable(ObjectNode chat) {
        for (String field : List.of("tools", "functions")) {
            JsonNode value = chat.get(field);
            if (value != null && !value.isNull() && !value.isEmpty()) {
                throw new UntranslatableRequestException("'" + field + "' is not translated to an anthropic upstream");
            }
        }
        if (chat.path("n").asInt(1) > 1) {
            throw new UntranslatableRequestException("n > 1: an anthropic upstream answers one choice only");
        }
        String format = chat.path("response_format").path("type").asText("text");
        if (!format.equals("text")) {
            throw new UntranslatableRequestException("response_format '" + format + "' is not translated to an anthropic upstream");
        }
    }

    private static int maxTokens(ObjectNode chat) {
        for (String field : List.of("max_completion_tokens", "max_tokens")) {
            if (chat.path(field).canConvertToInt() && chat.path(field).isIntegralNumber()) {
                return chat.get(field).asInt();
            }
        }
        return DEFAULT_MAX_TOKENS;
    }

    /** A string stays a string; content parts become text blocks. */
    private static JsonNode content(JsonNode content, String where) {
        if (content.isTextual()) {
            return content;
        }
        ArrayNode blocks = JSON.createArrayNode();
        for (String text : parts(content, where)) {
            blocks.addObject().put("type", "text").put("text", text);
        }
        return blocks;
    }

    private static String text(JsonNode content, String where) {
        if (content == null || content.isNull()) {
            return "";
        }
        return content.isTextual() ? content.asText() : String.join("", parts(content, where));
    }

    private static List<String> parts(JsonNode content, String where) {
        if (!content.isArray()) {
            throw new UntranslatableRequestException(where + ".content must be a string or an array of content parts");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode part : content) {
            String type = part.path("type").asText();
            if (!type.equals("text")) {
                throw new UntranslatableRequestException(
                        where + ": content part '" + type + "' is not translated to an anthropic upstream");
            }
            texts.add(part.path("text").asText());
        }
        return texts;
    }
}
