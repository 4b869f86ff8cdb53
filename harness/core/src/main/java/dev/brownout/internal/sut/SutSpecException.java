package dev.brownout.internal.sut;

import dev.brownout.input.FileProblem;

import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/** A SUT file or {@code --sut} value that cannot be used; every problem names its place and what would be valid. */
public final class SutSpecException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<FileProblem> problems;

    SutSpecException(List<FileProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem: file (or {@code --sut}), line, column, field path and message. */
    public List<FileProblem> problems() {
        return problems;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    private static String summary(List<FileProblem> problems) {
        String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return count + " in the SUT description:\n" + problems.stream()
                .map(problem -> "  " + problem.describe())
                .collect(Collectors.joining("\n"));
    }
}
