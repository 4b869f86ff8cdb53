package dev.brownout.fakes.internal.exchange;

/**
 * The part of one HTTP exchange a dialect reads and writes: request headers in, status, headers and a whole
 * body out. Served on two stacks (the provider's own completion handler, and Javalin for the other routes), so
 * the dialects depend on neither. A body set here is only sent once the caller has recorded the call.
 */
public interface Exchange {

    /** A request header's value, or null when the request has none. */
    String header(String name);

    /** The request's path, as sent (not decoded). */
    String path();

    /** The request's query string without the {@code ?}, as sent, or null when it has none. */
    String query();

    /** Sets a response header, replacing any earlier value. */
    void header(String name, String value);

    /** A response header set earlier, or null. */
    String responseHeader(String name);

    /** Sets the response's HTTP status. */
    void status(int status);

    /** The whole response body and its content type. */
    void result(String contentType, byte[] body);
}
