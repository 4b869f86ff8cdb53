package dev.brownout.reports.gate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads gates from a file given on the command line ({@code --gates FILE}): a JSON object mapping metrics to
 * conditions, written as in a scenario's {@code gates:} section, optionally under a top-level {@code "gates"} key:
 *
 * <pre>{@code
 * { "iq_loss": "< 5%", "p99_latency": "< 8s", "cost_amplification": "< 1.3",
 *   "wasted_spend": "< $2.50", "security_findings": "== 0" }
 * }</pre>
 *
 * <p>JSON only: the reports module reads JSON with Jackson and has no YAML parser on its classpath, so a YAML file
 * is refused with a message showing the JSON to write instead.
 *
 * <p>Thresholds are taken as written. A scenario's own duration gates are scaled by the harness to the clock the
 * run played on; {@link #scaled(List, double)} does the same for gates read here, for a caller that wants it.
 */
public final class GateFile {

    private static final String EXAMPLE = "{\"iq_loss\": \"< 5%\", \"p99_latency\": \"< 8s\"}";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private GateFile() {
    }

    /**
     * Reads a gates file.
     *
     * @throws IllegalArgumentException naming the file, the key and what would be valid, for anything that is not
     *                                  a JSON object of known metrics and their conditions
     */
    public static List<Gate> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the gates file (" + e.getMessage() + ")");
        }
        return parse(text, file.toString());
    }

    /** Parses gates JSON; {@code origin} (a file name) begins every error message. */
    public static List<Gate> parse(String json, String origin) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String message = e.getOriginalMessage() == null ? "malformed" : e.getOriginalMessage().lines().findFirst().orElse("malformed");
            throw new IllegalArgumentException(origin + ":" + line + ": not valid JSON (" + message + "); "
                    + (looksLikeYaml(json) ? "YAML is not read here, write the same mapping as JSON: " : "a gates file is a JSON object like ")
                    + EXAMPLE);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new IllegalArgumentException(origin + ": empty; a gates file is a JSON object like " + EXAMPLE);
        }
        if (tree.isObject() && tree.size() == 1 && tree.has("gates")) {
            tree = tree.get("gates");
        }
        if (!tree.isObject()) {
            throw new IllegalArgumentException(origin + ": a gates file is a JSON object of metrics and conditions like "
                    + EXAMPLE + ", not " + kind(tree));
        }
        if (tree.isEmpty()) {
            throw new IllegalArgumentException(origin + ": no gates; a gates file is a JSON object like " + EXAMPLE);
        }
        List<Gate> gates = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = tree.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            String where = origin + ": key '" + key + "': ";
            GateMetric metric = GateMetric.fromLabel(key).orElseThrow(() ->
                    new IllegalArgumentException(where + "not a gate metric; known: " + GateMetric.labels()));
            if (!field.getValue().isTextual()) {
                throw new IllegalArgumentException(where + "the condition must be a string, " + metric.example()
                        + ", not " + kind(field.getValue()));
            }
            try {
                gates.add(Gate.parse(key, field.getValue().asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage());
            }
        }
        return List.copyOf(gates);
    }

    /**
     * The gates with their duration thresholds multiplied by {@code timeScale}, as the harness scales a scenario's
     * own gates to the clock a run played on (0.05 turns {@code < 8s} into {@code < 400ms}); other units are kept.
     *
     * @throws IllegalArgumentException for a time scale that is not a number above 0
     */
    public static List<Gate> scaled(List<Gate> gates, double timeScale) {
        return gates.stream().map(gate -> gate.scaled(timeScale)).toList();
    }

    private static boolean looksLikeYaml(String text) {
        String trimmed = text.strip();
        return !trimmed.startsWith("{") && !trimmed.startsWith("[") && trimmed.lines().anyMatch(line -> line.contains(":"));
    }

    private static String kind(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "an object";
        }
        return "the string \"" + node.asText() + "\"";
    }
}
