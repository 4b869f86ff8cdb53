package dev.brownout.fakes.internal.gemini;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.internal.exchange.ChoicePlan;
import dev.brownout.fakes.internal.exchange.ErrorReply;
import dev.brownout.fakes.internal.exchange.FrameBuffer;
import dev.brownout.fakes.internal.exchange.FrameTemplate;
import dev.brownout.fakes.internal.exchange.Reply;
import dev.brownout.fakes.internal.exchange.StreamEncoder;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code streamGenerateContent?alt=sse}: every {@code data:} event is a whole {@code GenerateContentResponse} with
 * the new text of one candidate; a function call comes whole in the event of its last token. Gemini has no
 * {@code [DONE]}: a stream is complete when an event carried the finish reason, which the last one does with
 * {@code usageMetadata}, so that event is this encoder's terminator and a stream that lacks it was cut.
 */
final class GeminiStream implements StreamEncoder {

    private final Reply reply;
    /** Each candidate's text event around its piece: built once per reply, not once per token. */
    private final List<FrameTemplate> textFrames = new ArrayList<>();

    GeminiStream(Reply reply) {
        this.reply = reply;
        for (ChoicePlan choice : reply.choices()) {
            textFrames.add(FrameTemplate.of(piece -> frame(chunk(GeminiBody.candidate(choice.index(),
                    GeminiBody.textPart(piece))))));
        }
    }

    @Override
    public String start() {
        return "";
    }

    @Override
    public String step(int choice, int step, String piece) {
        ChoicePlan plan = reply.choices().get(choice);
        if (plan.toolCall() == null) {
            return textFrames.get(choice).with(piece);
        }
        return step == plan.tokenCount() - 1 ? frame(chunk(GeminiBody.candidate(choice, GeminiBody.callPart(plan)))) : "";
    }

    @Override
    public void step(int choice, int step, String piece, FrameBuffer frames) {
        if (reply.choices().get(choice).toolCall() == null) {
            textFrames.get(choice).appendTo(frames, piece);
        } else {
            frames.append(step(choice, step, piece));
        }
    }

    @Override
    public String finish(int outputTokensSent) {
        return "";
    }

    /** The last event: an empty text part per candidate with its finish reason, and the usage. */
    @Override
    public String terminator() {
        ObjectNode root = Mappers.json().createObjectNode();
        ArrayNode candidates = root.putArray("candidates");
        for (ChoicePlan choice : reply.choices()) {
            ObjectNode candidate = GeminiBody.candidate(choice.index(), GeminiBody.textPart(""));
            candidate.put("finishReason", GeminiBody.finishReason(choice.finishReason()));
            candidates.add(candidate);
        }
        root.set("usageMetadata", GeminiBody.usage(reply.inputTokens(), reply.outputTokens()));
        GeminiBody.ends(root, reply);
        return frame(root);
    }

    /** Google ends a broken stream with its error object as the last event. */
    @Override
    public String error(ErrorReply error) {
        return frame(GeminiErrors.body(error));
    }

    @Override
    public String malformed() {
        return "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"br\n\n";
    }

    private ObjectNode chunk(ObjectNode candidate) {
        ObjectNode root = Mappers.json().createObjectNode();
        root.putArray("candidates").add(candidate);
        GeminiBody.ends(root, reply);
        return root;
    }

    private static String frame(ObjectNode event) {
        return "data: " + event + "\r\n\r\n";
    }
}
