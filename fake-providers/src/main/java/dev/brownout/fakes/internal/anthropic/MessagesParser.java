package dev.brownout.fakes.internal.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.internal.exchange.ChatMessage;
import dev.brownout.fakes.internal.exchange.ChatRequest;
import dev.brownout.fakes.internal.exchange.InvalidRequestException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Messages API request and refuses what the real API refuses, in its {@code field: problem} style.
 * A user turn made only of {@code tool_result} blocks becomes a tool message, so the canary stays in the
 * last real user turn.
 */
final class MessagesParser {

    private MessagesParser() {
    }

    static ChatRequest parse(byte[] body) throws InvalidRequestException {
        JsonNode root;
        try {
            root = body.length == 0 ? null : Mappers.json().readTree(body);
        } catch (IOException e) {
            throw invalid("There was an error parsing the body of your request: the body is not valid JSON.");
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw invalid("There was an error parsing the body of your request: expected a JSON object.");
        }
        String model = requiredString(root, "model");
        JsonNode maxTokens = root.get("max_tokens");
        if (maxTokens == null || maxTokens.isNull()) {
            throw invalid("max_tokens: Field required");
        }
        if (!maxTokens.isIntegralNumber() || !maxTokens.canConvertToInt()) {
            throw invalid("max_tokens: Input should be a valid integer");
        }
        if (maxTokens.asInt() < 1) {
            throw invalid("max_tokens: Input should be greater than or equal to 1");
        }
        List<ChatMessage> messages = new ArrayList<>();
        JsonNode system = root.get("system");
        if (system != null && !system.isNull()) {
            messages.add(new ChatMessage("system", text(system, "system")));
        }
        JsonNode messagesNode = root.get("messages");
        if (messagesNode == null || messagesNode.isNull()) {
            throw invalid("messages: Field required");
        }
        if (!messagesNode.isArray()) {
            throw invalid("messages: Input should be a valid list");
        }
        if (messagesNode.isEmpty()) {
            throw invalid("messages: at least one message is required");
        }
        for (int i = 0; i < messagesNode.size(); i++) {
            messages.add(message(messagesNode.get(i), "messages." + i));
        }
        String last = messages.getLast().role().equals("assistant") ? messages.getLast().text() : "";
        if (!last.isEmpty() && Character.isWhitespace(last.charAt(last.length() - 1))) {
            // The real API refuses a prefill ending in whitespace; a gateway that resumes a stream cut after a
            // newline with what it received meets exactly this.
            throw invalid("messages: final assistant content cannot end with trailing whitespace");
        }
        boolean stream = false;
        JsonNode streamNode = root.get("stream");
        if (streamNode != null && !streamNode.isNull()) {
            if (!streamNode.isBoolean()) {
                throw invalid("stream: Input should be a valid boolean");
            }
            stream = streamNode.asBoolean();
        }
        number(root, "temperature", 0, 1);
        number(root, "top_p", 0, 1);
        List<String> tools = tools(root.get("tools"));
        boolean toolsAllowed = toolChoice(root.get("tool_choice"));
        return new ChatRequest(model, messages, stream, true, 1, maxTokens.asInt(), tools, toolsAllowed);
    }

    private static ChatMessage message(JsonNode node, String path) throws InvalidRequestException {
        if (node == null || !node.isObject()) {
            throw invalid(path + ": Input should be a valid dictionary");
        }
        JsonNode role = node.get("role");
        if (role == null || role.isNull()) {
            throw invalid(path + ".role: Field required");
        }
        if (!role.isTextual() || !(role.asText().equals("user") || role.asText().equals("assistant"))) {
            throw invalid(path + ".role: Input should be 'user' or 'assistant'");
        }
        JsonNode content = node.get("content");
        if (content == null || content.isNull()) {
            throw invalid(path + ".content: Field required");
        }
        if (content.isArray() && !content.isEmpty() && onlyToolResults(content)) {
            return new ChatMessage("tool", text(content, path + ".content"));
        }
        return new ChatMessage(role.asText(), text(content, path + ".content"));
    }

    private static boolean onlyToolResults(JsonNode blocks) {
        for (JsonNode block : blocks) {
            if (!"tool_result".equals(block.path("type").asText())) {
                return false;
            }
        }
        return true;
    }

    /** The text of a string or of a list of content blocks (text, and the text inside tool results). */
    private static String text(JsonNode content, String path) throws InvalidRequestException {
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw invalid(path + ": Input should be a valid string or a list of content blocks");
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < content.size(); i++) {
            JsonNode block = content.get(i);
            String blockPath = path + "." + i;
            if (!block.isObject() || !block.path("type").isTextual()) {
                throw invalid(blockPath + ".type: Field required");
            }
            switch (block.get("type").asText()) {
                case "text" -> {
                    if (!block.path("text").isTextual()) {
                        throw invalid(blockPath + ".text: Field required");
                    }
                    text.append(block.get("text").asText());
                }
                case "tool_result" -> {
                    if (!block.path("tool_use_id").isTextual()) {
                        throw invalid(blockPath + ".tool_use_id: Field required");
                    }
                    JsonNode inner = block.get("content");
                    if (inner != null && !inner.isNull()) {
                        text.append(text(inner, blockPath + ".content"));
                    }
                }
                case "tool_use" -> {
                    if (!block.path("id").isTextual() || !block.path("name").isTextual()) {
                        throw invalid(blockPath + ": tool_use blocks need 'id' and 'name'");
                    }
                }
                case "image", "document", "thinking", "redacted_thinking", "search_result" -> {
                    // Accepted and not read: the fake answers from text only.
                }
                default -> throw invalid(blockPath + ".type: Input tag '" + block.get("type").asText()
                        + "' found using 'type' does not match any of the expected tags");
            }
        }
        return text.toString();
    }

    private static List<String> tools(JsonNode node) throws InvalidRequestException {
        List<String> names = new ArrayList<>();
        if (node == null || node.isNull()) {
            return names;
        }
        if (!node.isArray()) {
            throw invalid("tools: Input should be a valid list");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode tool = node.get(i);
            if (!tool.isObject() || !tool.path("name").isTextual()) {
                throw invalid("tools." + i + ".name: Field required");
            }
            if (!tool.has("type") && !tool.path("input_schema").isObject()) {
                throw invalid("tools." + i + ".input_schema: Field required");
            }
            names.add(tool.get("name").asText());
        }
        return names;
    }

    private static boolean toolChoice(JsonNode node) throws InvalidRequestException {
        if (node == null || node.isNull()) {
            return true;
        }
        if (!node.isObject() || !node.path("type").isTextual()) {
            throw invalid("tool_choice.type: Field required");
        }
        return switch (node.get("type").asText()) {
            case "none" -> false;
            case "auto", "any", "tool" -> true;
            default -> throw invalid("tool_choice.type: Input should be 'auto', 'any', 'tool' or 'none'");
        };
    }

    private static String requiredString(JsonNode root, String field) throws InvalidRequestException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw invalid(field + ": Field required");
        }
        if (!node.isTextual()) {
            throw invalid(field + ": Input should be a valid string");
        }
        return node.asText();
    }

    private static void number(JsonNode root, String field, double min, double max) throws InvalidRequestException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isNumber()) {
            throw invalid(field + ": Input should be a valid number");
        }
        if (node.asDouble() < min || node.asDouble() > max) {
            throw invalid(field + ": Input should be between " + min + " and " + max);
        }
    }

    private static InvalidRequestException invalid(String message) {
        return InvalidRequestException.badRequest(message, null);
    }
}
