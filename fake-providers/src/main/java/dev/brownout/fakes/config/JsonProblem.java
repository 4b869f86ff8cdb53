package dev.brownout.fakes.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Turns a Jackson failure into one line a user can act on: where (the field path, or line and column)
 * and what was wrong, without a stack trace or Jackson's class names.
 */
public record JsonProblem(String field, int line, int column, String message) {

    public static JsonProblem of(JsonProcessingException e) {
        String field = "";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    if (!path.isEmpty()) {
                        path.append('.');
                    }
                    path.append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            field = path.toString();
        }
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        String message = e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException && e.getCause() != null
                ? e.getCause().getMessage()
                : readable(e);
        return new JsonProblem(field, line, column, message);
    }

    /** One sentence: field first when known, then the problem. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (!field.isEmpty()) {
            text.append("field '").append(field).append("': ");
        }
        text.append(message);
        if (line > 0) {
            text.append(" (line ").append(line).append(", column ").append(column).append(')');
        }
        return text.toString();
    }

    private static final java.util.regex.Pattern GOT = java.util.regex.Pattern.compile(
            "(?:from|coerce) (Array|Object|String|Integer|Floating-point|Boolean|Null|Embedded Object) value");
    private static final java.util.regex.Pattern KNOWN_IDS = java.util.regex.Pattern.compile("known type ids = (\\[[^]]*])");

    /** Jackson's message with its Java type names, token names and source excerpts taken out. */
    private static String readable(JsonProcessingException e) {
        String original = e.getOriginalMessage();
        if (original == null) {
            return "malformed JSON";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidTypeIdException typeId) {
            java.util.regex.Matcher known = KNOWN_IDS.matcher(original);
            String choices = known.find() ? "; known types: " + known.group(1) : "";
            return typeId.getTypeId() == null ? "missing 'type'" + choices
                    : "unknown type '" + typeId.getTypeId() + "'" + choices;
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException && original.contains("\": ")) {
            // "Cannot deserialize value of type X from String "soon": <our own explanation>"
            return original.substring(original.indexOf("\": ") + 3);
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
                && mismatch.getTargetType() != null && !original.startsWith("No content")) {
            java.util.regex.Matcher got = GOT.matcher(original);
            return "expected " + expected(mismatch.getTargetType())
                    + (got.find() ? ", got " + got.group(1).toLowerCase(java.util.Locale.ROOT) : "");
        }
        if (original.startsWith("No content to map")) {
            return "the document is empty";
        }
        String text = original
                .replaceAll("\\(start marker at \\[Source:[^]]*]\\)", "")
                .replaceAll("\\(class [^)]*\\)", "")
                .replaceAll("\\(for POJO property [^)]*\\)", "")
                .replaceAll("`[^`]*`", "value")
                .replaceAll("\\s+", " ")
                .trim();
        int known = text.indexOf(", not marked as ignorable");
        if (known > 0) {
            text = text.substring(0, known);
        }
        return text;
    }

    /** What a user should have written for a Java type, in JSON words. */
    private static String expected(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == java.time.Duration.class) {
            return "a duration such as 250ms or 2s";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.toString().toLowerCase(java.util.Locale.ROOT)).toList();
        }
        return "an object";
    }
}
