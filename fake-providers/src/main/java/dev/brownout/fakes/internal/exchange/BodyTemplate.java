package dev.brownout.fakes.internal.exchange;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A JSON body whose varying parts are whole values: written once by the dialect's own JSON code with a marker
 * string in place of each value, cut around the quoted markers, and filled per reply with strings escaped as
 * Jackson escapes them and numbers as their digits. No JSON tree or generator per reply.
 */
public final class BodyTemplate {

    private final byte[][] parts;
    /** For each cut between two parts, which value goes there. */
    private final int[] valueAt;

    private BodyTemplate(byte[][] parts, int[] valueAt) {
        this.parts = parts;
        this.valueAt = valueAt;
    }

    /**
     * Cuts the body {@code build} writes when given one marker string per value; each marker must appear in it
     * exactly once, as a JSON string value.
     */
    public static BodyTemplate of(int values, Function<List<String>, String> build) {
        List<String> markers = new ArrayList<>(values);
        for (int i = 0; i < values; i++) {
            markers.add("\u0000brownout-value-" + i + "\u0000");
        }
        String body = build.apply(markers);
        int[] at = new int[values];
        int[] end = new int[values];
        for (int i = 0; i < values; i++) {
            String quoted = '"' + new String(JsonStringEncoder.getInstance().quoteAsString(markers.get(i))) + '"';
            at[i] = body.indexOf(quoted);
            if (at[i] < 0 || body.indexOf(quoted, at[i] + 1) >= 0) {
                throw new IllegalStateException("the body template must hold value " + i + " exactly once: " + body);
            }
            end[i] = at[i] + quoted.length();
        }
        Integer[] order = new Integer[values];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> at[i]));
        byte[][] parts = new byte[values + 1][];
        int[] valueAt = new int[values];
        int from = 0;
        for (int cut = 0; cut < values; cut++) {
            int value = order[cut];
            parts[cut] = body.substring(from, at[value]).getBytes(StandardCharsets.UTF_8);
            valueAt[cut] = value;
            from = end[value];
        }
        parts[values] = body.substring(from).getBytes(StandardCharsets.UTF_8);
        return new BodyTemplate(parts, valueAt);
    }

    /** The body with these values, in the order of the markers: strings, whole numbers, or null. */
    public byte[] fill(Object... values) {
        if (values.length != valueAt.length) {
            throw new IllegalArgumentException("the template takes " + valueAt.length + " values, not " + values.length);
        }
        byte[][] encoded = new byte[values.length][];
        int length = parts[values.length].length;
        for (int cut = 0; cut < values.length; cut++) {
            encoded[cut] = encode(values[valueAt[cut]]);
            length += parts[cut].length + encoded[cut].length;
        }
        byte[] body = new byte[length];
        int position = 0;
        for (int cut = 0; cut < values.length; cut++) {
            System.arraycopy(parts[cut], 0, body, position, parts[cut].length);
            position += parts[cut].length;
            System.arraycopy(encoded[cut], 0, body, position, encoded[cut].length);
            position += encoded[cut].length;
        }
        System.arraycopy(parts[values.length], 0, body, position, parts[values.length].length);
        return body;
    }

    private static byte[] encode(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString().getBytes(StandardCharsets.US_ASCII);
        }
        if (value instanceof String text) {
            byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(text);
            byte[] quoted = new byte[escaped.length + 2];
            quoted[0] = '"';
            System.arraycopy(escaped, 0, quoted, 1, escaped.length);
            quoted[quoted.length - 1] = '"';
            return quoted;
        }
        throw new IllegalArgumentException("a template value is a string, a whole number or null, not "
                + value.getClass().getSimpleName());
    }

    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
}
