package dev.brownout.fakes.internal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.internal.exchange.ChatMessage;
import dev.brownout.fakes.internal.exchange.ChatRequest;
import dev.brownout.fakes.internal.exchange.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.brownout.fakes.internal.openai.ChatCompletionParser.invalidType;
import static dev.brownout.fakes.internal.openai.ChatCompletionParser.missing;
import static dev.brownout.fakes.internal.openai.ChatCompletionParser.optionalBoolean;
import static dev.brownout.fakes.internal.openai.ChatCompletionParser.optionalInt;
import static dev.brownout.fakes.internal.openai.ChatCompletionParser.optionalNumber;

/**
 * Reads a Responses API request ({@code POST /v1/responses}) into the shared chat terms and refuses what the real
 * API refuses, with its messages, {@code param} and {@code code}. {@code input} is a string (one user message) or
 * a list of items: messages (string content or {@code input_text} / {@code output_text} parts), {@code
 * function_call} and {@code function_call_output} items; item kinds it does not model (reasoning, item
 * references, built-in tool calls) are accepted and skipped. A request with {@code previous_response_id} is read
 * with the conversation of that response before its input, so canaries, tool results and token counts see the
 * whole conversation; {@code instructions} come first, as a message of the role {@link #INSTRUCTIONS_ROLE} so the
 * store can leave them out of what a later response continues.
 */
final class ResponsesParser {

    /** The role the {@code instructions} get in the conversation; no input item can have it. */
    static final String INSTRUCTIONS_ROLE = "instructions";

    private static final Set<String> ROLES = Set.of("user", "assistant", "system", "developer");
    private static final Set<String> TEXT_PARTS = Set.of("input_text", "output_text", "text");
    private static final Set<String> SKIPPED_PARTS = Set.of("input_image", "input_file", "input_audio", "refusal");
    private static final Set<String> SKIPPED_ITEMS = Set.of("reasoning", "item_reference", "file_search_call",
            "web_search_call", "computer_call", "computer_call_output", "image_generation_call",
            "code_interpreter_call", "local_shell_call", "local_shell_call_output", "shell_call", "shell_call_output",
            "apply_patch_call", "apply_patch_call_output", "mcp_list_tools", "mcp_approval_request",
            "mcp_approval_response", "mcp_call", "custom_tool_call", "custom_tool_call_output", "compaction");
    /** The real API's floor for {@code max_output_tokens}. */
    static final int MIN_OUTPUT_TOKENS = 16;

    private ResponsesParser() {
    }

