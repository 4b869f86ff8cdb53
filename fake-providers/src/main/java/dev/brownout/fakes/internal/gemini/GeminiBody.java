package dev.brownout.fakes.internal.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.internal.exchange.ChoicePlan;
import dev.brownout.fakes.internal.exchange.FinishReason;
import dev.brownout.fakes.internal.exchange.Reply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The {@code GenerateContentResponse}: one candidate per choice with its parts (text, or a whole
 * {@code functionCall}), {@code finishReason}, {@code usageMetadata}, {@code modelVersion}, {@code responseId}.
 */
final class GeminiBody {

    private GeminiBody() {
    }

    static byte[] bytes(Reply reply) {
        ObjectNode root = Mappers.json().createObjectNode();
        ArrayNode candidates = root.putArray("candidates");
        for (ChoicePlan choice : reply.choices()) {
            ObjectNode candidate = candidate(choice.index(), choice.toolCall() != null ? callPart(choice)
                    : textPart(choice.text()));
            candidate.put("finishReason", finishReason(choice.finishReason()));
            candidates.add(candidate);
        }
        root.set("usageMetadata", usage(reply.inputTokens(), reply.outputTokens()));
        ends(root, reply);
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A candidate of one part, as the model's content; no finish reason yet. */
    static ObjectNode candidate(int index, ObjectNode part) {
        ObjectNode candidate = Mappers.json().createObjectNode();
        ObjectNode content = candidate.putObject("content");
        content.putArray("parts").add(part);
        content.put("role", "model");
        candidate.put("index", index);
        return candidate;
    }

    static ObjectNode textPart(String text) {
        return Mappers.json().createObjectNode().put("text", text);
    }

    /** The whole function call: Gemini sends a call in one part, never its arguments piece by piece. */
    static ObjectNode callPart(ChoicePlan choice) {
        ObjectNode part = Mappers.json().createObjectNode();
        ObjectNode call = part.putObject("functionCall");
        call.put("name", choice.toolCall().name());
        call.set("args", args(choice.toolCall().arguments()));
        return part;
    }

    static ObjectNode usage(long prompt, long candidates) {
        ObjectNode usage = Mappers.json().createObjectNode();
        usage.put("promptTokenCount", prompt);
        usage.put("candidatesTokenCount", candidates);
        usage.put("totalTokenCount", prompt + candidates);
        usage.putArray("promptTokensDetails").addObject().put("modality", "TEXT").put("tokenCount", prompt);
        return usage;
    }

    /** The fields every response and every stream chunk ends with. */
    static void ends(ObjectNode root, Reply reply) {
        root.put("modelVersion", reply.model());
        root.put("responseId", reply.id());
    }

    static String finishReason(FinishReason reason) {
        return switch (reason) {
            // Gemini ends a turn that calls a function with STOP, as any other.
            case STOP, TOOL_CALLS -> "STOP";
            case LENGTH -> "MAX_TOKENS";
        };
    }

    /** Arguments must be an object; ones cut short by the output limit leave it empty. */
    private static JsonNode args(String arguments) {
        try {
            JsonNode node = Mappers.json().readTree(arguments);
            return node != null && node.isObject() ? node : Mappers.json().createObjectNode();
        } catch (IOException e) {
            return Mappers.json().createObjectNode();
        }
    }
}
