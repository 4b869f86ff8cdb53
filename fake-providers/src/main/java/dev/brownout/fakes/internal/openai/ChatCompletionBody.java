package dev.brownout.fakes.internal.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.internal.exchange.ChoicePlan;
import dev.brownout.fakes.internal.exchange.FinishReason;
import dev.brownout.fakes.internal.exchange.Reply;

/** The non-streaming {@code chat.completion} object, with every documented key present (null when empty). */
final class ChatCompletionBody {

    static final String FINGERPRINT = "fp_brownout";

    private ChatCompletionBody() {
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
