package dev.brownout.fakes.internal.exchange;

import java.time.Duration;

/**
 * What a {@link ReplySource} answers: a reply or an error, and the pace to send a reply at.
 *
 * @param reply    the reply, or null for an error
 * @param error    the error to send, or null for a reply
 * @param ttft     the time to first token counted from the request's arrival; null for the serving model's
 * @param gapNanos the gap between tokens; null for the serving model's
 */
public record SourcedReply(Reply reply, ErrorReply error, Duration ttft, Long gapNanos) {

    public SourcedReply {
        if ((reply == null) == (error == null)) {
            throw new IllegalArgumentException("a sourced reply is a reply or an error, not both or neither");
        }
    }

    /** A reply paced by the serving model's catalog profile. */
    public static SourcedReply catalogPaced(Reply reply) {
        return new SourcedReply(reply, null, null, null);
    }

    /** A reply paced as given. */
    public static SourcedReply paced(Reply reply, Duration ttft, long gapNanos) {
        return new SourcedReply(reply, null, ttft, gapNanos);
    }

    /** An error to send in the wire format's shape. */
    public static SourcedReply failure(ErrorReply error) {
        return new SourcedReply(null, error, null, null);
    }
}
