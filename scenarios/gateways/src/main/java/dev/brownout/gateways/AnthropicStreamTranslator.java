package dev.brownout.gateways;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * A Messages stream as Chat Completions chunks: {@code message_start} gives the chunk with the role, each
 * {@code text_delta} a chunk with its text, {@code message_delta} the chunk with the finish reason (and a
 * usage chunk when the caller asked for usage), and only {@code message_stop} gives {@code [DONE]}. A
 * mid-stream {@code error} becomes OpenAI's mid-stream error event and ends the stream; a stream that ends
 * before {@code message_stop} ends without {@code [DONE]}, so the caller can tell it was cut.
 */
public final class AnthropicStreamTranslator implements ChatEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DONE = "data: [DONE]";

    private final SseEventReader upstream;
    private final boolean includeUsage;
    private final long created;
    private final Queue<String> ready = new ArrayDeque<>();
    private String id;
    private String model;
    private ObjectNode usage = JSON.createObjectNode();
    private boolean over;

    /**
     * @param fallbackModel the model named in chunks should the stream not start with {@code message_start}
     * @param includeUsage  whether the caller asked for a usage chunk ({@code stream_options.include_usage})
     */
    public AnthropicStreamTranslator(SseEventReader upstream, String fallbackModel, boolean includeUsage, Instant now) {
        this.upstream = upstream;
        this.model = fallbackModel;
        this.includeUsage = includeUsage;
        this.created = now.getEpochSecond();
    }

    @Override
    public String next() throws IOException {
        while (ready.isEmpty()) {
            if (over) {
                return null;
            }
            String event = upstream.next();
            if (event == null) {
                over = true;
                return null;
            }
            translate(data(event));
        }
        return ready.poll();
    }

    private void translate(JsonNode event) {
        switch (event.path("type").asText()) {
            case "message_start" -> {
                JsonNode message = event.path("message");
                id = message.path("id").asText(id);
                model = message.path("model").asText(model);
                if (message.path("usage").isObject()) {
                    usage = (ObjectNode) message.get("usage").deepCopy();
                }
                ObjectNode delta = JSON.createObjectNode().put("role", "assistant").put("content", "");
                ready.add(chunk(delta, null));
            }
            case "content_block_start" -> {
                String text = event.path("content_block").path("text").asText("");
                if (!text.isEmpty()) {
                    ready.add(chunk(JSON.createObjectNode().put("content", text), null));
                }
            }
            case "content_block_delta" -> {
                JsonNode delta = event.path("delta");
                if ("text_delta".equals(delta.path("type").asText())) {
                    ready.add(chunk(JSON.createObjectNode().put("content", delta.path("text").asText()), null));
                }
            }
            case "message_delta" -> {
                if (event.path("usage").isObject()) {
                    usage.setAll((ObjectNode) event.get("usage"));
                }
                String stopReason = event.path("delta").path("stop_reason").asText("end_turn");
                ready.add(chunk(JSON.createObjectNode(), AnthropicAnswer.finishReason(stopReason)));
                if (includeUsage) {
                    ready.add(usageChunk());
                }
            }
            case "message_stop" -> {
                ready.add(DONE);
                over = true;
            }
            case "error" -> {
                ready.add("data: " + AnthropicAnswer.error(event, "api_error"));
                over = true;
            }
            default -> {
                // ping, content_block_stop and event types newer than this translation carry nothing for the caller
            }
        }
    }

    private String chunk(ObjectNode delta, String finishReason) {
        ObjectNode chunk = chunkHeader();
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.set("finish_reason", finishReason == null ? NullNode.getInstance() : JSON.getNodeFactory().textNode(finishReason));
        return "data: " + chunk;
    }

    private String usageChunk() {
        ObjectNode chunk = chunkHeader();
        chunk.putArray("choices");
        chunk.set("usage", AnthropicAnswer.usage(usage));
        return "data: " + chunk;
    }

    private ObjectNode chunkHeader() {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", model);
        return chunk;
    }

    /** The JSON of an event's {@code data:} lines; its {@code type} names the event as {@code event:} does. */
    private static JsonNode data(String event) throws IOException {
        StringBuilder data = new StringBuilder();
        for (String line : event.split("\n")) {
            if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
            }
        }
        if (data.isEmpty()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(data.toString());
        } catch (IOException e) {
            throw new IOException("the anthropic upstream sent an event that is not JSON: " + e.getMessage(), e);
        }
    }
}
