package dev.brownout.scenario;

import dev.brownout.input.FileProblem;

import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/** A scenario file that cannot be used; carries every problem found, each with its place in the file. */
public final class ScenarioException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<FileProblem> problems;

    ScenarioException(List<FileProblem> problems) {
        super(summary(problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<FileProblem> problems() {
        return problems;
    }

    private static String summary(List<FileProblem> problems) {
        String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return count + " in the scenario:\n" + problems.stream()
                .map(problem -> "  " + problem.describe())
                .collect(Collectors.joining("\n"));
    }
}
