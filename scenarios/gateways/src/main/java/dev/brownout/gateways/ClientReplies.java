package dev.brownout.gateways;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a gateway sends its caller: an upstream's whole answer or its stream, in OpenAI's shape whatever the
 * upstream's dialect, or an error of the gateway's own.
 */
public final class ClientReplies {

    /** Names the upstream that produced the answer, for callers and the harness to see who served. */
    public static final String UPSTREAM_HEADER = "x-brownout-upstream";
    private static final Logger LOG = LoggerFactory.getLogger(ClientReplies.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClientReplies() {
    }

    /** The upstream's whole answer, {@code body} as read from it, with its status and the headers worth relaying. */
    public static void relayWhole(Context ctx, Upstream.Answer answer, byte[] body) throws IOException {
        CallerReply reply = answer.callerReply(body);
        ctx.status(reply.status());
        reply.headers().forEach(ctx::header);
        ctx.header(UPSTREAM_HEADER, answer.upstream().name());
        ctx.res().setContentLength(reply.body().length);
        OutputStream out = ctx.res().getOutputStream();
        out.write(reply.body());
        out.flush();
    }

    /**
     * Relays a stream event by event as the upstream sends it (translated to Chat Completions chunks for
     * other dialects), starting with {@code firstEvent} already read.
     * A stream that ends or breaks without its terminator ends so for the caller too, who can tell it was cut.
     * Once the first event has gone out nothing can be retried: a stream that breaks later ends early for
     * the caller, as it does behind real gateways.
     */
    public static void relayStream(Context ctx, Upstream.Answer answer, ChatEvents events, String firstEvent) {
        ctx.status(answer.status());
        ctx.res().setContentType("text/event-stream; charset=utf-8");
        ctx.header("Cache-Control", "no-cache");
        ctx.header(UPSTREAM_HEADER, answer.upstream().name());
        try (answer) {
            OutputStream out = ctx.res().getOutputStream();
            String event = firstEvent;
            while (event != null) {
                out.write((event + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                event = events.next();
            }
        } catch (IOException e) {
            LOG.info("stream from {} ended early: {}", answer.upstream().name(), e.getMessage());
        }
    }

    /** An error of the gateway's own, in OpenAI's error shape. */
    public static void error(Context ctx, int status, String type, String message) {
        ctx.status(status);
        ctx.contentType("application/json");
        ctx.result(errorBody(type, message).toString());
    }

    /** OpenAI's error body: {@code {"error": {message, type, param, code}}}. */
    public static ObjectNode errorBody(String type, String message) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        error.putNull("code");
        return body;
    }
}
