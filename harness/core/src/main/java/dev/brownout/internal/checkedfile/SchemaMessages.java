package dev.brownout.internal.checkedfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the validator's findings into problems a YAML author can act on: the field named by its path,
 * an unknown field with the closest valid name, types and limits in plain words.
 */
final class SchemaMessages {

    private final JsonNode schema;

    /** {@code schema} is the document the findings came from; it says which fields a mapping allows. */
    SchemaMessages(JsonNode schema) {
        this.schema = schema;
    }

    void report(ValidationMessage message, FileProblems problems) {
        String path = path(message.getInstanceLocation());
        String keyword = message.getType();
        switch (keyword) {
            case "additionalProperties" -> {
                String field = message.getProperty();
                problems.atKey(YamlPositions.child(path, field), unknownField(field, allowedFields(message)));
            }
            case "required" -> problems.atValue(path, "missing the required field '" + message.getProperty() + "'");
            case "propertyNames" -> {
                String name = message.getProperty();
                String text = message.getMessage();
                int reason = text.indexOf("is not valid: ");
                String why = reason < 0 ? "is not allowed here" : text.substring(reason + "is not valid: ".length());
                problems.atKey(YamlPositions.child(path, name), "'" + name + "' " + why);
            }
            default -> problems.atValue(path, plainWords(message) + got(message.getInstanceNode()));
        }
    }

    private String plainWords(ValidationMessage message) {
        String keyword = message.getType();
        String text = stripLocation(message.getMessage());
        // a schema's own "message" for a keyword is already written for the author; keep it as it is
        if (keyword.equals("enum") && !hasOwnMessage(message)) {
            return "must be one of " + enumValues(message);
        }
        if (keyword.equals("type") && text.endsWith(" expected")) {
            return "must be " + typeName(text.substring(text.lastIndexOf(", ") + 2, text.length() - " expected".length()));
        }
        if (keyword.equals("minLength") && limitIsOne(message)) {
            return "must not be empty";
        }
        if (keyword.equals("minItems") && limitIsOne(message)) {
            return "must list at least one item";
        }
        return text;
    }

    private static boolean limitIsOne(ValidationMessage message) {
        return message.getSchemaNode() != null && "1".equals(message.getSchemaNode().asText());
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

    private boolean hasOwnMessage(ValidationMessage message) {
        return keywordOwner(message).path("message").has(message.getType());
    }

    private List<String> allowedFields(ValidationMessage message) {
        List<String> names = new ArrayList<>();
        keywordOwner(message).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The schema object in which the keyword behind {@code message} is written. */
    private JsonNode keywordOwner(ValidationMessage message) {
        JsonNodePath fragment = message.getSchemaLocation().getFragment();
        JsonNode node = schema;
        for (int i = 0; i < fragment.getNameCount() - 1; i++) {
            Object element = fragment.getElement(i);
            node = element instanceof Integer index ? node.path(index) : node.path(element.toString());
        }
        return node;
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

    /** The instance location as the field path problems use: {@code timeline[1].faults[0].target}. */
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

    /** The library starts its messages with the instance location, which the problem already names. */
    private static String stripLocation(String message) {
        int colon = message.indexOf(": ");
        return (message.startsWith("$") || message.startsWith("/")) && colon > 0 ? message.substring(colon + 2) : message;
    }
}
