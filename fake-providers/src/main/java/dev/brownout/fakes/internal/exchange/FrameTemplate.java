package dev.brownout.fakes.internal.exchange;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A frame whose only varying part is one JSON string value: the frame is built once (by the dialect's own
 * JSON code, with a marker as the value) and cut around the marker, so each token's frame is the two fixed
 * parts around the piece, escaped exactly as Jackson escapes it, with no JSON tree built per token.
 */
public final class FrameTemplate {

    private static final String MARKER = "\u0000brownout-piece\u0000";
    private static final String ESCAPED_MARKER = new String(JsonStringEncoder.getInstance().quoteAsString(MARKER));

    private final String before;
    private final String after;
    private final byte[] beforeBytes;
    private final byte[] afterBytes;

    private FrameTemplate(String before, String after) {
        this.before = before;
        this.after = after;
        this.beforeBytes = before.getBytes(StandardCharsets.UTF_8);
        this.afterBytes = after.getBytes(StandardCharsets.UTF_8);
    }

    /** Cuts the frame {@code build} writes for a value; the value must appear in it exactly once. */
    public static FrameTemplate of(UnaryOperator<String> build) {
        String frame = build.apply(MARKER);
        int at = frame.indexOf(ESCAPED_MARKER);
        if (at < 0 || frame.indexOf(ESCAPED_MARKER, at + 1) >= 0) {
            throw new IllegalStateException("the frame template must hold its value exactly once: " + frame);
        }
        return new FrameTemplate(frame.substring(0, at), frame.substring(at + ESCAPED_MARKER.length()));
    }

    /** The frame for this value. */
    public String with(String value) {
        StringBuilder frame = new StringBuilder(before.length() + value.length() + 8 + after.length());
        frame.append(before);
        JsonStringEncoder.getInstance().quoteAsString(value, frame);
        return frame.append(after).toString();
    }

    /** Appends the frame for this value as UTF-8, the same bytes as {@link #with}'s text, built without it. */
    public void appendTo(FrameBuffer frames, String value) {
        frames.append(beforeBytes);
        frames.appendJsonString(value);
        frames.append(afterBytes);
    }
}
