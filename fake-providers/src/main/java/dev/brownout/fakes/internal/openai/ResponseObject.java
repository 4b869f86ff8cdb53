package dev.brownout.fakes.internal.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.internal.exchange.ChoicePlan;
import dev.brownout.fakes.internal.exchange.ErrorReply;
import dev.brownout.fakes.internal.exchange.FinishReason;
import dev.brownout.fakes.internal.exchange.Reply;

/**
 * The Responses API's {@code response} object and its output items, with every key openai-java's model requires
 * present (null when empty): the non-streaming body, and what the stream's lifecycle events carry.
 */
final class ResponseObject {

    private ResponseObject() {
    }

    /** The status a reply ends with when it is sent whole: {@code incomplete} when it hit {@code max_output_tokens}. */
    static String finalStatus(Reply reply) {
        return choice(reply).finishReason() == FinishReason.LENGTH ? "incomplete" : "completed";
    }

    static ChoicePlan choice(Reply reply) {
        return reply.choices().getFirst();
    }

    static String messageId(Reply reply) {
        return "msg_" + reply.id().substring("resp_".length());
    }

    static String functionCallId(Reply reply) {
        return "fc_" + reply.id().substring("resp_".length());
    }

    /**
     * The response object. {@code outputTokens} is null for one still in progress (no usage yet); {@code error} is
     * set for a failed one.
     */
    static ObjectNode of(Reply reply, ResponseStore.Kept echo, String status, boolean withOutput, Long outputTokens,
                         ErrorReply error) {
        ObjectNode root = Mappers.json().createObjectNode();
        root.put("id", reply.id());
        root.put("object", "response");
        root.put("created_at", reply.created());
        root.put("status", status);
        root.put("background", false);
        if (error != null) {
            root.putObject("error").put("code", errorCode(error)).put("message", error.message());
        } else {
            root.putNull("error");
        }
        if ("incomplete".equals(status)) {
            root.putObject("incomplete_details").put("reason", "max_output_tokens");
        } else {
            root.putNull("incomplete_details");
        }
        root.put("instructions", echo == null ? null : echo.instructions);
        if (echo == null || echo.maxOutputTokens == null) {
            root.putNull("max_output_tokens");
        } else {
            root.put("max_output_tokens", echo.maxOutputTokens);
        }
        root.putNull("max_tool_calls");
        root.put("model", reply.model());
        ArrayNode output = root.putArray("output");
        if (withOutput) {
            output.add(item(reply, "completed".equals(status) ? "completed" : "incomplete"));
        }
        root.put("parallel_tool_calls", true);
        root.putNull("previous_response_id");
        root.putObject("reasoning").putNull("effort").putNull("summary");
        root.put("service_tier", "default");
        root.put("store", true);
        root.put("temperature", 1.0);
        ObjectNode text = root.putObject("text");
        text.putObject("format").put("type", "text");
        text.put("verbosity", "medium");
        root.put("tool_choice", "auto");
        root.putArray("tools");
        root.put("top_p", 1.0);
        root.put("truncation", "disabled");
        if (outputTokens == null) {
            root.putNull("usage");
        } else {
            root.set("usage", usage(reply.inputTokens(), outputTokens));
        }
        root.putNull("user");
        root.putObject("metadata");
        return root;
    }

    /** The reply's one output item, whole: a message with its text, or a function call with its arguments. */
    static ObjectNode item(Reply reply, String status) {
        return item(reply, status, true);
    }

    /** The item as {@code response.output_item.added} announces it: nothing produced yet. */
    static ObjectNode emptyItem(Reply reply) {
        return item(reply, "in_progress", false);
    }

    private static ObjectNode item(Reply reply, String status, boolean whole) {
        ChoicePlan choice = choice(reply);
        ObjectNode item = Mappers.json().createObjectNode();
        if (choice.toolCall() != null) {
            item.put("type", "function_call");
            item.put("id", functionCallId(reply));
            item.put("call_id", choice.toolCall().id());
            item.put("name", choice.toolCall().name());
            item.put("arguments", whole ? choice.toolCall().arguments() : "");
            item.put("status", status);
            return item;
        }
        item.put("type", "message");
        item.put("id", messageId(reply));
        item.put("status", status);
        item.put("role", "assistant");
        ArrayNode content = item.putArray("content");
        if (whole) {
            content.add(textPart(choice.text()));
        }
        return item;
    }

    static ObjectNode textPart(String text) {
        ObjectNode part = Mappers.json().createObjectNode();
        part.put("type", "output_text");
        part.put("text", text);
        part.putArray("annotations");
        part.putArray("logprobs");
        return part;
    }

    static ObjectNode usage(long input, long output) {
        ObjectNode usage = Mappers.json().createObjectNode();
        usage.put("input_tokens", input);
        usage.putObject("input_tokens_details").put("cached_tokens", 0).put("cache_write_tokens", 0);
        usage.put("output_tokens", output);
        usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
        usage.put("total_tokens", input + output);
        return usage;
    }

    /** The code a failed response or an {@code error} event names: the error's own, else its type. */
    static String errorCode(ErrorReply error) {
        if (error.code() != null) {
            return error.code();
        }
        return error.status() >= 500 ? "server_error"
                : error.type() != null ? error.type() : OpenAiErrors.type(error.status());
    }
}
