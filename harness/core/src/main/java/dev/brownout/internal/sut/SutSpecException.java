package dev.brownout.internal.sut;

import dev.brownout.input.FileProblem;
import dev.brownout.input.InvalidInputException;

import java.io.Serial;
import java.util.List;

/** A SUT file or {@code --sut} value that cannot be used; every problem names its place and what would be valid. */
public final class SutSpecException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    SutSpecException(List<FileProblem> problems) {
        super("the SUT description", problems);
    }
}
