package dev.brownout.harness.sut;

import dev.brownout.harness.scenario.ScenarioProblem;

import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/** A SUT file or {@code --sut} value that cannot be used; every problem names its place and what would be valid. */
public final class SutSpecException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<ScenarioProblem> problems;

    SutSpecException(List<ScenarioProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem: file (or {@code --sut}), line, column, field path and message. */
    public List<ScenarioProblem> problems() {
        return problems;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    private static String summary(List<ScenarioProblem> problems) {
        String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return count + " in the SUT description:\n" + problems.stream()
                .map(problem -> "  " + problem.describe())
                .collect(Collectors.joining("\n"));
    }
}
