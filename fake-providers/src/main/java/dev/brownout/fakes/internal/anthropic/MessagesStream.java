package dev.brownout.fakes.internal.anthropic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.internal.exchange.ChoicePlan;
import dev.brownout.fakes.internal.exchange.ErrorReply;
import dev.brownout.fakes.internal.exchange.FrameBuffer;
import dev.brownout.fakes.internal.exchange.FrameTemplate;
import dev.brownout.fakes.internal.exchange.Reply;
import dev.brownout.fakes.internal.exchange.StreamEncoder;

/**
 * Named events, as the Java SDK requires: {@code message_start}, {@code content_block_start}, {@code ping},
 * deltas ({@code text_delta} or {@code input_json_delta}), {@code content_block_stop}, {@code message_delta}
 * with the cumulative output count, {@code message_stop}. No {@code [DONE]}.
 */
final class MessagesStream implements StreamEncoder {

    private final Reply reply;
    private final ChoicePlan choice;
    /** The token frame's bytes around its piece: built once per reply, not once per token. */
    private final FrameTemplate stepFrame;

    MessagesStream(Reply reply) {
        this.reply = reply;
        this.choice = reply.choices().getFirst();
        this.stepFrame = FrameTemplate.of(this::stepFrame);
    }

    @Override
    public String start() {
        ObjectNode message = Mappers.json().createObjectNode();
        message.put("id", reply.id());
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", reply.model());
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.set("usage", MessagesBody.usage(reply.inputTokens(), 1));
        ObjectNode start = event("message_start");
        start.set("message", message);
        ObjectNode blockStart = event("content_block_start");
        blockStart.put("index", 0);
        blockStart.set("content_block", MessagesBody.block(choice, false));
        return frame(start) + frame(blockStart) + frame(event("ping"));
    }

    @Override
    public String step(int choiceIndex, int step, String piece) {
        return stepFrame.with(piece);
    }

    @Override
    public void step(int choiceIndex, int step, String piece, FrameBuffer frames) {
        stepFrame.appendTo(frames, piece);
    }

    private String stepFrame(String piece) {
        ObjectNode delta = event("content_block_delta");
        delta.put("index", 0);
        if (choice.toolCall() != null) {
            delta.putObject("delta").put("type", "input_json_delta").put("partial_json", piece);
        } else {
            delta.putObject("delta").put("type", "text_delta").put("text", piece);
        }
        return frame(delta);
    }

    @Override
    public String finish(int outputTokensSent) {
        ObjectNode stop = event("content_block_stop");
        stop.put("index", 0);
        ObjectNode messageDelta = event("message_delta");
        messageDelta.putObject("delta")
                .put("stop_reason", MessagesBody.stopReason(choice.finishReason()))
                .putNull("stop_sequence");
        messageDelta.set("usage", MessagesBody.usage(reply.inputTokens(), outputTokensSent));
        return frame(stop) + frame(messageDelta);
    }

    @Override
    public String terminator() {
        return frame(event("message_stop"));
    }

    @Override
    public String error(ErrorReply error) {
        return frame(AnthropicErrors.error(error));
    }

    @Override
    public String malformed() {
        return "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_del\n\n";
    }

    private static ObjectNode event(String type) {
        return Mappers.json().createObjectNode().put("type", type);
    }

    private static String frame(ObjectNode event) {
        return "event: " + event.get("type").asText() + "\ndata: " + event + "\n\n";
    }
}
