package dev.brownout.fakes.internal.exchange;

/**
 * Writes one reply's server-sent events in a dialect's framing. The endpoint decides when each frame is
 * sent (pacing, stalls, cuts); the encoder decides what the bytes are.
 */
public interface StreamEncoder {

    /** The frames that open the stream, sent at time to first token. */
    String start();

    /** The frames carrying one output token of one choice. */
    String step(int choice, int step, String piece);

    /**
     * Appends the frames carrying one output token of one choice: the same bytes as {@link #step(int, int, String)},
     * which a dialect can write without building the text first (the stream's hot path).
     */
    default void step(int choice, int step, String piece, FrameBuffer frames) {
        frames.append(step(choice, step, piece));
    }

    /** The frames that end a complete stream before its terminator: finish reasons, usage. */
    String finish(int outputTokensSent);

    /** The frame that says the stream is over: {@code data: [DONE]}, {@code message_stop}. */
    String terminator();

    /** The dialect's mid-stream error event. */
    String error(ErrorReply error);

    /** A frame whose JSON is broken, as a faulty upstream sends it. */
    String malformed();
}
