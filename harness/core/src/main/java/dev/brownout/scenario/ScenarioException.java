package dev.brownout.scenario;

import dev.brownout.input.FileProblem;
import dev.brownout.input.InvalidInputException;

import java.io.Serial;
import java.util.List;

/** A scenario file that cannot be used; carries every problem found, each with its place in the file. */
public final class ScenarioException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    ScenarioException(List<FileProblem> problems) {
        super("the scenario", problems);
    }
}
