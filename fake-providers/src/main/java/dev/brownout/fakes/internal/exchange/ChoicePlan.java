package dev.brownout.fakes.internal.exchange;

import java.util.List;

/**
 * One choice of a reply: either text pieces (one per output token) or a tool call whose argument pieces
 * are its output tokens.
 */
public record ChoicePlan(int index, List<String> textPieces, ToolCallPlan toolCall, FinishReason finishReason,
                         Boolean correct) {

    public ChoicePlan {
        textPieces = List.copyOf(textPieces);
    }

    /** Output tokens this choice sends when complete. */
    public int tokenCount() {
        return toolCall != null ? toolCall.argumentPieces().size() : textPieces.size();
    }

    /** The piece sent at output step {@code step}. */
    public String pieceAt(int step) {
        return toolCall != null ? toolCall.argumentPieces().get(step) : textPieces.get(step);
    }

    public String text() {
        return String.join("", textPieces);
    }
}
