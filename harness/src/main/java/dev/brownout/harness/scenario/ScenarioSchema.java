package dev.brownout.harness.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.brownout.fakes.config.Mappers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The published JSON Schema of scenario files (draft 2020-12), read from the classpath, and the
 * translation of its findings into problems that name the field and say what would be valid.
 */
final class ScenarioSchema {

    static final String RESOURCE = "/dev/brownout/scenarios/schema/scenario.schema.json";

    private static final ScenarioSchema INSTANCE = new ScenarioSchema();

    private final JsonNode document;
    private final JsonSchema schema;

    private ScenarioSchema() {
        try (InputStream in = ScenarioSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the scenario schema " + RESOURCE + " is missing from the classpath");
            }
            document = Mappers.json().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().errorMessageKeyword("message").build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document, config);
    }

    static ScenarioSchema get() {
        return INSTANCE;
    }

    /** The schema document itself. */
    JsonNode document() {
        return document.deepCopy();
    }

    /** Adds one problem for each schema violation of {@code tree}. */
    void check(JsonNode tree, Problems problems) {
        Set<ValidationMessage> messages = schema.validate(tree);
        List<ValidationMessage> ordered = new ArrayList<>(messages);
        ordered.sort(Comparator.comparing(m -> m.getInstanceLocation().toString()));
        for (ValidationMessage message : ordered) {
            report(message, tree, problems);
        }
    }

    private void report(ValidationMessage message, JsonNode tree, Problems problems) {
        String path = path(message.getInstanceLocation());
        String keyword = message.getType();
        JsonNode value = message.getInstanceNode();
        switch (keyword) {
            case "additionalProperties" -> {
                String field = message.getProperty();
                List<String> allowed = allowedFields(message);
                problems.atKey(YamlPositions.child(path, field), unknownField(field, allowed));
            }
            case "required" -> {
                String field = message.getProperty();
                problems.atValue(path, "missing the required field '" + field + "'");
            }
            case "propertyNames" -> {
                String name = message.getProperty();
                String text = message.getMessage();
                int reason = text.indexOf("is not valid: ");
                String why = reason < 0 ? "is not allowed here" : text.substring(reason + "is not valid: ".length());
                problems.atKey(YamlPositions.child(path, name), "'" + name + "' " + why);
            }
            default -> {
                String text = stripLocation(message.getMessage());
                if (keyword.equals("enum") && !text.contains("use one of")) {
                    text = "must be one of " + enumValues(message);
                }
                if (keyword.equals("type") && text.endsWith(" expected")) {
                    text = "must be " + typeName(text.substring(text.lastIndexOf(", ") + 2, text.length() - " expected".length()));
                }
                if (keyword.equals("minLength") && "1".equals(message.getSchemaNode().asText())) {
                    text = "must not be empty";
                }
                problems.atValue(path, text + got(value));
            }
        }
    }

    private static String got(JsonNode value) {
        if (value == null || value.isContainerNode()) {
            return "";
        }
        return " (got " + (value.isTextual() ? "'" + value.asText() + "'" : value.toString()) + ")";
    }

    /** Schema type names as a YAML author knows them; the library writes unions as "[string, number]". */
    private static String typeName(String schemaType) {
        return switch (schemaType) {
            case "array" -> "a list";
            case "object" -> "a mapping (key: value)";
            case "string" -> "text";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            default -> schemaType;
        };
    }

    private static String enumValues(ValidationMessage message) {
        JsonNode values = message.getSchemaNode();
        List<String> names = new ArrayList<>();
        if (values != null && values.isArray()) {
            values.forEach(v -> names.add(v.asText()));
        }
        return String.join(", ", names);
    }

    private List<String> allowedFields(ValidationMessage message) {
        JsonNodePath fragment = message.getSchemaLocation().getFragment();
        JsonNode node = document;
        for (int i = 0; i < fragment.getNameCount() - 1; i++) {
            Object element = fragment.getElement(i);
            node = element instanceof Integer index ? node.path(index) : node.path(element.toString());
        }
        List<String> names = new ArrayList<>();
        Iterator<String> fields = node.path("properties").fieldNames();
        fields.forEachRemaining(names::add);
        return names;
    }

    static String unknownField(String field, List<String> allowed) {
        StringBuilder text = new StringBuilder("unknown field '").append(field).append("'");
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int distance = editDistance(field, candidate);
            if (distance < best) {
                best = distance;
                closest = candidate;
            }
        }
        if (closest != null && best <= Math.max(2, field.length() / 3)) {
            text.append("; did you mean '").append(closest).append("'?");
        } else {
            text.append('.');
        }
        if (!allowed.isEmpty()) {
            text.append(" Valid fields here: ").append(String.join(", ", allowed));
        }
        return text.toString();
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    static String path(JsonNodePath location) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(element);
            }
        }
        return path.toString();
    }

    private static String stripLocation(String message) {
        int colon = message.indexOf(": ");
        return (message.startsWith("$") || message.startsWith("/")) && colon > 0 ? message.substring(colon + 2) : message;
    }
}
