package dev.brownout.fakes.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The control surface every fake serves under {@code /__brownout/}: behaviour (GET, PUT), ledger with a
 * {@code since} cursor, health, Prometheus metrics, and the chain canaries' tools ({@code v1/tools}) for agents that
 * run them out of process. It is how a harness drives fakes it did not start.
 * A fake mounted with a required {@link AdminToken} answers every admin call without that bearer token with 401.
 */
public final class AdminApi {

    public static final String PREFIX = "/__brownout";
    static final int MAX_PAGE = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);

    private AdminApi() {
    }

    /** Mounts the admin routes with no token required: for a fake on loopback. */
    public static void mount(RoutesConfig routes, AdminSurface surface) {
        mount(routes, surface, AdminToken.none());
    }

    /**
     * Mounts the admin routes; every one but health refuses a call without {@code token} when it is required. Health
     * stays open because a container platform's liveness and readiness probes carry no secret, and it tells only the
     * fake's name and kind.
     */
    public static void mount(RoutesConfig routes, AdminSurface surface, AdminToken token) {
        routes.get(PREFIX + "/health", ctx -> ctx.json(health(surface)));
        routes.get(PREFIX + "/behaviour", guarded(token, ctx -> ctx.json(surface.behaviour().current())));
        routes.put(PREFIX + "/behaviour", guarded(token, ctx -> putBehaviour(ctx, surface)));
        routes.get(PREFIX + "/ledger", guarded(token, ctx -> ledger(ctx, surface)));
        routes.get(PREFIX + "/metrics", guarded(token, ctx -> ctx
                .contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(surface.metrics().get())));
        routes.get(PREFIX + "/v1/tools", guarded(token, ToolEndpoint::definitions));
        routes.post(PREFIX + "/v1/tools/{name}", guarded(token, ToolEndpoint::call));
    }

    private static Handler guarded(AdminToken token, Handler handler) {
        if (!token.required()) {
            return handler;
        }
        return ctx -> {
            String authorization = ctx.header("Authorization");
            if (token.admits(authorization)) {
                handler.handle(ctx);
                return;
            }
            LOG.warn("refused an admin call without the right bearer token: {} {} from {}", ctx.method(), ctx.path(),
                    ctx.ip());
            ctx.header("WWW-Authenticate", "Bearer");
            error(ctx, HttpStatus.UNAUTHORIZED, token.refusal(authorization));
        };
    }

    /** The admin API's own error body: it is ours, not a dialect's. */
    public static void error(Context ctx, HttpStatus status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        ctx.status(status).json(body);
    }

    private static Map<String, Object> health(AdminSurface surface) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("name", surface.name());
        body.put("kind", surface.kind());
        return body;
    }

    private static void putBehaviour(Context ctx, AdminSurface surface) {
        try {
            ctx.json(surface.behaviour().replace(ctx.bodyAsBytes()));
        } catch (InvalidBehaviourException e) {
            error(ctx, HttpStatus.BAD_REQUEST, "invalid behaviour: " + e.getMessage());
        }
    }

    private static void ledger(Context ctx, AdminSurface surface) {
        long since;
        int limit;
        try {
            since = Long.parseLong(ctx.queryParamAsClass("since", String.class).getOrDefault("0"));
            limit = Integer.parseInt(ctx.queryParamAsClass("limit", String.class).getOrDefault(String.valueOf(MAX_PAGE)));
        } catch (NumberFormatException e) {
            error(ctx, HttpStatus.BAD_REQUEST, "'since' and 'limit' must be whole numbers");
            return;
        }
        if (since < 0 || limit < 1 || limit > MAX_PAGE) {
            error(ctx, HttpStatus.BAD_REQUEST, "'since' must be >= 0 and 'limit' between 1 and " + MAX_PAGE);
            return;
        }
        ctx.json(surface.ledger().since(since, limit));
    }
}
