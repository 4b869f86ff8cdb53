package dev.brownout.input;

import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A file or argument that cannot be used, with every problem found in it, each naming its place and what
 * would be valid there. The message lists them all, one per line, as a compiler does.
 */
public class InvalidInputException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<FileProblem> problems;

    /** @param what what was read, for the first line of the message (e.g. "the scenario") */
    protected InvalidInputException(String what, List<FileProblem> problems) {
        super(summary(what, problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem: file (or argument), line, column, field path and message. */
    public List<FileProblem> problems() {
        return problems;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // the problems say where; a stack trace would only say which reader found them
        return this;
    }

    private static String summary(String what, List<FileProblem> problems) {
        String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return count + " in " + what + ":\n" + problems.stream()
                .map(problem -> "  " + problem.describe())
                .collect(Collectors.joining("\n"));
    }
}
