package dev.brownout.fakes.internal.openai;

import dev.brownout.fakes.internal.exchange.ChatMessage;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The responses a provider's Responses API has answered, for {@code previous_response_id}: per response id, the
 * conversation it ended (its input, the input of the responses it continued, and its own output; never the
 * {@code instructions}, which the real API does not carry over either), and what the response object echoes.
 * A response is kept from when it is planned but can be continued only once it completed; it lives as long as the
 * provider, bounded: past {@code maxResponses} responses or {@code maxChars} characters of conversation the oldest
 * are forgotten, so a soak cannot grow it without end.
 */
final class ResponseStore {

    static final int DEFAULT_MAX_RESPONSES = 10_000;
    static final long DEFAULT_MAX_CHARS = 64L * 1024 * 1024;

    /** What a response echoes of its request, and the conversation it ended. */
    static final class Kept {
        final List<ChatMessage> conversation;
        final String instructions;
        final Integer maxOutputTokens;
        final long chars;
        volatile boolean completed;

        Kept(List<ChatMessage> conversation, String instructions, Integer maxOutputTokens) {
            this.conversation = List.copyOf(conversation);
            this.instructions = instructions;
            this.maxOutputTokens = maxOutputTokens;
            this.chars = this.conversation.stream().mapToLong(message -> message.text().length() + 16).sum();
        }
    }

    private final int maxResponses;
    private final long maxChars;
    private final Map<String, Kept> byId = new LinkedHashMap<>();
    private long chars;

    ResponseStore(int maxResponses, long maxChars) {
        if (maxResponses < 1 || maxChars < 1) {
            throw new IllegalArgumentException("a response store keeps at least one response and one character");
        }
        this.maxResponses = maxResponses;
        this.maxChars = maxChars;
    }

    /** Keeps a planned response under its id, forgetting the oldest past the bounds. */
    synchronized void keep(String id, Kept kept) {
        Kept replaced = byId.put(id, kept);
        if (replaced != null) {
            chars -= replaced.chars;
        }
        chars += kept.chars;
        Iterator<Kept> oldest = byId.values().iterator();
        while ((byId.size() > maxResponses || chars > maxChars) && byId.size() > 1 && oldest.hasNext()) {
            chars -= oldest.next().chars;
            oldest.remove();
        }
    }

    /** The response was sent whole: from now on it can be continued. */
    synchronized void completed(String id) {
        Kept kept = byId.get(id);
        if (kept != null) {
            kept.completed = true;
        }
    }

    /** A response kept under this id, completed or not. */
    synchronized Optional<Kept> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The conversation of a completed response still kept; empty for an unknown, forgotten or unfinished one. */
    synchronized Optional<List<ChatMessage>> continuable(String id) {
        Kept kept = byId.get(id);
        return kept != null && kept.completed ? Optional.of(kept.conversation) : Optional.empty();
    }

    synchronized int size() {
        return byId.size();
    }
}
