package dev.brownout.fakes.admin;

/** A behaviour document that cannot be installed; the message says which field and why. */
public final class InvalidBehaviourException extends RuntimeException {

    public InvalidBehaviourException(String message) {
        super(message, null, false, false);
    }
}
