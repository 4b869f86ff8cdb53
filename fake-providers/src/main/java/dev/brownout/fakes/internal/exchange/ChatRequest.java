package dev.brownout.fakes.internal.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * A chat request in the terms every dialect shares, after validation.
 *
 * @param n            number of choices (OpenAI only; 1 elsewhere)
 * @param maxTokens    output limit, or null for the model's natural length
 * @param toolNames    names of the function tools offered
 * @param toolsAllowed false when the request said not to call tools ({@code tool_choice: none})
 * @param includeUsage whether a streamed answer ends with usage (OpenAI {@code stream_options.include_usage})
 */
public record ChatRequest(String model, List<ChatMessage> messages, boolean stream, boolean includeUsage, int n,
                          Integer maxTokens, List<String> toolNames, boolean toolsAllowed) {

    public ChatRequest {
        messages = List.copyOf(messages);
        toolNames = List.copyOf(toolNames);
    }

    /** The text of the last message with role {@code user}, where canaries are looked for. */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return messages.get(i).text();
            }
        }
        return "";
    }

    /**
     * The text of an assistant message that ends the conversation: a prefix the answer must continue (a
     * prefill, or what a gateway already received of a cut stream). Null when the last message is not an
     * assistant's or has no text (a bare tool call).
     */
    public String assistantPrefix() {
        ChatMessage last = messages.getLast();
        return last.role().equals("assistant") && !last.text().isEmpty() ? last.text() : null;
    }

    /**
     * The texts of the tool results that came after the last user message, in conversation order: their number is
     * the step a multi-step tool task has reached.
     */
    public List<String> toolResultsAfterLastUser() {
        List<String> results = new ArrayList<>();
        for (int i = messages.size() - 1; i >= 0 && !messages.get(i).role().equals("user"); i--) {
            if (messages.get(i).role().equals("tool")) {
                results.addFirst(messages.get(i).text());
            }
        }
        return results;
    }

    /** The text of a tool result that came after the last user message, if any. */
    public String toolResultAfterLastUser() {
        String result = null;
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatMessage message = messages.get(i);
            if (message.role().equals("user")) {
                break;
            }
            if (message.role().equals("tool") && result == null) {
                result = message.text();
            }
        }
        return result;
    }
}
