package dev.brownout.fakes.internal.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.internal.exchange.ChatMessage;
import dev.brownout.fakes.internal.exchange.ChatRequest;
import dev.brownout.fakes.internal.exchange.InvalidRequestException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@code GenerateContentRequest} and refuses what the real API refuses, in its messages: an unknown field
 * is {@code Invalid JSON payload received. Unknown name "x"}, a value of the wrong type names the field's path.
 * Field names are accepted in both spellings the API's JSON mapping takes ({@code maxOutputTokens} and
 * {@code max_output_tokens}). A {@code functionResponse} part becomes a message with role {@code tool} whose text
 * is the JSON of its {@code response}, so tool results reach the planner as in the other dialects; a model turn
 * becomes an assistant message of its text parts.
 */
final class GeminiParser {

    private static final Set<String> TOP_LEVEL = Set.of("contents", "model", "systemInstruction", "tools",
            "toolConfig", "generationConfig", "safetySettings", "cachedContent", "labels");
    private static final Set<String> GENERATION_CONFIG = Set.of("maxOutputTokens", "candidateCount", "temperature",
            "topP", "topK", "stopSequences", "responseMimeType", "responseSchema", "responseJsonSchema",
            "thinkingConfig", "seed", "presencePenalty", "frequencyPenalty", "responseLogprobs", "logprobs",
            "responseModalities", "speechConfig", "mediaResolution", "enableEnhancedCivicAnswers", "imageConfig",
            "routingConfig", "modelSelectionConfig", "audioTimestamp");
    private static final Set<String> PART_DATA = Set.of("text", "inlineData", "fileData", "functionCall",
            "functionResponse", "executableCode", "codeExecutionResult");
    private static final Set<String> PART_FIELDS = Set.of("text", "inlineData", "fileData", "functionCall",
            "functionResponse", "executableCode", "codeExecutionResult", "thought", "thoughtSignature",
            "videoMetadata", "partMetadata", "mediaResolution");
    private static final Set<String> MODES = Set.of("MODE_UNSPECIFIED", "AUTO", "ANY", "NONE", "VALIDATED");
    /** Most candidates a request may ask for. */
    static final int MAX_CANDIDATES = 8;

    private GeminiParser() {
    }

    /**
     * @param model  the model named in the path, without {@code models/}
     * @param stream whether the path's method is {@code streamGenerateContent}
     */
    static ChatRequest parse(byte[] body, String model, boolean stream) throws InvalidRequestException {
        JsonNode root;
        try {
            root = body.length == 0 ? null : Mappers.json().readTree(body);
        } catch (IOException e) {
            throw invalid("Invalid JSON payload received. The body is not valid JSON.");
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw invalid("Invalid JSON payload received. Expected a JSON object (GenerateContentRequest).");
        }
        knownFields(root, TOP_LEVEL, "");
        List<ChatMessage> messages = new ArrayList<>();
        JsonNode system = field(root, "systemInstruction");
        if (present(system)) {
            messages.add(new ChatMessage("system", systemText(system)));
        }
        JsonNode contents = field(root, "contents");
        if (!present(contents) || contents.isArray() && contents.isEmpty()) {
            throw invalid("* GenerateContentRequest.contents: contents is not specified");
        }
        if (!contents.isArray()) {
            throw wrongType("contents", contents, "a list of Content");
        }
        for (int i = 0; i < contents.size(); i++) {
            content(contents.get(i), "contents[" + i + "]", messages);
        }
        GenerationConfig generation = generationConfig(field(root, "generationConfig"));
        List<String> tools = tools(field(root, "tools"));
        boolean toolsAllowed = toolsAllowed(field(root, "toolConfig"));
        safetySettings(field(root, "safetySettings"));
        JsonNode cached = field(root, "cachedContent");
        if (present(cached) && !cached.isTextual()) {
            throw wrongType("cached_content", cached, "a string");
        }
        return new ChatRequest(model, messages, stream, true, generation.candidates(), generation.maxOutputTokens(),
                tools, toolsAllowed);
    }

    private record GenerationConfig(int candidates, Integer maxOutputTokens) {
    }