    static ChatRequest parse(byte[] body, ResponseStore store) throws InvalidRequestException {
        JsonNode root = ChatCompletionParser.jsonObject(body);
        String model = ChatCompletionParser.model(root).asText();
        List<ChatMessage> messages = new ArrayList<>();
        String instructions = optionalString(root, "instructions");
        if (instructions != null) {
            messages.add(new ChatMessage(INSTRUCTIONS_ROLE, instructions));
        }
        String previous = optionalString(root, "previous_response_id");
        if (previous != null) {
            messages.addAll(store.continuable(previous).orElseThrow(() -> new InvalidRequestException(400,
                    "Previous response with id '" + previous + "' not found.", "previous_response_id",
                    "previous_response_not_found")));
        }
        int inputMessages = input(root.get("input"), messages);
        if (inputMessages == 0 && previous == null) {
            // Instructions alone are no conversation: there is nothing to answer.
            throw missing("input");
        }
        boolean stream = optionalBoolean(root, "stream", false);
        JsonNode streamOptions = root.get("stream_options");
        if (streamOptions != null && !streamOptions.isNull()) {
            if (!streamOptions.isObject()) {
                throw invalidType("stream_options", "an object", streamOptions);
            }
            if (!stream) {
                throw new InvalidRequestException(400, "The 'stream_options' parameter is only allowed when 'stream' "
                        + "is enabled.", "stream_options", "invalid_value");
            }
        }
        Integer maxTokens = root.hasNonNull("max_output_tokens")
                ? optionalInt(root, "max_output_tokens", 0, MIN_OUTPUT_TOKENS, Integer.MAX_VALUE) : null;
        optionalNumber(root, "temperature", 0, 2);
        optionalNumber(root, "top_p", 0, 1);
        optionalBoolean(root, "store", true);
        optionalBoolean(root, "parallel_tool_calls", true);
        JsonNode metadata = root.get("metadata");
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            throw invalidType("metadata", "an object", metadata);
        }
        List<String> tools = tools(root.get("tools"));
        boolean toolsAllowed = toolChoice(root.get("tool_choice"), tools);
        return new ChatRequest(model, messages, stream, true, 1, maxTokens, tools, toolsAllowed);
    }

    /** Appends the input's messages; returns how many it had. */
    private static int input(JsonNode input, List<ChatMessage> messages) throws InvalidRequestException {
        if (input == null || input.isNull()) {
            return 0;
        }
        if (input.isTextual()) {
            messages.add(new ChatMessage("user", input.asText()));
            return 1;
        }
        if (!input.isArray()) {
            throw invalidType("input", "one of a string or array of input items", input);
        }
        int added = 0;
        for (int i = 0; i < input.size(); i++) {
            ChatMessage message = item(input.get(i), "input[" + i + "]");
            if (message != null) {
                messages.add(message);
                added++;
            }
        }
        return added;
    }

    private static ChatMessage item(JsonNode item, String path) throws InvalidRequestException {
        if (item == null || !item.isObject()) {
            throw invalidType(path, "an object", item);
        }
        JsonNode typeNode = item.get("type");
        String type;
        if (typeNode == null || typeNode.isNull()) {
            type = "message";
        } else if (typeNode.isTextual()) {
            type = typeNode.asText();
        } else {
            throw invalidType(path + ".type", "a string", typeNode);
        }
        return switch (type) {
            case "message" -> message(item, path);
            case "function_call" -> {
                requiredString(item, "call_id", path);
                requiredString(item, "name", path);
                requiredString(item, "arguments", path);
                // A bare tool call, as Chat Completions reads an assistant message with tool_calls and no content.
                yield new ChatMessage("assistant", "");
            }
            case "function_call_output" -> {
                requiredString(item, "call_id", path);
                JsonNode output = item.get("output");
                if (output == null || output.isNull()) {
                    throw missing(path + ".output");
                }
                yield new ChatMessage("tool", output.isTextual() ? output.asText()
                        : parts(output, path + ".output"));
            }
            default -> {
                if (SKIPPED_ITEMS.contains(type)) {
                    yield null;
                }
                throw new InvalidRequestException(400, "Invalid value: '" + type + "'. Supported values are: "
                        + "'message', 'function_call', 'function_call_output', 'reasoning', 'item_reference' and the "
                        + "built-in tools' call items.", path + ".type", "invalid_value");
            }
        };
    }

    private static ChatMessage message(JsonNode item, String path) throws InvalidRequestException {
        JsonNode role = item.get("role");
        if (role == null || role.isNull()) {
            throw missing(path + ".role");
        }
        if (!role.isTextual() || !ROLES.contains(role.asText())) {
            throw new InvalidRequestException(400, "Invalid value: '" + role.asText() + "'. Supported values are: "
                    + "'assistant', 'system', 'developer', and 'user'.", path + ".role", "invalid_value");
        }
        JsonNode content = item.get("content");
        if (content == null || content.isNull()) {
            throw missing(path + ".content");
        }
        if (content.isTextual()) {
            return new ChatMessage(role.asText(), content.asText());
        }
        if (!content.isArray()) {
            throw invalidType(path + ".content", "one of a string or array of objects", content);
        }
        return new ChatMessage(role.asText(), parts(content, path + ".content"));
    }

    /** The text of a list of content parts; parts without text (images, files) add none. */
    private static String parts(JsonNode content, String path) throws InvalidRequestException {
        if (!content.isArray()) {
            throw invalidType(path, "one of a string or array of objects", content);
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < content.size(); i++) {
            JsonNode part = content.get(i);
            String partPath = path + "[" + i + "]";
            if (part == null || !part.isObject()) {
                throw invalidType(partPath, "an object", part);
            }
            if (!part.path("type").isTextual()) {
                throw missing(partPath + ".type");
            }
            String type = part.get("type").asText();
            if (TEXT_PARTS.contains(type)) {
                joined.append(requiredString(part, "text", partPath));
            } else if (!SKIPPED_PARTS.contains(type)) {
                throw new InvalidRequestException(400, "Invalid value: '" + type + "'. Supported values are: "
                        + "'input_text', 'input_image', 'input_file', 'output_text', and 'refusal'.",
                        partPath + ".type", "invalid_value");
            }
        }
        return joined.toString();
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
            if (tool == null || !tool.isObject()) {
                throw invalidType(path, "an object", tool);
            }
            if (!tool.path("type").isTextual()) {
                throw missing(path + ".type");
            }
            if (!tool.get("type").asText().equals("function")) {
                continue;
            }
            String name = requiredString(tool, "name", path);
            if (!ChatCompletionParser.TOOL_NAME.matcher(name).matches()) {
                throw new InvalidRequestException(400, "Invalid '" + path + ".name': string does not match pattern. "
                        + "Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.", path + ".name",
                        "invalid_value");
            }
            JsonNode parameters = tool.get("parameters");
            if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
                throw invalidType(path + ".parameters", "an object", parameters);
            }
            names.add(name);
        }
        return names;
    }

    /** Whether tools may be called: not with {@code tool_choice: none}. */
    private static boolean toolChoice(JsonNode node, List<String> tools) throws InvalidRequestException {
        if (node == null || node.isNull()) {
            return true;
        }
        if (node.isTextual()) {
            return ChatCompletionParser.toolChoiceWord(node);
        }
        if (!node.isObject()) {
            throw invalidType("tool_choice", "one of a string or object", node);
        }
        if (!node.path("type").isTextual()) {
            throw missing("tool_choice.type");
        }
        if (node.get("type").asText().equals("function")) {
            String name = requiredString(node, "name", "tool_choice");
            if (!tools.contains(name)) {
                throw new InvalidRequestException(400, "Tool choice '" + name + "' not found in 'tools' parameter.",
                        "tool_choice", "invalid_value");
            }
        }
        return true;
    }

    private static String optionalString(JsonNode parent, String field) throws InvalidRequestException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalidType(field, "a string", node);
        }
        return node.asText();
    }

    private static String requiredString(JsonNode parent, String field, String path) throws InvalidRequestException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw missing(path + "." + field);
        }
        if (!node.isTextual()) {
            throw invalidType(path + "." + field, "a string", node);
        }
        return node.asText();
    }
}
