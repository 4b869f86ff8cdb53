package dev.brownout.internal.sut;

import java.io.Serial;

/** A SUT template that cannot be rendered: it names a variable the world does not have, or is not Mustache. */
public final class TemplateException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    TemplateException(String message) {
        super(message);
    }
}
