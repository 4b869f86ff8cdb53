package dev.brownout.internal.sut;

import java.io.IOException;

/**
 * The SUT's reply broke off after its headers: the connection was closed before the body's end (no chunked
 * terminator, fewer bytes than its length) or reset. Every official SDK raises an error for it, so the exchange
 * is an error, never an answer; the class name is what the exchange log shows as its error class.
 */
public final class AbortedReplyException extends IOException {

    AbortedReplyException(String what, IOException cause) {
        super("the SUT's reply broke off " + what + ": " + cause, cause);
    }
}
