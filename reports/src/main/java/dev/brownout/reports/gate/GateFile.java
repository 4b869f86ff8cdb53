package dev.brownout.reports.gate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.brownout.reports.GateSpec;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern CONDITION =
            Pattern.compile("\\s*(<=|>=|==|<|>)\\s*(\\$)?(\\d+(?:\\.\\d+)?)\\s*(%|ms|s|m|h|x)?\\s*");

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
    public static List<GateSpec> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the gates file (" + e.getMessage() + ")");
        }
        return parse(text, file.toString());
    }

    /** Parses gates JSON; {@code origin} (a file name) begins every error message. */
    public static List<GateSpec> parse(String json, String origin) {
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
        List<GateSpec> gates = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = tree.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            String where = origin + ": key '" + key + "': ";
            Optional<Metric> metric = Metric.fromLabel(key);
            if (metric.isEmpty()) {
                throw new IllegalArgumentException(where + "not a gate metric; known: " + Metric.known());
            }
            if (!field.getValue().isTextual()) {
                throw new IllegalArgumentException(where + "the condition must be a string, " + metric.get().example()
                        + ", not " + kind(field.getValue()));
            }
            try {
                gates.add(condition(metric.get(), field.getValue().asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage());
            }
        }
        return List.copyOf(gates);
    }

    /**
     * The gates with their duration thresholds multiplied by {@code timeScale}, as the harness scales a scenario's
     * own gates to the clock a run played on (0.05 turns {@code < 8s} into {@code < 400ms}); other units are kept.
     */
    public static List<GateSpec> scaled(List<GateSpec> gates, double timeScale) {
        if (!(timeScale > 0)) {
            throw new IllegalArgumentException("a time scale is a number > 0, not " + timeScale);
        }
        return gates.stream().map(gate -> {
            if (!"duration".equals(gate.unit())) {
                return gate;
            }
            double threshold = gate.threshold() * timeScale;
            return new GateSpec(gate.metric(), gate.comparator(), threshold, gate.unit(),
                    gate.comparator() + " " + Figures.seconds(threshold));
        }).toList();
    }

    /** One condition for one metric, e.g. {@code < 5%} for iq_loss. */
    static GateSpec condition(Metric metric, String condition) {
        Matcher matcher = CONDITION.matcher(condition);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + condition + "' is not a condition; " + metric.label()
                    + " takes a comparator (<, <=, >, >=, ==) and " + metric.example());
        }
        String comparator = matcher.group(1);
        boolean dollars = matcher.group(2) != null;
        BigDecimal number = new BigDecimal(matcher.group(3));
        String suffix = matcher.group(4);
        String unit;
        double threshold;
        if (dollars) {
            if (suffix != null) {
                throw wrongUnit(metric, condition);
            }
            unit = "usd";
            threshold = number.doubleValue();
        } else if ("%".equals(suffix)) {
            if (number.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("'" + condition + "': a percentage is between 0% and 100%");
            }
            unit = "percent";
            threshold = number.movePointLeft(2).doubleValue();
        } else if ("x".equals(suffix)) {
            unit = "ratio";
            threshold = number.doubleValue();
        } else if (suffix != null) {
            unit = "duration";
            threshold = number.multiply(BigDecimal.valueOf(switch (suffix) {
                case "ms" -> 0.001;
                case "s" -> 1;
                case "m" -> 60;
                default -> 3600;
            })).doubleValue();
        } else if (metric.units().contains("count")) {
            if (number.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("'" + condition + "': " + metric.label() + " takes "
                        + metric.example());
            }
            unit = "count";
            threshold = number.doubleValue();
        } else {
            unit = "ratio";
            threshold = number.doubleValue();
        }
        if (!metric.units().contains(unit)) {
            throw wrongUnit(metric, condition);
        }
        String written = comparator + " " + (dollars ? "$" : "") + matcher.group(3) + (suffix == null ? "" : suffix);
        return new GateSpec(metric.label(), comparator, threshold, unit, written);
    }

    private static IllegalArgumentException wrongUnit(Metric metric, String condition) {
        return new IllegalArgumentException("'" + condition + "' has the wrong unit; " + metric.label() + " takes "
                + metric.example());
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
