package dev.brownout.fakes.internal.cassette;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An upstream's streamed answer as it is read: text and a tool call per choice, finish reasons, usage, the
 * instants pieces arrived, or an error the stream carried in place of the rest of the answer.
 */
public final class StreamedAnswer {

    private final Map<Integer, ChoiceDraft> choices = new TreeMap<>();
    private final List<Double> offsetsMs = new ArrayList<>();
    private double nowMs;
    private Integer inputTokens;
    private Integer outputTokens;
    private RecordedExchange.Error error;
    private int errorStatus;

    private static final class ChoiceDraft {
        final StringBuilder text = new StringBuilder();
        String toolId;
        String toolName;
        final StringBuilder arguments = new StringBuilder();
        String finish;
    }

    /** The time the event being read arrived, in milliseconds from the request's sending. */
    void at(double millis) {
        nowMs = millis;
    }

    private ChoiceDraft choice(int index) {
        return choices.computeIfAbsent(index, i -> new ChoiceDraft());
    }

    /** Text of choice {@code index} arrived. */
    public void text(int index, String piece) {
        if (piece != null && !piece.isEmpty()) {
            choice(index).text.append(piece);
            offsetsMs.add(nowMs);
        }
    }

    /** Choice {@code index} started a tool call; only the first tool call of a choice is kept. */
    public void toolCall(int index, String id, String name) {
        ChoiceDraft draft = choice(index);
        if (draft.toolId == null) {
            draft.toolId = id;
            draft.toolName = name;
        }
    }

    /** Arguments of choice {@code index}'s tool call arrived. */
    public void arguments(int index, String piece) {
        if (piece != null && !piece.isEmpty()) {
            choice(index).arguments.append(piece);
            offsetsMs.add(nowMs);
        }
    }

    /** Choice {@code index} ended: {@code stop}, {@code length} or {@code tool_calls}. */
    public void finish(int index, String reason) {
        choice(index).finish = reason;
    }

    /** The upstream counted {@code tokens} in the prompt. */
    public void inputTokens(int tokens) {
        inputTokens = tokens;
    }

    /** The upstream counted {@code tokens} in the answer. */
    public void outputTokens(int tokens) {
        outputTokens = tokens;
    }

    /** The stream carried an error in place of the rest of the answer; {@code status} is what it stands for. */
    public void error(int status, RecordedExchange.Error streamError) {
        if (error == null) {
            errorStatus = status;
            error = streamError;
        }
    }

    boolean failed() {
        return error != null;
    }

    int errorStatus() {
        return errorStatus;
    }

    RecordedExchange.Error errorRead() {
        return error;
    }

    List<RecordedExchange.Choice> choices() {
        List<RecordedExchange.Choice> list = new ArrayList<>();
        for (Map.Entry<Integer, ChoiceDraft> entry : choices.entrySet()) {
            ChoiceDraft draft = entry.getValue();
            RecordedExchange.ToolCall call = draft.toolName == null ? null
                    : new RecordedExchange.ToolCall(draft.toolId == null ? "call_" + entry.getKey() : draft.toolId,
                    draft.toolName, draft.arguments.toString());
            String finish = draft.finish != null ? draft.finish : call != null ? "tool_calls" : "stop";
            list.add(new RecordedExchange.Choice(entry.getKey(), draft.text.toString(), call, finish));
        }
        if (list.isEmpty()) {
            list.add(new RecordedExchange.Choice(0, "", null, "stop"));
        }
        return list;
    }

    RecordedExchange.Usage usage() {
        return inputTokens == null && outputTokens == null ? null
                : new RecordedExchange.Usage(inputTokens, outputTokens);
    }

    List<Double> offsetsMs() {
        return offsetsMs;
    }
}
