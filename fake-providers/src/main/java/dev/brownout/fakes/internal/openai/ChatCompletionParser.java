package dev.brownout.fakes.internal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.internal.exchange.ChatMessage;
import dev.brownout.fakes.internal.exchange.ChatRequest;
import dev.brownout.fakes.internal.exchange.InvalidRequestException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a Chat Completions request and refuses what the real API refuses, with its messages, {@code param}
 * and {@code code}. Parameters it does not model are accepted and ignored, as newer SDK fields must be.
 */
final class ChatCompletionParser {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");
    static final Pattern TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    private ChatCompletionParser() {
    }

    static ChatRequest parse(byte[] body) throws InvalidRequestException {
        JsonNode root = jsonObject(body);
        JsonNode model = model(root);
        JsonNode messagesNode = root.get("messages");
        if (messagesNode == null || messagesNode.isNull()) {
            throw missing("messages");
        }
        if (!messagesNode.isArray()) {
            throw invalidType("messages", "an array", messagesNode);
        }
        if (messagesNode.isEmpty()) {
            throw new InvalidRequestException(400, "Invalid 'messages': empty array. Expected an array with minimum "
                    + "length 1, but got an empty array instead.", "messages", "empty_array");
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < messagesNode.size(); i++) {
            messages.add(message(messagesNode.get(i), "messages[" + i + "]"));
        }
        boolean stream = optionalBoolean(root, "stream", false);
        JsonNode streamOptions = root.get("stream_options");
        boolean includeUsage = false;
        if (streamOptions != null && !streamOptions.isNull()) {
            if (!streamOptions.isObject()) {
                throw invalidType("stream_options", "an object", streamOptions);
            }
            if (!stream) {
                throw new InvalidRequestException(400, "The 'stream_options' parameter is only allowed when 'stream' "
                        + "is enabled.", "stream_options", "invalid_value");
            }
            includeUsage = optionalBoolean(streamOptions, "include_usage", false);
        }
        int n = optionalInt(root, "n", 1, 1, 128);
        Integer maxTokens = null;
        if (root.hasNonNull("max_completion_tokens")) {
            maxTokens = optionalInt(root, "max_completion_tokens", 0, 1, Integer.MAX_VALUE);
        } else if (root.hasNonNull("max_tokens")) {
            maxTokens = optionalInt(root, "max_tokens", 0, 1, Integer.MAX_VALUE);
        }
        optionalNumber(root, "temperature", 0, 2);
        optionalNumber(root, "top_p", 0, 1);
        List<String> tools = tools(root.get("tools"));
        boolean toolsAllowed = toolChoice(root.get("tool_choice"), tools);
        return new ChatRequest(model.asText(), messages, stream, includeUsage, n, maxTokens, tools, toolsAllowed);
    }

    /** The body as a JSON object, or the API's refusal of a body that is not one. Shared by both OpenAI APIs. */
    static JsonNode jsonObject(byte[] body) throws InvalidRequestException {
        JsonNode root;
        try {
            root = body.length == 0 ? null : Mappers.json().readTree(body);
        } catch (IOException e) {
            throw new InvalidRequestException(400, "We could not parse the JSON body of your request. The OpenAI API "
                    + "expects a JSON payload, but what was sent was not valid JSON.", null, null);
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new InvalidRequestException(400, "We could not parse the JSON body of your request. The OpenAI API "
                    + "expects a JSON object.", null, null);
        }
        return root;
    }

    /** The request's {@code model}, which both OpenAI APIs require as a string. */
    static JsonNode model(JsonNode root) throws InvalidRequestException {
        JsonNode model = root.get("model");
        if (model == null || model.isNull()) {
            throw new InvalidRequestException(400, "you must provide a model parameter", null, null);
        }
        if (!model.isTextual()) {
            throw invalidType("model", "a string", model);
        }
        return model;
    }

