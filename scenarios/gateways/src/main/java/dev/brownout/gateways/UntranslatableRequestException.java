package dev.brownout.gateways;

/**
 * The caller's chat request uses something the upstream's dialect has no translation for here (tools, for
 * instance). The caller gets a 400 naming it rather than an answer to a silently different request.
 */
public final class UntranslatableRequestException extends RuntimeException {

    public UntranslatableRequestException(String message) {
        super(message);
    }
}
