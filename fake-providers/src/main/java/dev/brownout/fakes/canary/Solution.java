package dev.brownout.fakes.canary;

import java.util.List;

/**
 * A reply to a canary: the working shown before the answer, the answer itself, and for tool tasks the
 * call to make when the request offers that tool.
 */
public record Solution(List<String> working, String answer, ToolCall toolCall) {

    public Solution {
        working = List.copyOf(working);
    }

    /** The reply text: working lines, then {@code ANSWER: <answer>} on the last line. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (String line : working) {
            text.append(line).append('\n');
        }
        return text.append(Canaries.ANSWER_PREFIX).append(answer).toString();
    }

    /** A function call the model makes instead of answering in text. */
    public record ToolCall(String name, String argumentsJson) {
    }
}
