package dev.brownout.fakes.internal.exchange;

/**
 * Where a provider's answers come from when it does not plan them itself: a real API (upstream mode) or a cassette
 * (replay mode). The endpoint asks it only for a request that passed auth, validation, rate limits and the
 * behaviour's error and hang faults, and sends what it returns through the same pacing, faults and ledger as a
 * planned answer.
 */
public interface ReplySource {

    /** The answer to {@code request}: a reply to send, or an error to send in the wire format's shape. */
    SourcedReply answer(SourcedRequest request);

    /** Forgets what the source counted for the population of tasks played so far (e.g. repeats of a request). */
    default void startAfresh() {
    }
}
