package dev.brownout.gateways;

/** An attempt that got no HTTP answer from an upstream: what the resilient gateway fails over on besides statuses. */
public final class UpstreamFailure extends Exception {

    /** Why no answer came. */
    public enum Kind {
        /** The upstream did not answer (or did not start streaming) in time. */
        TIMEOUT,
        /** The connection could not be opened or broke before an answer. */
        CONNECTION,
        /** No bearer could be had for the upstream, e.g. its token endpoint is down. */
        CREDENTIALS
    }

    private final Kind kind;

    public UpstreamFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
