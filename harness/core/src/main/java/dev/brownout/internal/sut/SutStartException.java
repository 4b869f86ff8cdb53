package dev.brownout.internal.sut;

import java.io.Serial;

/**
 * A SUT that could not be started: its program did not run, it exited during startup, or it was not ready
 * in time. The message says which, with the last lines of its output; nothing of it is left running.
 */
public final class SutStartException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    SutStartException(String message) {
        super(message, null, false, false);
    }

    SutStartException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
