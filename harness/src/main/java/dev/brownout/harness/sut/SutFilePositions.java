package dev.brownout.harness.sut;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each key and value of a SUT file starts, by field path ({@code process.ready.http},
 * {@code command.argv[0]}), so problems found on the parsed tree can name a line and column. Reading
 * refuses a key written twice in one mapping (Jackson's parse error then carries the place).
 */
final class SutFilePositions {

    record Position(int line, int column) {
        static final Position UNKNOWN = new Position(0, 0);
    }

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final Map<String, Position> keys;
    private final Map<String, Position> values;

    private SutFilePositions(Map<String, Position> keys, Map<String, Position> values) {
        this.keys = keys;
        this.values = values;
    }

    static SutFilePositions read(String yaml) throws IOException {
        Map<String, Position> keys = new HashMap<>();
        Map<String, Position> values = new HashMap<>();
        Deque<Frame> open = new ArrayDeque<>();
        try (JsonParser parser = FACTORY.createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                Frame frame = open.peek();
                if (token == JsonToken.FIELD_NAME) {
                    frame.field = parser.currentName();
                    keys.putIfAbsent(child(frame.path, frame.field), at(parser.currentTokenLocation()));
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    open.pop();
                    continue;
                }
                String path = frame == null ? "" : frame.array ? frame.path + "[" + frame.index++ + "]" : child(frame.path, frame.field);
                values.putIfAbsent(path, at(parser.currentTokenLocation()));
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    open.push(new Frame(path, token == JsonToken.START_ARRAY));
                }
            }
        }
        return new SutFilePositions(keys, values);
    }

    static String child(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    /** Where the field's key is written, else where its value starts. */
    Position keyOf(String path) {
        Position key = keys.get(path);
        return key != null ? key : valueOf(path);
    }

    /** Where the field's value starts; for an absent field, its nearest present parent's place. */
    Position valueOf(String path) {
        String current = path;
        while (true) {
            Position found = values.containsKey(current) ? values.get(current) : keys.get(current);
            if (found != null) {
                return found;
            }
            if (current.isEmpty()) {
                return Position.UNKNOWN;
            }
            int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
            current = cut < 0 ? "" : current.substring(0, cut);
        }
    }

    private static Position at(JsonLocation location) {
        return location == null ? Position.UNKNOWN : new Position(location.getLineNr(), location.getColumnNr());
    }

    private static final class Frame {
        final String path;
        final boolean array;
        String field;
        int index;

        Frame(String path, boolean array) {
            this.path = path;
            this.array = array;
        }
    }
}
