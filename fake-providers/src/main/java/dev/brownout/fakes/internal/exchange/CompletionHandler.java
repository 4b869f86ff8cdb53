package dev.brownout.fakes.internal.exchange;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider's completion endpoint on Jetty's core handler API, in front of the listener's Javalin routes:
 * it takes {@code POST <completion path>} of each wire format the endpoint answers in (with or without a
 * trailing slash, as Javalin's route matched it) and passes every other request on. It reads the whole body
 * before answering, and refuses one over the size limit with 413 (or one it cannot read with 400), recorded in
 * the ledger, announcing the connection as closing.
 */
public final class CompletionHandler extends Handler.Wrapper {

    /** How much of an oversized body is read and dropped at most before the refusal is sent anyway. */
    private static final long MAX_DROPPED_BYTES = 256L * 1024 * 1024;

    /** Each wire format's completion path, with and without a trailing slash, to the format. */
    private final Map<String, Dialect> wireFormatsByPath = new HashMap<>();
    private final List<Dialect> wireFormats;
    private final CompletionEndpoint endpoint;
    private final long maxBodyBytes;

    /**
     * Serves the completion path of every wire format the endpoint answers in.
     *
     * @param maxBodyBytes the largest request body served; a larger one is refused with 413
     */
    public CompletionHandler(CompletionEndpoint endpoint, long maxBodyBytes) {
        for (Dialect wire : endpoint.wireFormats()) {
            wireFormatsByPath.put(wire.completionPath(), wire);
            wireFormatsByPath.put(wire.completionPath() + "/", wire);
        }
        this.wireFormats = endpoint.wireFormats();
        this.endpoint = endpoint;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Serves a POST to the completion path once its body is read; passes every other request on to Javalin. */
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Dialect wire = "POST".equals(request.getMethod()) ? wireFormat(request.getHttpURI().getPath()) : null;
        if (wire == null) {
            return super.handle(request, response, callback);
        }
        CoreExchange exchange = new CoreExchange(request, response, callback);
        byte[] body;
        try {
            body = readBody(request);
        } catch (IOException | RuntimeException e) {
            refuse(exchange, wire, 400, "the body is not valid HTTP content", null);
            return true;
        }
        if (body == null) {
            refuse(exchange, wire, 413, "Request body too large: the limit is " + maxBodyBytes + " bytes.", "request_too_large");
            return true;
        }
        endpoint.handle(exchange, body, wire);
        return true;
    }

    /** The wire format whose completion request a POST to this path is, or null. */
    private Dialect wireFormat(String path) {
        Dialect wire = wireFormatsByPath.get(path);
        if (wire != null || path == null) {
            return wire;
        }
        for (Dialect candidate : wireFormats) {
            if (candidate.isCompletionPath(path)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The whole body, or null when it is longer than the limit. An oversized body is still read to its end (and
     * dropped) before the refusal: a connection closed while the client is still sending is reset, and the client
     * would lose the 413 it was sent.
     */
    private byte[] readBody(Request request) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            long declared = request.getLength();
            if (declared >= 0 && declared <= maxBodyBytes) {
                // The usual case: read into an array of the declared length, with no buffer to grow or copy.
                byte[] body = new byte[(int) declared];
                if (in.readNBytes(body, 0, body.length) == body.length && in.read() < 0) {
                    return body;
                }
                throw new IOException("the body is not as long as its Content-Length");
            }
            if (declared < 0) {
                byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
                if (body.length <= maxBodyBytes) {
                    return body;
                }
            }
            byte[] dropped = new byte[64 * 1024];
            long total = 0;
            int read;
            while (total < MAX_DROPPED_BYTES && (read = in.read(dropped)) >= 0) {
                total += read;
            }
            return null;
        }
    }

    /** A body left unread makes Jetty close the connection after answering, so the answer says so. */
    private void refuse(CoreExchange exchange, Dialect wire, int status, String message, String code) {
        exchange.header(HttpHeader.CONNECTION.asString(), "close");
        endpoint.recordRefusal(exchange, new ErrorReply(status, message, null, code), wire);
        exchange.sendResult();
    }
}
