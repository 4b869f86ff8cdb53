package dev.brownout.gatling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brownout.sut.ReplyStream;

/**
 * One streamed reply as Gatling's SSE support delivers it, event by event, on the virtual user's event loop: each
 * event's data payload goes to the dialect's {@link ReplyStream} with its arrival time. Gatling re-sends a request
 * whose stream broke off mid-way (its EventSource semantics: a premature close is reconnected after 3 s); the
 * second stream's first event (a second {@code message_start}, or a chunk of another completion id) shows it, and
 * the reply is then the first stream's, broken off at its last event. Not thread-safe: one user's event loop.
 */
final class StreamedReply {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReplyStream reader;
    private boolean over;
    private boolean resent;
    private long lastEventNanos;
    private long endNanos;
    private String completionId;
    private int messageStarts;

    StreamedReply(ReplyStream reader) {
        this.reader = reader;
    }

    /**
     * Takes one of Gatling's rendered events (see {@link SseMessage}) received at {@code receivedNanos}.
     *
     * @return true once the exchange is over for its caller: its terminator or an error event came, or a re-sent
     *         request's stream began; the end-of-stream check matches then
     */
    boolean accept(String gatlingMessage, long receivedNanos) {
        if (over) {
            return true;
        }
        SseMessage message = SseMessage.parse(gatlingMessage);
        if (message == null || message.data() == null) {
            return false;
        }
        if (beginsAnotherStream(message)) {
            resent = true;
            over = true;
            endNanos = lastEventNanos;
            return true;
        }
        lastEventNanos = receivedNanos;
        if (!reader.accept(message.data(), receivedNanos)) {
            over = true;
            endNanos = receivedNanos;
        }
        return over;
    }

    private boolean beginsAnotherStream(SseMessage message) {
        String data = message.data();
        if (data.isEmpty() || data.charAt(0) != '{') {
            return false;
        }
        JsonNode event;
        try {
            event = JSON.readTree(data);
        } catch (Exception e) {
            return false;
        }
        if (event == null) {
            return false;
        }
        if ("message_start".equals(event.path("type").asText(null)) || "message_start".equals(message.event())) {
            messageStarts++;
            return messageStarts > 1;
        }
        String id = event.path("id").asText(null);
        if (id == null || id.isEmpty() || event.has("error")) {
            return false;
        }
        if (completionId == null) {
            completionId = id;
            return false;
        }
        return !completionId.equals(id);
    }

    /** Whether the stream ended for its caller: terminator or error event. */
    boolean ended() {
        return over && !resent;
    }

    /** Whether a second stream began: Gatling re-sent the request after the first broke off. */
    boolean resent() {
        return resent;
    }

    /** Whether any event arrived. */
    boolean anyEvent() {
        return lastEventNanos != 0 || resent;
    }

    /** When the last event of the (first) stream arrived; 0 without one. */
    long lastEventNanos() {
        return lastEventNanos;
    }

    /** When the stream ended for its caller, or its first stream's last event when it was re-sent. */
    long endNanos() {
        return endNanos;
    }

    /** The reply read so far, for a stream whose HTTP status was {@code status}. */
    dev.brownout.sut.SutReply reply(int status) {
        return reader.end(status);
    }
}
