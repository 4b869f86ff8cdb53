package dev.brownout.sut;

/**
 * What the SUT answered.
 *
 * @param status         the HTTP-like status the SUT reported (200 for an answer)
 * @param model          the model the SUT says served the answer, when it says
 * @param firstByteNanos {@code System.nanoTime()} when the first byte of the answer arrived, or 0 if unknown
 * @param truncated      the answer stream ended without its terminator: a cut answer presented as complete
 */
public record SutReply(int status, String answer, String model, long firstByteNanos, boolean truncated) {

    public SutReply(int status, String answer, String model, long firstByteNanos) {
        this(status, answer, model, firstByteNanos, false);
    }

    public static SutReply ok(String answer, String model) {
        return new SutReply(200, answer, model, 0);
    }
}
