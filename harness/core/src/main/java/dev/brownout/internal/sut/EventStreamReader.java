package dev.brownout.internal.sut;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.sut.ReplyStream;
import dev.brownout.sut.SutReply;

/**
 * The part of reading a stream that both dialects share: {@code data: [DONE]} ends it, a payload that is not a JSON
 * object is skipped and counted, every other payload goes to the dialect, which says when its own terminator or an
 * error event ended the stream. Used by the adapters on their own streams and by load tools on theirs.
 */
abstract class EventStreamReader implements ReplyStream {

    private int malformed;
    private String replyId;
    private boolean done;
    private boolean ended;

    @Override
    public final boolean accept(String data, long receivedNanos) {
        if (ended) {
            return false;
        }
        String payload = data.trim();
        if (payload.equals("[DONE]")) {
            done = true;
            ended = true;
            return false;
        }
        JsonNode event = json(payload);
        if (event == null) {
            malformed++;
            return true;
        }
        if (!event(event, receivedNanos)) {
            ended = true;
        }
        return !ended;
    }

    @Override
    public final SutReply end(int status) {
        return reply(status, done, malformed);
    }

    /** The id the server gave the reply, once an event carried it; else null. */
    final String replyId() {
        return replyId;
    }

    /** Keeps the first reply id the stream names. */
    final void replyId(String id) {
        if (replyId == null && id != null) {
            replyId = id;
        }
    }

    /** Takes one JSON event; false when it ends the stream (the dialect's terminator or an error event). */
    abstract boolean event(JsonNode event, long receivedNanos);

    /** The reply these events add up to; {@code done} when {@code data: [DONE]} came. */
    abstract SutReply reply(int status, boolean done, int malformed);

    private static JsonNode json(String data) {
        try {
            JsonNode node = Mappers.json().readTree(data);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
