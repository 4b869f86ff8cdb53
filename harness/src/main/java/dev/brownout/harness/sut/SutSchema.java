package dev.brownout.harness.sut;

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
import java.util.List;

/**
 * The published JSON Schema of SUT files (draft 2020-12), shipped on the classpath beside the scenario
 * schema, and its findings as problems that name the field and what would be valid there.
 */
final class SutSchema {

    static final String RESOURCE = "/dev/brownout/scenarios/schema/sut.schema.json";

    private static final SutSchema INSTANCE = new SutSchema();

    private final JsonNode document;
    private final JsonSchema schema;

    private SutSchema() {
        try (InputStream in = SutSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the SUT schema " + RESOURCE + " is missing from the classpath");
            }
            document = Mappers.json().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().errorMessageKeyword("message").build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document, config);
    }

    static SutSchema get() {
        return INSTANCE;
    }

    void check(JsonNode tree, SutFileProblems problems) {
        List<ValidationMessage> messages = new ArrayList<>(schema.validate(tree));
        messages.sort(Comparator.comparing(m -> m.getInstanceLocation().toString()));
        for (ValidationMessage message : messages) {
            String path = path(message.getInstanceLocation());
            switch (message.getType()) {
                case "additionalProperties" -> {
                    String field = message.getProperty();
                    problems.atKey(SutFilePositions.child(path, field), unknownField(field, allowedFields(message)));
                }
                case "required" -> problems.atValue(path, "missing the required field '" + message.getProperty() + "'");
                default -> problems.atValue(path, text(message));
            }
        }
    }

    private static String text(ValidationMessage message) {
        String text = message.getMessage();
        int colon = text.indexOf(": ");
        if ((text.startsWith("$") || text.startsWith("/")) && colon > 0) {
            text = text.substring(colon + 2);
        }
        String keyword = message.getType();
        if (keyword.equals("type") && text.endsWith(" expected")) {
            text = "must be " + typeName(text.substring(text.lastIndexOf(", ") + 2, text.length() - " expected".length()));
        }
        if (keyword.equals("minLength")) {
            text = "must not be empty";
        }
        if (keyword.equals("minItems")) {
            text = "must list at least one item";
        }
        JsonNode value = message.getInstanceNode();
        if (value != null && !value.isContainerNode()) {
            text += " (got " + (value.isTextual() ? "'" + value.asText() + "'" : value.toString()) + ")";
        }
        return text;
    }

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

    private List<String> allowedFields(ValidationMessage message) {
        JsonNodePath fragment = message.getSchemaLocation().getFragment();
        JsonNode node = document;
        for (int i = 0; i < fragment.getNameCount() - 1; i++) {
            Object element = fragment.getElement(i);
            node = element instanceof Integer index ? node.path(index) : node.path(element.toString());
        }
        List<String> names = new ArrayList<>();
        node.path("properties").fieldNames().forEachRemaining(names::add);
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

    private static int editDistance(String a, String b) {
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
}
