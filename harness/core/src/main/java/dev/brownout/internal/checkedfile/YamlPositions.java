package dev.brownout.internal.checkedfile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each field of a YAML document starts, keyed by field path ({@code workload.rate},
 * {@code timeline[1].faults[0].target}), so problems found on the tree can name a line and column.
 * Reading also refuses a key written twice in one mapping.
 */
final class YamlPositions {

    record Position(int line, int column) {
        static final Position UNKNOWN = new Position(0, 0);
    }

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Map<String, Position> keys;
    private final Map<String, Position> values;

    private YamlPositions(Map<String, Position> keys, Map<String, Position> values) {
        this.keys = keys;
        this.values = values;
    }

    /**
     * Throws Jackson's exception (with its location) for text that is not YAML; for a key written twice,
     * a {@link DuplicateKeyException} naming the key's field path.
     */
    static YamlPositions read(String yaml) throws IOException {
        Map<String, Position> keys = new HashMap<>();
        Map<String, Position> values = new HashMap<>();
        Deque<Frame> open = new ArrayDeque<>();
        try (JsonParser parser = FACTORY.createParser(yaml)) {
            JsonToken token;
            while ((token = next(parser, open)) != null) {
                Frame frame = open.peek();
                if (token == JsonToken.FIELD_NAME) {
                    frame.field = parser.currentName();
                    keys.putIfAbsent(child(frame.path, frame.field), position(parser.currentTokenLocation()));
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    open.pop();
                    continue;
                }
                String path;
                if (frame == null) {
                    path = "";
                } else if (frame.array) {
                    path = frame.path + "[" + frame.index++ + "]";
                } else {
                    path = child(frame.path, frame.field);
                }
                values.putIfAbsent(path, position(parser.currentTokenLocation()));
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    open.push(new Frame(path, token == JsonToken.START_ARRAY));
                }
            }
        }
        return new YamlPositions(keys, values);
    }

    private static JsonToken next(JsonParser parser, Deque<Frame> open) throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonParseException e) {
            String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            Matcher duplicate = DUPLICATE.matcher(original);
            if (duplicate.find() && !open.isEmpty()) {
                JsonLocation at = e.getLocation();
                throw new DuplicateKeyException(child(open.peek().path, duplicate.group(1)), position(at));
            }
            throw e;
        }
    }

    /** A mapping that has the same key twice; YAML forbids it and the second would silently win. */
    static final class DuplicateKeyException extends IOException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;
        final String field;
        final transient Position position;

        DuplicateKeyException(String field, Position position) {
            super("duplicate key", null);
            this.field = field;
            this.position = position;
        }
    }

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    static String child(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    /** Where the field's key is written; for a list item or the root, where its value starts. */
    Position keyOf(String path) {
        Position key = keys.get(path);
        return key != null ? key : valueOf(path);
    }

    /** Where the field's value starts, or the nearest enclosing field's place when it is absent. */
    Position valueOf(String path) {
        String current = path;
        while (true) {
            Position value = values.get(current);
            if (value != null) {
                return value;
            }
            Position key = keys.get(current);
            if (key != null) {
                return key;
            }
            if (current.isEmpty()) {
                return Position.UNKNOWN;
            }
            current = parent(current);
        }
    }

    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    private static Position position(JsonLocation location) {
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
