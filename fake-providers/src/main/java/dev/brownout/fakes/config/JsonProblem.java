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
                : readable(e.getOriginalMessage());
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

    private static String readable(String original) {
        if (original == null) {
            return "malformed JSON";
        }
        String text = original
                .replaceAll("\\(class [^)]*\\)", "")
                .replaceAll("`[a-z]+(\\.[a-zA-Z$]+)+`", "value")
                .replaceAll("\\s+", " ")
                .trim();
        int known = text.indexOf(", not marked as ignorable");
        if (known > 0) {
            text = text.substring(0, known);
        }
        return text;
    }
}
