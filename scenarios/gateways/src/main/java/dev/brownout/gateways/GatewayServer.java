package dev.brownout.gateways;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The HTTP side every gateway shares: {@code POST /v1/chat/completions} handed to the gateway's
 * forwarder, and {@code GET /v1/models} listing the model of each upstream.
 */
public final class GatewayServer {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Long conversations with tool results outgrow Javalin's 1 MB default. */
    static final long MAX_REQUEST_BYTES = 8L * 1024 * 1024;

    private GatewayServer() {
    }

    /**
     * Starts listening with the forwarder built from {@code config}'s upstreams, which share one HTTP client
     * (HTTP/1.1 on virtual threads); the returned handle stops both.
     */
    public static RunningGateway start(GatewayConfig config, String kind,
                                       Function<List<Upstream>, ChatForwarder> forwarderFor) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeouts().connect())
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        List<Upstream> upstreams = config.upstreams().stream()
                .map(upstream -> Upstream.of(upstream, http, config.timeouts())).toList();
        ChatForwarder forwarder = forwarderFor.apply(upstreams);
        byte[] models = modelList(upstreams);
        Javalin javalin = Javalin.create(javalinConfig -> {
            javalinConfig.startup.showJavalinBanner = false;
            javalinConfig.startup.showOldJavalinVersionWarning = false;
            javalinConfig.concurrency.useVirtualThreads = true;
            javalinConfig.http.maxRequestSize = MAX_REQUEST_BYTES;
            javalinConfig.jetty.host = config.host();
            javalinConfig.jetty.port = config.port();
            javalinConfig.jetty.modifyServer(server -> server.setStopTimeout(0));
            javalinConfig.routes.post("/v1/chat/completions", ctx -> chat(ctx, forwarder));
            javalinConfig.routes.get("/v1/models", ctx -> ctx.contentType("application/json").result(models));
            javalinConfig.routes.exception(UntranslatableRequestException.class, (e, ctx) ->
                    ClientReplies.error(ctx, 400, "invalid_request_error", e.getMessage()));
            javalinConfig.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} gateway failed a request", kind, e);
                ClientReplies.error(ctx, 500, "api_error", "the gateway failed: " + e.getMessage());
            });
        });
        try {
            javalin.start();
        } catch (RuntimeException e) {
            http.shutdownNow();
            throw e;
        }
        return new RunningGateway(javalin, http, config.host(), kind);
    }

    private static void chat(Context ctx, ChatForwarder forwarder) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            ClientReplies.error(ctx, 400, "invalid_request_error", "the body is not valid JSON: " + e.getMessage());
            return;
        }
        if (!(body instanceof ObjectNode request)) {
            ClientReplies.error(ctx, 400, "invalid_request_error", "the body must be a JSON object");
            return;
        }
        if (!request.path("messages").isArray()) {
            ClientReplies.error(ctx, 400, "invalid_request_error", "'messages' must be an array");
            return;
        }
        forwarder.forward(ctx, request);
    }

    private static byte[] modelList(List<Upstream> upstreams) {
        ObjectNode list = JSON.createObjectNode();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        for (Upstream upstream : upstreams) {
            data.addObject().put("id", upstream.model()).put("object", "model").put("created", 0)
                    .put("owned_by", upstream.name());
        }
        return list.toString().getBytes(StandardCharsets.UTF_8);
    }
}
