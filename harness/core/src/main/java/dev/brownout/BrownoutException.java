package dev.brownout;

import java.io.Serial;

/** Brownout could not do what it was asked; the message says what went wrong and what to do about it. */
public class BrownoutException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    public BrownoutException(String message) {
        super(message);
    }

    public BrownoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
