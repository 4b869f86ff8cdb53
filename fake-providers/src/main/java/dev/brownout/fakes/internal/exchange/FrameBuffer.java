package dev.brownout.fakes.internal.exchange;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of the frames a stream has due, gathered between two writes: one growable array per stream, reused
 * for every write, so a token costs no buffer of its own.
 */
public final class FrameBuffer {

    private byte[] bytes = new byte[512];
    private int length;

    public void append(byte[] part) {
        append(part, 0, part.length);
    }

    public void append(byte[] part, int offset, int count) {
        if (bytes.length - length < count) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        }
        System.arraycopy(part, offset, bytes, length, count);
        length += count;
    }

    /**
     * Appends the value as the inside of a JSON string, escaped as Jackson escapes it: plain printable ASCII (a
     * token's usual piece) is copied as it is, anything else is escaped by Jackson's own encoder.
     */
    public void appendJsonString(String value) {
        int start = length;
        int count = value.length();
        if (bytes.length - length < count) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        }
        for (int i = 0; i < count; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                length = start;
                append(JsonStringEncoder.getInstance().quoteAsUTF8(value));
                return;
            }
            bytes[length++] = (byte) c;
        }
    }

    /** Appends the text as UTF-8. */
    public void append(String text) {
        append(text.getBytes(StandardCharsets.UTF_8));
    }

    boolean isEmpty() {
        return length == 0;
    }

    int length() {
        return length;
    }

    /** The array behind the buffer; its first {@link #length()} bytes are the frames. */
    byte[] array() {
        return bytes;
    }

    void clear() {
        length = 0;
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
