package dev.brownout.internal.tasks;

import java.nio.file.Path;

/**
 * A task file that cannot be used, with the place and what would be valid:
 * {@code tasks.jsonl, line 3, field "grader.type": unknown grader type "fuzzy"; valid: exact, regex, ...}.
 */
public final class TaskFileException extends IllegalArgumentException {

    private final transient Path file;
    private final int line;
    private final String field;

    TaskFileException(Path file, int line, String field, String problem) {
        super(file + (line > 0 ? ", line " + line : "") + (field != null ? ", field \"" + field + "\"" : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public Path file() {
        return file;
    }

    /** The line, from 1; 0 when the problem is the whole file. */
    public int line() {
        return line;
    }

    /** The field at fault, dotted for grader options ({@code grader.tolerance}); null when no one field is. */
    public String field() {
        return field;
    }
}