    private static ChatMessage message(JsonNode node, String path) throws InvalidRequestException {
        if (node == null || !node.isObject()) {
            throw invalidType(path, "an object", node);
        }
        JsonNode role = node.get("role");
        if (role == null || role.isNull()) {
            throw missing(path + ".role");
        }
        if (!role.isTextual() || !ROLES.contains(role.asText())) {
            throw new InvalidRequestException(400, "Invalid value: '" + role.asText() + "'. Supported values are: "
                    + "'system', 'assistant', 'user', 'function', 'tool', and 'developer'.", path + ".role", "invalid_value");
        }
        JsonNode content = node.get("content");
        String text;
        if (content == null || content.isNull()) {
            if (!role.asText().equals("assistant")) {
                throw missing(path + ".content");
            }
            text = "";
        } else if (content.isTextual()) {
            text = content.asText();
        } else if (content.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < content.size(); i++) {
                JsonNode part = content.get(i);
                String partPath = path + ".content[" + i + "]";
                if (!part.isObject() || !part.path("type").isTextual()) {
                    throw missing(partPath + ".type");
                }
                if (part.get("type").asText().equals("text")) {
                    if (!part.path("text").isTextual()) {
                        throw missing(partPath + ".text");
                    }
                    joined.append(part.get("text").asText());
                }
            }
            text = joined.toString();
        } else {
            throw invalidType(path + ".content", "one of a string or array of objects", content);
        }
        if (role.asText().equals("tool") && !node.path("tool_call_id").isTextual()) {
            throw missing(path + ".tool_call_id");
        }
        return new ChatMessage(role.asText().equals("function") ? "tool" : role.asText(), text);
    }

    private static List<String> tools(JsonNode node) throws InvalidRequestException {
        List<String> names = new ArrayList<>();
        if (node == null || node.isNull()) {
            return names;
        }
        if (!node.isArray()) {
            throw invalidType("tools", "an array", node);
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode tool = node.get(i);
            String path = "tools[" + i + "]";
            if (!tool.isObject()) {
                throw invalidType(path, "an object", tool);
            }
            if (!tool.path("type").isTextual()) {
                throw missing(path + ".type");
            }
            if (!tool.get("type").asText().equals("function")) {
                continue;
            }
            JsonNode name = tool.path("function").path("name");
            if (!name.isTextual()) {
                throw missing(path + ".function.name");
            }
            if (!TOOL_NAME.matcher(name.asText()).matches()) {
                throw new InvalidRequestException(400, "Invalid '" + path + ".function.name': string does not match "
                        + "pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.",
                        path + ".function.name", "invalid_value");
            }
            names.add(name.asText());
        }
        return names;
    }

    /** A {@code tool_choice} given as a word, in either API: whether tools may be called. */
    static boolean toolChoiceWord(JsonNode node) throws InvalidRequestException {
        return switch (node.asText()) {
            case "none" -> false;
            case "auto", "required" -> true;
            default -> throw new InvalidRequestException(400, "Invalid value: '" + node.asText()
                    + "'. Supported values are: 'none', 'auto', and 'required'.", "tool_choice", "invalid_value");
        };
    }

    /** Returns whether tools may be called. */
    private static boolean toolChoice(JsonNode node, List<String> tools) throws InvalidRequestException {
        if (node == null || node.isNull()) {
            return true;
        }
        if (node.isTextual()) {
            return toolChoiceWord(node);
        }
        if (!node.isObject()) {
            throw invalidType("tool_choice", "one of a string or object", node);
        }
        String name = node.path("function").path("name").asText(null);
        if (name == null) {
            throw missing("tool_choice.function.name");
        }
        if (!tools.contains(name)) {
            throw new InvalidRequestException(400, "Invalid value for 'tool_choice': tool '" + name
                    + "' is not in the provided tools.", "tool_choice", "invalid_value");
        }
        return true;
    }

    static boolean optionalBoolean(JsonNode parent, String field, boolean fallback) throws InvalidRequestException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw invalidType(field, "a boolean", node);
        }
        return node.asBoolean();
    }

    static int optionalInt(JsonNode parent, String field, int fallback, int min, int max)
            throws InvalidRequestException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw invalidType(field, "an integer", node);
        }
        int value = node.asInt();
        if (value < min) {
            throw new InvalidRequestException(400, "Invalid '" + field + "': integer below minimum value. Expected a "
                    + "value >= " + min + ", but got " + value + " instead.", field, "integer_below_min_value");
        }
        if (value > max) {
            throw new InvalidRequestException(400, "Invalid '" + field + "': integer above maximum value. Expected a "
                    + "value <= " + max + ", but got " + value + " instead.", field, "integer_above_max_value");
        }
        return value;
    }

    static void optionalNumber(JsonNode parent, String field, double min, double max)
            throws InvalidRequestException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isNumber()) {
            throw invalidType(field, "a number", node);
        }
        double value = node.asDouble();
        if (value < min || value > max) {
            throw new InvalidRequestException(400, "Invalid '" + field + "': expected a value between " + min
                    + " and " + max + ", but got " + value + " instead.", field, "invalid_value");
        }
    }

    static InvalidRequestException missing(String param) {
        return new InvalidRequestException(400, "Missing required parameter: '" + param + "'.", param,
                "missing_required_parameter");
    }

    static InvalidRequestException invalidType(String param, String expected, JsonNode got) {
        return new InvalidRequestException(400, "Invalid type for '" + param + "': expected " + expected
                + ", but got " + describe(got) + " instead.", param, "invalid_type");
    }

    static String describe(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isIntegralNumber()) {
            return "an integer";
        }
        if (node.isNumber()) {
            return "a decimal";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
