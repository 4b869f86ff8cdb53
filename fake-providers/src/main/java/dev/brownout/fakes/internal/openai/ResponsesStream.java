package dev.brownout.fakes.internal.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.internal.exchange.ChoicePlan;
import dev.brownout.fakes.internal.exchange.ErrorReply;
import dev.brownout.fakes.internal.exchange.FrameBuffer;
import dev.brownout.fakes.internal.exchange.FrameTemplate;
import dev.brownout.fakes.internal.exchange.Reply;
import dev.brownout.fakes.internal.exchange.StreamEncoder;

/**
 * The Responses API's typed event stream, each event named ({@code event:}) and numbered ({@code
 * sequence_number}): {@code response.created}, {@code response.in_progress}, {@code response.output_item.added},
 * for text {@code response.content_part.added}, one {@code response.output_text.delta} per token, {@code
 * response.output_text.done} and {@code response.content_part.done}, for a function call one {@code
 * response.function_call_arguments.delta} per token and {@code .done}; then {@code response.output_item.done}
 * and, as the terminator, {@code response.completed} (or {@code response.incomplete} at {@code
 * max_output_tokens}) with the usage. No {@code [DONE]}: the body ends after the terminal event. A mid-stream
 * error is an {@code error} event followed by {@code response.failed}. A completed stream makes its response
 * continuable through {@code previous_response_id}.
 */
final class ResponsesStream implements StreamEncoder {

    private final Reply reply;
    private final ChoicePlan choice;
    private final ResponseStore store;
    private final ResponseStore.Kept echo;
    private final String itemId;
    private int sequence;
    private int outputTokensSent;
    /** The token event's bytes after its sequence number, around its piece: built once per reply. */
    private FrameTemplate stepFrame;

    ResponsesStream(Reply reply, ResponseStore store) {
        this.reply = reply;
        this.choice = ResponseObject.choice(reply);
        this.store = store;
        this.echo = store.find(reply.id()).orElse(null);
        this.itemId = choice.toolCall() != null ? ResponseObject.functionCallId(reply)
                : ResponseObject.messageId(reply);
    }

    @Override
    public String start() {
        StringBuilder frames = new StringBuilder();
        ObjectNode inProgress = ResponseObject.of(reply, echo, "in_progress", false, null, null);
        frames.append(event("response.created", node().set("response", inProgress)));
        frames.append(event("response.in_progress", node().set("response", inProgress)));
        frames.append(event("response.output_item.added",
                node().put("output_index", 0).set("item", ResponseObject.emptyItem(reply))));
        if (choice.toolCall() == null) {
            frames.append(event("response.content_part.added", node().put("item_id", itemId).put("output_index", 0)
                    .put("content_index", 0).set("part", ResponseObject.textPart(""))));
        }
        return frames.toString();
    }

    @Override
    public String step(int choiceIndex, int step, String piece) {
        return stepHead() + stepFrame().with(piece);
    }

    @Override
    public void step(int choiceIndex, int step, String piece, FrameBuffer frames) {
        frames.append(stepHead());
        stepFrame().appendTo(frames, piece);
    }

    /** The token event up to its sequence number, which it takes. */
    private String stepHead() {
        String type = deltaType();
        return "event: " + type + "\ndata: {\"type\":\"" + type + "\",\"sequence_number\":" + sequence++ + ",";
    }

    private FrameTemplate stepFrame() {
        if (stepFrame == null) {
            stepFrame = FrameTemplate.of(this::stepTail);
        }
        return stepFrame;
    }

    private String deltaType() {
        return choice.toolCall() != null ? "response.function_call_arguments.delta" : "response.output_text.delta";
    }

    /** The token event from after its sequence number: {@code "item_id":...,"delta":"<piece>",...}. */
    private String stepTail(String piece) {
        ObjectNode tail = Mappers.json().createObjectNode();
        tail.put("item_id", itemId);
        tail.put("output_index", 0);
        if (choice.toolCall() == null) {
            tail.put("content_index", 0);
            tail.put("delta", piece);
            tail.putArray("logprobs");
        } else {
            tail.put("delta", piece);
        }
        return tail.toString().substring(1) + "\n\n";
    }

    @Override
    public String finish(int outputTokensSent) {
        this.outputTokensSent = outputTokensSent;
        String status = ResponseObject.finalStatus(reply);
        StringBuilder frames = new StringBuilder();
        if (choice.toolCall() != null) {
            frames.append(event("response.function_call_arguments.done", node().put("item_id", itemId)
                    .put("output_index", 0).put("name", choice.toolCall().name())
                    .put("arguments", choice.toolCall().arguments())));
        } else {
            frames.append(event("response.output_text.done", node().put("item_id", itemId).put("output_index", 0)
                    .put("content_index", 0).put("text", choice.text()).set("logprobs",
                            Mappers.json().createArrayNode())));
            frames.append(event("response.content_part.done", node().put("item_id", itemId).put("output_index", 0)
                    .put("content_index", 0).set("part", ResponseObject.textPart(choice.text()))));
        }
        frames.append(event("response.output_item.done",
                node().put("output_index", 0).set("item", ResponseObject.item(reply, status))));
        return frames.toString();
    }

    @Override
    public String terminator() {
        String status = ResponseObject.finalStatus(reply);
        store.completed(reply.id());
        return event("completed".equals(status) ? "response.completed" : "response.incomplete", node().set("response",
                ResponseObject.of(reply, echo, status, true, (long) outputTokensSent, null)));
    }

    @Override
    public String error(ErrorReply error) {
        ObjectNode event = node();
        event.put("code", ResponseObject.errorCode(error));
        event.put("message", error.message());
        event.put("param", error.param());
        return event("error", event) + event("response.failed",
                node().set("response", ResponseObject.of(reply, echo, "failed", false, null, error)));
    }

    @Override
    public String malformed() {
        String type = deltaType();
        return "event: " + type + "\ndata: {\"type\":\"" + type + "\",\"sequence_number\":" + sequence++
                + ",\"item_id\":\"" + itemId + "\",\"delta\":\"\n\n";
    }

    private static ObjectNode node() {
        return Mappers.json().createObjectNode();
    }

    /** One named event; its {@code type} and {@code sequence_number} lead, then the fields given. */
    private String event(String type, ObjectNode fields) {
        ObjectNode event = node();
        event.put("type", type);
        event.put("sequence_number", sequence++);
        event.setAll(fields);
        return "event: " + type + "\ndata: " + event + "\n\n";
    }
}
