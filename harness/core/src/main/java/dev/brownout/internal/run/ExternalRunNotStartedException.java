package dev.brownout.internal.run;

import java.io.Serial;

/**
 * A load run whose world or SUT could not start: the world is closed, {@code error.txt} keeps the cause, and the
 * run folder holds an incomplete result saying why (unless even that could not be written).
 */
public final class ExternalRunNotStartedException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final transient MeasuredOutcome outcome;

    ExternalRunNotStartedException(String reason, MeasuredOutcome outcome, RuntimeException cause) {
        super(reason, cause);
        this.outcome = outcome;
    }

    /** The incomplete result and its folder, or null when it could not be written. */
    public MeasuredOutcome outcome() {
        return outcome;
    }
}
