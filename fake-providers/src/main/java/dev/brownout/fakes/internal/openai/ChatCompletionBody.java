package dev.brownout.fakes.internal.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.internal.exchange.BodyTemplate;
import dev.brownout.fakes.internal.exchange.ChoicePlan;
import dev.brownout.fakes.internal.exchange.FinishReason;
import dev.brownout.fakes.internal.exchange.Reply;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The non-streaming {@code chat.completion} object, with every documented key present (null when empty). */
final class ChatCompletionBody {

    static final String FINGERPRINT = "fp_brownout";

    /**
     * The body of the usual reply, one text choice, cut from the tree {@link #of} builds: the same bytes, filled
     * without a tree or a generator.
     */
    private static final BodyTemplate ONE_TEXT_CHOICE = BodyTemplate.of(8, values -> {
        Reply sample = new Reply("id", 0, "model",
                List.of(new ChoicePlan(0, List.of("text"), null, FinishReason.STOP, null)), 0, false);
        ObjectNode root = of(sample);
        root.put("id", values.get(0));
        root.put("created", values.get(1));
        root.put("model", values.get(2));
        ObjectNode choice = (ObjectNode) root.get("choices").get(0);
        ((ObjectNode) choice.get("message")).put("content", values.get(3));
        choice.put("finish_reason", values.get(4));
        ObjectNode usage = (ObjectNode) root.get("usage");
        usage.put("prompt_tokens", values.get(5));
        usage.put("completion_tokens", values.get(6));
        usage.put("total_tokens", values.get(7));
        return root.toString();
    });

    private ChatCompletionBody() {
    }

    /**
     * The body's bytes. A reply of text choices (the usual one) is written straight out, in the order and with
     * the escaping the JSON tree below gives, without building the tree; one with a tool call goes through it.
     */
    static byte[] bytes(Reply reply) {
        if (reply.choices().stream().anyMatch(choice -> choice.toolCall() != null)) {
            return of(reply).toString().getBytes(StandardCharsets.UTF_8);
        }
        if (reply.choices().size() == 1) {
            ChoicePlan choice = reply.choices().getFirst();
            long input = reply.inputTokens();
            long output = reply.outputTokens();
            return ONE_TEXT_CHOICE.fill(reply.id(), reply.created(), reply.model(), choice.text(),
                    finishReason(choice.finishReason()), input, output, input + output);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 + reply.choices().size() * 512);
        try (JsonGenerator json = Mappers.json().getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("id", reply.id());
            json.writeStringField("object", "chat.completion");
            json.writeNumberField("created", reply.created());
            json.writeStringField("model", reply.model());
            json.writeArrayFieldStart("choices");
            for (ChoicePlan choice : reply.choices()) {
                json.writeStartObject();
                json.writeNumberField("index", choice.index());
                json.writeObjectFieldStart("message");
                json.writeStringField("role", "assistant");
                json.writeStringField("content", choice.text());
                json.writeNullField("refusal");
                json.writeArrayFieldStart("annotations");
                json.writeEndArray();
                json.writeEndObject();
                json.writeNullField("logprobs");
                json.writeStringField("finish_reason", finishReason(choice.finishReason()));
                json.writeEndObject();
            }
            json.writeEndArray();
            long input = reply.inputTokens();
            long output = reply.outputTokens();
            json.writeObjectFieldStart("usage");
            json.writeNumberField("prompt_tokens", input);
            json.writeNumberField("completion_tokens", output);
            json.writeNumberField("total_tokens", input + output);
            json.writeObjectFieldStart("prompt_tokens_details");
            json.writeNumberField("cached_tokens", 0);
            json.writeNumberField("audio_tokens", 0);
            json.writeEndObject();
            json.writeObjectFieldStart("completion_tokens_details");
            json.writeNumberField("reasoning_tokens", 0);
            json.writeNumberField("audio_tokens", 0);
            json.writeNumberField("accepted_prediction_tokens", 0);
            json.writeNumberField("rejected_prediction_tokens", 0);
            json.writeEndObject();
            json.writeEndObject();
            json.writeStringField("service_tier", "default");
            json.writeStringField("system_fingerprint", FINGERPRINT);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    static ObjectNode of(Reply reply) {
        ObjectNode root = Mappers.json().createObjectNode();
        root.put("id", reply.id());
        root.put("object", "chat.completion");
        root.put("created", reply.created());
        root.put("model", reply.model());
        var choices = root.putArray("choices");
        for (ChoicePlan choice : reply.choices()) {
            ObjectNode node = choices.addObject();
            node.put("index", choice.index());
            ObjectNode message = node.putObject("message");
            message.put("role", "assistant");
            if (choice.toolCall() != null) {
                message.putNull("content");
                ObjectNode call = message.putArray("tool_calls").addObject();
                call.put("id", choice.toolCall().id());
                call.put("type", "function");
                call.putObject("function")
                        .put("name", choice.toolCall().name())
                        .put("arguments", choice.toolCall().arguments());
            } else {
                message.put("content", choice.text());
            }
            message.putNull("refusal");
            message.putArray("annotations");
            node.putNull("logprobs");
            node.put("finish_reason", finishReason(choice.finishReason()));
        }
        root.set("usage", usage(reply.inputTokens(), reply.outputTokens()));
        root.put("service_tier", "default");
        root.put("system_fingerprint", FINGERPRINT);
        return root;
    }

    static ObjectNode usage(long input, long output) {
        ObjectNode usage = Mappers.json().createObjectNode();
        usage.put("prompt_tokens", input);
        usage.put("completion_tokens", output);
        usage.put("total_tokens", input + output);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details")
                .put("reasoning_tokens", 0)
                .put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0)
                .put("rejected_prediction_tokens", 0);
        return usage;
    }

    static String finishReason(FinishReason reason) {
        return switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case TOOL_CALLS -> "tool_calls";
        };
    }
}
