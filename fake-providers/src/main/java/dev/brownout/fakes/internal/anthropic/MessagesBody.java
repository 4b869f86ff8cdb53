package dev.brownout.fakes.internal.anthropic;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.internal.exchange.ChoicePlan;
import dev.brownout.fakes.internal.exchange.FinishReason;
import dev.brownout.fakes.internal.exchange.Reply;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The non-streaming {@code message} object. */
final class MessagesBody {

    private MessagesBody() {
    }

    /**
     * The body's bytes. A text reply (the usual one) is written straight out, in the order and with the escaping
     * the JSON tree below gives, without building the tree; a tool call, whose input is parsed JSON, goes through it.
     */
    static byte[] bytes(Reply reply) {
        ChoicePlan choice = reply.choices().getFirst();
        if (choice.toolCall() != null) {
            return of(reply).toString().getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = Mappers.json().getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("id", reply.id());
            json.writeStringField("type", "message");
            json.writeStringField("role", "assistant");
            json.writeStringField("model", reply.model());
            json.writeArrayFieldStart("content");
            json.writeStartObject();
            json.writeStringField("type", "text");
            json.writeStringField("text", choice.text());
            json.writeEndObject();
            json.writeEndArray();
            json.writeStringField("stop_reason", stopReason(choice.finishReason()));
            json.writeNullField("stop_sequence");
            json.writeObjectFieldStart("usage");
            json.writeNumberField("input_tokens", reply.inputTokens());
            json.writeNumberField("cache_creation_input_tokens", 0);
            json.writeNumberField("cache_read_input_tokens", 0);
            json.writeNumberField("output_tokens", reply.outputTokens());
            json.writeStringField("service_tier", "standard");
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    static ObjectNode of(Reply reply) {
        ChoicePlan choice = reply.choices().getFirst();
        ObjectNode root = Mappers.json().createObjectNode();
        root.put("id", reply.id());
        root.put("type", "message");
        root.put("role", "assistant");
        root.put("model", reply.model());
        var content = root.putArray("content");
        content.add(block(choice, true));
        root.put("stop_reason", stopReason(choice.finishReason()));
        root.putNull("stop_sequence");
        root.set("usage", usage(reply.inputTokens(), reply.outputTokens()));
        return root;
    }

    /** The content block; {@code complete} fills text or tool input, otherwise it is the empty start block. */
    static ObjectNode block(ChoicePlan choice, boolean complete) {
        ObjectNode block = Mappers.json().createObjectNode();
        if (choice.toolCall() != null) {
            block.put("type", "tool_use");
            block.put("id", choice.toolCall().id());
            block.put("name", choice.toolCall().name());
            block.set("input", complete ? input(choice.toolCall().arguments()) : Mappers.json().createObjectNode());
        } else {
            block.put("type", "text");
            block.put("text", complete ? choice.text() : "");
        }
        return block;
    }

    static ObjectNode usage(long input, long output) {
        ObjectNode usage = Mappers.json().createObjectNode();
        usage.put("input_tokens", input);
        usage.put("cache_creation_input_tokens", 0);
        usage.put("cache_read_input_tokens", 0);
        usage.put("output_tokens", output);
        usage.put("service_tier", "standard");
        return usage;
    }

    static String stopReason(FinishReason reason) {
        return switch (reason) {
            case STOP -> "end_turn";
            case LENGTH -> "max_tokens";
            case TOOL_CALLS -> "tool_use";
        };
    }

    /** Tool input must be an object; arguments cut short by max_tokens leave it empty. */
    private static JsonNode input(String arguments) {
        try {
            JsonNode node = Mappers.json().readTree(arguments);
            return node != null && node.isObject() ? node : Mappers.json().createObjectNode();
        } catch (IOException e) {
            return Mappers.json().createObjectNode();
        }
    }
}
