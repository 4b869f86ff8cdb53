package dev.brownout.sut;

/**
 * One streamed reply being read event by event, as the built-in adapter reads it, for a client that receives the
 * server-sent events itself (a load tool). Not thread-safe: one stream, one reader.
 */
public interface ReplyStream {

    /**
     * Takes one event's {@code data:} payload (the text after {@code data:}, {@code [DONE]} included).
     *
     * @param receivedNanos {@code System.nanoTime()} when it arrived: the first content's time is the first token's
     * @return false once the stream has ended for its caller (its terminator or an error event came); later
     *         payloads are ignored. A payload that is not a JSON object is counted as malformed and skipped.
     */
    boolean accept(String data, long receivedNanos);

    /**
     * The reply as read so far, for a stream whose HTTP status was {@code status}: its answer, model, first token,
     * finish reason and usage, and how it ended: {@link SutReply.Ending#TERMINATOR} when its terminator came,
     * {@link SutReply.Ending#ERROR_EVENT} (reported as status 502) after an error event, else
     * {@link SutReply.Ending#CLEAN_END}.
     */
    SutReply end(int status);
}
