package dev.brownout.fakes.internal.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.internal.exchange.ChoicePlan;
import dev.brownout.fakes.internal.exchange.ErrorReply;
import dev.brownout.fakes.internal.exchange.FrameBuffer;
import dev.brownout.fakes.internal.exchange.FrameTemplate;
import dev.brownout.fakes.internal.exchange.Reply;
import dev.brownout.fakes.internal.exchange.StreamEncoder;

/**
 * {@code chat.completion.chunk} events: the role first, content or tool-call argument fragments, one
 * finish chunk per choice, the usage chunk when asked for, then {@code data: [DONE]}.
 */
final class ChatCompletionStream implements StreamEncoder {

    private final Reply reply;
    /** Per choice, the token frame's bytes around its piece: built once per reply, not once per token. */
    private final FrameTemplate[] stepFrames;

    ChatCompletionStream(Reply reply) {
        this.reply = reply;
        this.stepFrames = new FrameTemplate[reply.choices().size()];
    }

    @Override
    public String start() {
        StringBuilder frames = new StringBuilder();
        for (ChoicePlan choice : reply.choices()) {
            ObjectNode chunk = chunk();
            ObjectNode delta = choiceNode(chunk, choice.index()).putObject("delta");
            delta.put("role", "assistant");
            if (choice.toolCall() != null) {
                delta.putNull("content");
                ObjectNode call = delta.putArray("tool_calls").addObject();
                call.put("index", 0);
                call.put("id", choice.toolCall().id());
                call.put("type", "function");
                call.putObject("function").put("name", choice.toolCall().name()).put("arguments", "");
            } else {
                delta.put("content", "");
            }
            delta.putNull("refusal");
            frames.append(data(chunk));
        }
        return frames.toString();
    }

    @Override
    public String step(int choiceIndex, int step, String piece) {
        return template(choiceIndex).with(piece);
    }

    @Override
    public void step(int choiceIndex, int step, String piece, FrameBuffer frames) {
        template(choiceIndex).appendTo(frames, piece);
    }

    private FrameTemplate template(int choiceIndex) {
        FrameTemplate template = stepFrames[choiceIndex];
        if (template == null) {
            template = FrameTemplate.of(hole -> stepFrame(choiceIndex, hole));
            stepFrames[choiceIndex] = template;
        }
        return template;
    }

    private String stepFrame(int choiceIndex, String piece) {
        ChoicePlan choice = reply.choices().get(choiceIndex);
        ObjectNode chunk = chunk();
        ObjectNode delta = choiceNode(chunk, choiceIndex).putObject("delta");
        if (choice.toolCall() != null) {
            ObjectNode call = delta.putArray("tool_calls").addObject();
            call.put("index", 0);
            call.putObject("function").put("arguments", piece);
        } else {
            delta.put("content", piece);
        }
        return data(chunk);
    }

    @Override
    public String finish(int outputTokensSent) {
        StringBuilder frames = new StringBuilder();
        for (ChoicePlan choice : reply.choices()) {
            ObjectNode chunk = chunk();
            ObjectNode node = choiceNode(chunk, choice.index());
            node.putObject("delta");
            node.put("finish_reason", ChatCompletionBody.finishReason(choice.finishReason()));
            frames.append(data(chunk));
        }
        if (reply.includeUsage()) {
            ObjectNode chunk = chunk();
            chunk.putArray("choices");
            chunk.set("usage", ChatCompletionBody.usage(reply.inputTokens(), outputTokensSent));
            frames.append(data(chunk));
        }
        return frames.toString();
    }

    @Override
    public String terminator() {
        return "data: [DONE]\n\n";
    }

    @Override
    public String error(ErrorReply error) {
        return data(OpenAiErrors.body(error));
    }

    @Override
    public String malformed() {
        return "data: {\"id\":\"" + reply.id() + "\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"\n\n";
    }

    private ObjectNode chunk() {
        ObjectNode chunk = Mappers.json().createObjectNode();
        chunk.put("id", reply.id());
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", reply.created());
        chunk.put("model", reply.model());
        chunk.put("service_tier", "default");
        chunk.put("system_fingerprint", ChatCompletionBody.FINGERPRINT);
        chunk.putArray("choices");
        if (reply.includeUsage()) {
            chunk.putNull("usage");
        }
        return chunk;
    }

    private static ObjectNode choiceNode(ObjectNode chunk, int index) {
        ObjectNode choice = ((ArrayNode) chunk.get("choices")).addObject();
        choice.put("index", index);
        choice.putNull("logprobs");
        choice.putNull("finish_reason");
        return choice;
    }

    private static String data(ObjectNode node) {
        return "data: " + node + "\n\n";
    }
}
