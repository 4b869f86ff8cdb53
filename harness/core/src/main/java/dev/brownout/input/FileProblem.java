package dev.brownout.input;

/**
 * One thing wrong with a scenario file: where it is and what would be valid there.
 *
 * @param file    the file (or other origin) the scenario came from
 * @param line    1-based line, or 0 when the problem has no single place
 * @param column  1-based column, or 0 when unknown
 * @param field   path of the field, e.g. {@code timeline[2].faults[0].target}; empty for the whole file
 * @param message what is wrong and what would be valid
 */
public record FileProblem(String file, int line, int column, String field, String message) {

    /** {@code file:line:column: field 'x.y': message}, one line, as compilers print it. */
    public String describe() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line).append(':').append(column);
        }
        text.append(": ");
        if (!field.isEmpty()) {
            text.append("field '").append(field).append("': ");
        }
        return text.append(message).toString();
    }
}
