package dev.brownout.internal.sut;

import java.io.IOException;
import java.io.Serial;

/**
 * A successful reply whose body is not the dialect's JSON: the caller's SDK would raise an error for it, so the
 * exchange is an error with this class's name as its error class.
 */
public final class UnreadableReplyException extends IOException {

    @Serial
    private static final long serialVersionUID = 1L;

    UnreadableReplyException(String dialect, Exception cause) {
        super("the reply's body is not " + dialect + " JSON: " + cause.getMessage(), cause);
    }
}
