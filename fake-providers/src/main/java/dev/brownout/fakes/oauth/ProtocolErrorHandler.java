package dev.brownout.fakes.oauth;

import dev.brownout.fakes.config.Mappers;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Jetty's answer to requests that never reach a route (a path that cannot be normalised, a header too
 * large, broken HTTP): the RFC 6749 error shape instead of an HTML page, with Jetty's status, and
 * {@code Connection: close} announced, since Jetty drops such a connection and a client must not reuse it.
 */
final class ProtocolErrorHandler extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 400;
        boolean ours = status >= 500;
        byte[] body;
        try {
            body = Mappers.json().writeValueAsBytes(Map.of(
                    "error", ours ? "server_error" : "invalid_request",
                    "error_description", ours ? "the server failed" : "the request is not valid HTTP for this server"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            body = "{\"error\":\"invalid_request\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
