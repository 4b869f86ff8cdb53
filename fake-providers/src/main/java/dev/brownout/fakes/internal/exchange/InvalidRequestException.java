package dev.brownout.fakes.internal.exchange;

/** A request the dialect refuses; becomes the dialect's own 4xx error body. */
public final class InvalidRequestException extends Exception {

    private final int status;
    private final String param;
    private final String code;

    public InvalidRequestException(int status, String message, String param, String code) {
        super(message, null, false, false);
        this.status = status;
        this.param = param;
        this.code = code;
    }

    public static InvalidRequestException badRequest(String message, String param) {
        return new InvalidRequestException(400, message, param, null);
    }

    public ErrorReply toReply() {
        return new ErrorReply(status, getMessage(), param, code);
    }
}