    private static void content(JsonNode node, String path, List<ChatMessage> messages) throws InvalidRequestException {
        if (!node.isObject()) {
            throw wrongType(path, node, "a Content object");
        }
        knownFields(node, Set.of("role", "parts"), path);
        JsonNode roleNode = node.get("role");
        String role = "user";
        if (present(roleNode)) {
            if (!roleNode.isTextual()) {
                throw wrongType(path + ".role", roleNode, "a string");
            }
            role = roleNode.asText();
            if (role.isEmpty()) {
                role = "user";
            }
            if (!Set.of("user", "model", "function").contains(role)) {
                throw invalid("Please use a valid role: user, model.");
            }
        }
        JsonNode parts = node.get("parts");
        if (!present(parts) || parts.isArray() && parts.isEmpty()) {
            throw invalid("* GenerateContentRequest." + path + ".parts: contents.parts must not be empty.");
        }
        if (!parts.isArray()) {
            throw wrongType(path + ".parts", parts, "a list of Part");
        }
        StringBuilder text = new StringBuilder();
        List<String> toolResults = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            part(parts.get(i), path + ".parts[" + i + "]", text, toolResults);
        }
        if (role.equals("model")) {
            messages.add(new ChatMessage("assistant", text.toString()));
            return;
        }
        // Tool results first, then any text of the same turn: the text is the user's newest word.
        for (String result : toolResults) {
            messages.add(new ChatMessage("tool", result));
        }
        if (toolResults.isEmpty() || !text.isEmpty()) {
            messages.add(new ChatMessage("user", text.toString()));
        }
    }

    private static void part(JsonNode part, String path, StringBuilder text, List<String> toolResults)
            throws InvalidRequestException {
        if (!part.isObject()) {
            throw wrongType(path, part, "a Part object");
        }
        knownFields(part, PART_FIELDS, path);
        int data = 0;
        for (String name : PART_DATA) {
            if (present(field(part, name))) {
                data++;
            }
        }
        JsonNode signature = field(part, "thoughtSignature");
        if (data == 0 && !present(signature)) {
            throw invalid("* GenerateContentRequest." + path + ".data: required oneof field 'data' must have one "
                    + "initialized field");
        }
        if (data > 1) {
            throw invalid("* GenerateContentRequest." + path + ".data: oneof field 'data' is already set. Cannot set "
                    + "more than one of its fields");
        }
        JsonNode thought = field(part, "thought");
        if (present(thought) && !thought.isBoolean()) {
            throw wrongType(path + ".thought", thought, "a boolean");
        }
        if (present(signature) && !signature.isTextual()) {
            throw wrongType(path + ".thought_signature", signature, "a base64 string");
        }
        JsonNode textNode = field(part, "text");
        if (present(textNode)) {
            if (!textNode.isTextual()) {
                throw wrongType(path + ".text", textNode, "a string");
            }
            text.append(textNode.asText());
        }
        JsonNode call = field(part, "functionCall");
        if (present(call)) {
            named(call, path + ".function_call");
            JsonNode args = call.get("args");
            if (present(args) && !args.isObject()) {
                throw wrongType(path + ".function_call.args", args, "an object (google.protobuf.Struct)");
            }
        }
        JsonNode response = field(part, "functionResponse");
        if (present(response)) {
            named(response, path + ".function_response");
            JsonNode result = response.get("response");
            if (!present(result)) {
                throw invalid("* GenerateContentRequest." + path + ".function_response.response: required field is "
                        + "not specified");
            }
            if (!result.isObject()) {
                throw wrongType(path + ".function_response.response", result, "an object (google.protobuf.Struct)");
            }
            toolResults.add(result.toString());
        }
        for (String blob : List.of("inlineData", "fileData")) {
            JsonNode node = field(part, blob);
            if (present(node) && !node.isObject()) {
                throw wrongType(path + "." + snake(blob), node, "an object");
            }
        }
    }

    private static void named(JsonNode node, String path) throws InvalidRequestException {
        if (!node.isObject()) {
            throw wrongType(path, node, "an object");
        }
        JsonNode name = node.get("name");
        if (!present(name) || !name.isTextual() || name.asText().isEmpty()) {
            throw invalid("* GenerateContentRequest." + path + ".name: Name cannot be empty.");
        }
    }

    private static String systemText(JsonNode system) throws InvalidRequestException {
        if (!system.isObject()) {
            throw wrongType("system_instruction", system, "a Content object");
        }
        List<ChatMessage> holder = new ArrayList<>();
        content(system, "system_instruction", holder);
        StringBuilder text = new StringBuilder();
        for (ChatMessage message : holder) {
            text.append(message.text());
        }
        return text.toString();
    }

    private static GenerationConfig generationConfig(JsonNode config) throws InvalidRequestException {
        if (!present(config)) {
            return new GenerationConfig(1, null);
        }
        if (!config.isObject()) {
            throw wrongType("generation_config", config, "a GenerationConfig object");
        }
        knownFields(config, GENERATION_CONFIG, "generation_config");
        Integer maxTokens = integer(config, "maxOutputTokens");
        if (maxTokens != null && maxTokens < 1) {
            throw invalid("* GenerateContentRequest.generation_config.max_output_tokens: max_output_tokens must be "
                    + "positive.");
        }
        Integer candidates = integer(config, "candidateCount");
        if (candidates != null && (candidates < 1 || candidates > MAX_CANDIDATES)) {
            throw invalid("* GenerateContentRequest.generation_config.candidate_count: candidate_count must be between "
                    + "1 and " + MAX_CANDIDATES + ".");
        }
        number(config, "temperature", 0, 2);
        number(config, "topP", 0, 1);
        Integer topK = integer(config, "topK");
        if (topK != null && topK < 0) {
            throw invalid("* GenerateContentRequest.generation_config.top_k: top_k must be positive.");
        }
        integer(config, "seed");
        integer(config, "logprobs");
        number(config, "presencePenalty", -2, 2);
        number(config, "frequencyPenalty", -2, 2);
        JsonNode stops = field(config, "stopSequences");
        if (present(stops)) {
            if (!stops.isArray()) {
                throw wrongType("generation_config.stop_sequences", stops, "a list of strings");
            }
            if (stops.size() > 5) {
                throw invalid("* GenerateContentRequest.generation_config.stop_sequences: at most 5 stop sequences "
                        + "are allowed.");
            }
            for (JsonNode stop : stops) {
                if (!stop.isTextual()) {
                    throw wrongType("generation_config.stop_sequences", stop, "a string");
                }
            }
        }
        JsonNode mime = field(config, "responseMimeType");
        if (present(mime) && !mime.isTextual()) {
            throw wrongType("generation_config.response_mime_type", mime, "a string");
        }
        JsonNode thinking = field(config, "thinkingConfig");
        if (present(thinking) && !thinking.isObject()) {
            throw wrongType("generation_config.thinking_config", thinking, "a ThinkingConfig object");
        }
        return new GenerationConfig(candidates == null ? 1 : candidates, maxTokens);
    }

    private static List<String> tools(JsonNode tools) throws InvalidRequestException {
        List<String> names = new ArrayList<>();
        if (!present(tools)) {
            return names;
        }
        if (!tools.isArray()) {
            throw wrongType("tools", tools, "a list of Tool");
        }
        for (int i = 0; i < tools.size(); i++) {
            JsonNode tool = tools.get(i);
            String path = "tools[" + i + "]";
            if (!tool.isObject()) {
                throw wrongType(path, tool, "a Tool object");
            }
            JsonNode declarations = field(tool, "functionDeclarations");
            if (!present(declarations)) {
                continue;
            }
            if (!declarations.isArray()) {
                throw wrongType(path + ".function_declarations", declarations, "a list of FunctionDeclaration");
            }
            for (int j = 0; j < declarations.size(); j++) {
                JsonNode declaration = declarations.get(j);
                String declarationPath = path + ".function_declarations[" + j + "]";
                named(declaration, declarationPath);
                for (String schema : List.of("parameters", "parametersJsonSchema", "response")) {
                    JsonNode node = field(declaration, schema);
                    if (present(node) && !node.isObject()) {
                        throw wrongType(declarationPath + "." + snake(schema), node, "a Schema object");
                    }
                }
                names.add(declaration.get("name").asText());
            }
        }
        return names;
    }

    private static boolean toolsAllowed(JsonNode config) throws InvalidRequestException {
        if (!present(config)) {
            return true;
        }
        if (!config.isObject()) {
            throw wrongType("tool_config", config, "a ToolConfig object");
        }
        JsonNode calling = field(config, "functionCallingConfig");
        if (!present(calling)) {
            return true;
        }
        if (!calling.isObject()) {
            throw wrongType("tool_config.function_calling_config", calling, "a FunctionCallingConfig object");
        }
        JsonNode mode = calling.get("mode");
        if (!present(mode)) {
            return true;
        }
        if (!mode.isTextual() || !MODES.contains(mode.asText())) {
            throw invalid("Invalid value at 'tool_config.function_calling_config.mode' (type.googleapis.com/"
                    + "google.ai.generativelanguage.v1beta.FunctionCallingConfig.Mode), " + mode
                    + "; valid values are AUTO, ANY, NONE and VALIDATED.");
        }
        JsonNode allowed = field(calling, "allowedFunctionNames");
        if (present(allowed) && !allowed.isArray()) {
            throw wrongType("tool_config.function_calling_config.allowed_function_names", allowed, "a list of strings");
        }
        return !mode.asText().equals("NONE");
    }

    private static void safetySettings(JsonNode settings) throws InvalidRequestException {
        if (!present(settings)) {
            return;
        }
        if (!settings.isArray()) {
            throw wrongType("safety_settings", settings, "a list of SafetySetting");
        }
        for (int i = 0; i < settings.size(); i++) {
            JsonNode setting = settings.get(i);
            if (!setting.isObject() || !setting.path("category").isTextual() || !setting.path("threshold").isTextual()) {
                throw invalid("* GenerateContentRequest.safety_settings[" + i + "]: a safety setting needs a "
                        + "category and a threshold, both strings.");
            }
        }
    }

    /** An int32 field, given as a JSON number or (as the JSON mapping allows) a string of digits; null if absent. */
    private static Integer integer(JsonNode parent, String name) throws InvalidRequestException {
        JsonNode node = field(parent, name);
        if (!present(node)) {
            return null;
        }
        String path = "generation_config." + snake(name);
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.asInt();
        }
        if (node.isTextual() && node.asText().matches("-?\\d{1,9}")) {
            return Integer.parseInt(node.asText());
        }
        throw invalid("Invalid value at '" + path + "' (TYPE_INT32), " + abbreviated(node) + "; expected a whole "
                + "number.");
    }

    private static void number(JsonNode parent, String name, double min, double max) throws InvalidRequestException {
        JsonNode node = field(parent, name);
        if (!present(node)) {
            return;
        }
        String path = "generation_config." + snake(name);
        if (!node.isNumber()) {
            throw invalid("Invalid value at '" + path + "' (TYPE_FLOAT), " + abbreviated(node) + "; expected a "
                    + "number.");
        }
        if (node.asDouble() < min || node.asDouble() > max) {
            throw invalid("* GenerateContentRequest." + path + ": " + snake(name) + " must be between " + min
                    + " and " + max + ".");
        }
    }

    /** Refuses any field this object does not have, by the name it was sent with. */
    private static void knownFields(JsonNode node, Set<String> known, String path) throws InvalidRequestException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name) && !known.contains(camel(name))) {
                throw invalid("Invalid JSON payload received. Unknown name \"" + abbreviated(name) + "\""
                        + (path.isEmpty() ? "" : " at '" + path + "'") + ": Cannot find field.");
            }
        }
    }

    /** A field by its camel-case name or its snake-case one. */
    private static JsonNode field(JsonNode parent, String camelName) {
        JsonNode node = parent.get(camelName);
        return node != null ? node : parent.get(snake(camelName));
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    static String snake(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder(snake.length());
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static InvalidRequestException wrongType(String path, JsonNode value, String expected) {
        return invalid("Invalid value at '" + path + "', " + abbreviated(value) + "; expected " + expected + ".");
    }

    private static String abbreviated(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }

    static InvalidRequestException invalid(String message) {
        return InvalidRequestException.badRequest(message, null);
    }
}
