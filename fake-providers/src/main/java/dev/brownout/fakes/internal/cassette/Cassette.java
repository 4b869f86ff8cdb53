package dev.brownout.fakes.internal.cassette;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brownout.fakes.config.JsonProblem;
import dev.brownout.fakes.config.Mappers;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cassette read whole and checked: its header and its exchanges by request key, each key's exchanges in the
 * order they were recorded. Anything wrong is refused with the file, the line and the field.
 */
public final class Cassette {

    private final Path file;
    private final CassetteHeader header;
    private final Map<String, List<RecordedExchange>> byKey;
    private final int size;

    private Cassette(Path file, CassetteHeader header, Map<String, List<RecordedExchange>> byKey, int size) {
        this.file = file;
        this.header = header;
        this.byKey = byKey;
        this.size = size;
    }

    /** Reads and checks {@code file}; a missing, empty, corrupt or other-version file is an IllegalArgumentException. */
    public static Cassette load(Path file) {
        ObjectMapper json = Mappers.json();
        CassetteHeader header = null;
        Map<String, List<RecordedExchange>> byKey = new LinkedHashMap<>();
        int size = 0;
        int lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (header == null) {
                    header = parse(json, file, lineNumber, line, CassetteHeader.class);
                    continue;
                }
                RecordedExchange exchange = parse(json, file, lineNumber, line, RecordedExchange.class);
                byKey.computeIfAbsent(exchange.key(), key -> new ArrayList<>()).add(exchange);
                size++;
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cassette " + file + ": no such file (record one with a provider in "
                    + "mode upstream, or fix the path)");
        } catch (IOException e) {
            throw new IllegalArgumentException("cassette " + file + ": cannot be read (" + e.getMessage() + ")");
        }
        if (header == null) {
            throw new IllegalArgumentException("cassette " + file + ": line 1: the file is empty; a cassette starts "
                    + "with a header line {\"format\":\"" + CassetteHeader.FORMAT + "\",\"schema_version\":"
                    + CassetteHeader.SCHEMA_VERSION + ",...}");
        }
        return new Cassette(file, header, byKey, size);
    }

    private static <T> T parse(ObjectMapper json, Path file, int lineNumber, String line, Class<T> type) {
        String where = "cassette " + file + ": line " + lineNumber;
        try {
            JsonNode tree = json.readTree(line);
            if (tree == null || !tree.isObject()) {
                throw new IllegalArgumentException(where + ": must be one JSON object");
            }
            return json.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            JsonProblem problem = JsonProblem.of(e);
            String field = problem.field().isEmpty() ? "" : ", field '" + problem.field() + "'";
            String column = problem.line() > 0 ? " (column " + problem.column() + ")" : "";
            String kind = e instanceof com.fasterxml.jackson.core.JsonParseException ? "not valid JSON: " : "";
            throw new IllegalArgumentException(where + field + ": " + kind + problem.message() + column);
        }
    }

    /** The file it was read from. */
    public Path file() {
        return file;
    }

    /** Its first line. */
    public CassetteHeader header() {
        return header;
    }

    /** The exchanges recorded for {@code key}, in recording order; empty when it was never recorded. */
    public List<RecordedExchange> exchanges(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    /** How many exchanges the cassette holds. */
    public int size() {
        return size;
    }
}
