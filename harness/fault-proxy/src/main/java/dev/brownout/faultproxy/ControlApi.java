package dev.brownout.faultproxy;

import dev.brownout.faultproxy.ProxyRegistry.PopulateFailure;
import dev.brownout.faultproxy.WireFormat.ErrorView;
import dev.brownout.faultproxy.WireFormat.PopulateErrorView;
import dev.brownout.faultproxy.WireFormat.PopulateView;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Toxiproxy 2.12.0's HTTP control API on Javalin: same routes, status codes, bodies and headers,
 * including the quirks clients depend on (errors as text/plain JSON, 405 for a known path with the
 * wrong method, plain-text 404 for unknown paths, browser user agents refused). One extension path,
 * {@link ConnectionLogEndpoint#PATH}, which no Toxiproxy client calls. Two additions Toxiproxy lacks, both
 * off unless asked for (see {@link ControlAccess}): a bearer token, and no every-interface listen on loopback.
 */
final class ControlApi {

    static final String EXTENSIONS_HEADER = "X-Brownout-Extensions";
    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String ROUTED = "brownout.routed";

    private final ProxyRegistry registry;
    private final String version;
    private final ControlAccess access;

    ControlApi(ProxyRegistry registry, String version, ControlAccess access) {
        this.registry = registry;
        this.version = version;
        this.access = access;
    }

    Javalin create(String host, int port) {
        return Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.router.ignoreTrailingSlashes = false;
            config.router.treatMultipleSlashesAsSingleSlash = false;
            config.http.prefer405over404 = false;
            config.jetty.host = host;
            config.jetty.port = port;
            routes(config);
        });
    }

    private void routes(JavalinConfig config) {
        route(config, "/version", Map.of(HandlerType.GET, this::version));
        route(config, "/reset", Map.of(HandlerType.POST, ctx -> {
            registry.reset();
            ctx.status(204);
        }));
        route(config, "/proxies", Map.of(
                HandlerType.GET, ctx -> json(ctx, 200, registry.list(extensions(ctx))),
                HandlerType.POST, ctx -> {
                    WireFormat.ProxyRequest request = WireFormat.proxyRequest(WireFormat.parse(ctx.body()), "toxiproxy.Proxy");
                    access.checkListen(request.listen(), "");
                    json(ctx, 201, registry.create(request));
                }));
        route(config, "/populate", Map.of(HandlerType.POST, this::populate));
        Handler updateProxy = ctx -> {
            String name = ctx.pathParam("proxy");
            registry.requireProxy(name);
            WireFormat.ProxyRequest request = WireFormat.proxyRequest(WireFormat.parse(ctx.body()), "toxiproxy.Proxy");
            access.checkListen(request.listen(), "");
            json(ctx, 200, registry.update(name, request));
        };
        route(config, "/proxies/{proxy}", Map.of(
                HandlerType.GET, ctx -> json(ctx, 200, registry.get(ctx.pathParam("proxy"), extensions(ctx))),
                HandlerType.POST, updateProxy,
                HandlerType.PATCH, updateProxy,
                HandlerType.DELETE, ctx -> {
                    registry.delete(ctx.pathParam("proxy"));
                    ctx.status(204);
                }));
        route(config, "/proxies/{proxy}/toxics", Map.of(
                HandlerType.GET, ctx -> json(ctx, 200, registry.toxics(ctx.pathParam("proxy"), extensions(ctx))),
                HandlerType.POST, ctx -> {
                    String proxy = ctx.pathParam("proxy");
                    registry.requireProxy(proxy);
                    json(ctx, 200, registry.addToxic(proxy, WireFormat.toxicRequest(WireFormat.parse(ctx.body()))));
                }));
        Handler updateToxic = ctx -> {
            String proxy = ctx.pathParam("proxy");
            String toxic = ctx.pathParam("toxic");
            registry.requireToxic(proxy, toxic);
            json(ctx, 200, registry.updateToxic(proxy, toxic, WireFormat.toxicRequest(WireFormat.parse(ctx.body()))));
        };
        route(config, "/proxies/{proxy}/toxics/{toxic}", Map.of(
                HandlerType.GET, ctx -> json(ctx, 200, registry.toxic(ctx.pathParam("proxy"), ctx.pathParam("toxic"))),
                HandlerType.POST, updateToxic,
                HandlerType.PATCH, updateToxic,
                HandlerType.DELETE, ctx -> {
                    registry.removeToxic(ctx.pathParam("proxy"), ctx.pathParam("toxic"));
                    ctx.status(204);
                }));
        route(config, ConnectionLogEndpoint.PATH, Map.of(HandlerType.GET, ctx -> json(ctx, 200,
                ConnectionLogEndpoint.page(registry.connectionLog(), ctx.queryParam("since"), ctx.queryParam("limit"),
                        ctx.queryParam("proxy")))));
        config.routes.error(404, ctx -> {
            if (ctx.attribute(ROUTED) == null) {
                ctx.contentType(TEXT).result("404 page not found\n");
            }
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            if (e instanceof ApiError error) {
                error(ctx, error);
            } else {
                error(ctx, ApiError.internal(e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        });
    }

    /** Registers a path's handlers; every other common method answers 405 with an empty body. */
    private void route(JavalinConfig config, String path, Map<HandlerType, Handler> handlers) {
        Set<HandlerType> methods = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
                HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS);
        for (HandlerType method : methods) {
            Handler handler = handlers.get(method);
            config.routes.addHttpHandler(method, path, handler == null ? admitted(ControlApi::notAllowed)
                    : admitted(routed(handler)));
        }
    }

    /** Refuses a call without the server's token before anything else looks at it. */
    private Handler admitted(Handler handler) {
        return ctx -> {
            ApiError refused = access.refusal(ctx);
            if (refused != null) {
                error(ctx, refused);
                return;
            }
            handler.handle(ctx);
        };
    }

    private static void notAllowed(Context ctx) {
        ctx.attribute(ROUTED, true);
        ctx.status(405).result(new byte[0]);
    }

    /** The middleware Toxiproxy runs on routed requests: request id, then the browser block. */
    private static Handler routed(Handler handler) {
        return ctx -> {
            ctx.attribute(ROUTED, true);
            ctx.header("X-Toxiproxy-Request-Id", RequestIds.next());
            String agent = ctx.userAgent();
            if (agent != null && agent.startsWith("Mozilla/")) {
                ctx.status(403).contentType(TEXT).result("User agent not allowed\n");
                return;
            }
            handler.handle(ctx);
        };
    }

    private void version(Context ctx) {
        ctx.status(200).contentType("application/json;charset=utf-8")
                .result("{\"version\": " + WireFormat.writeString(version) + "}\n");
    }

    private void populate(Context ctx) {
        List<WireFormat.ProxyRequest> requests;
        try {
            requests = WireFormat.populateRequest(WireFormat.parse(ctx.body()));
            access.checkListens(requests);
        } catch (ApiError e) {
            populateError(ctx, e, null);
            return;
        }
        try {
            List<WireFormat.ProxyView> done = registry.populate(requests);
            json(ctx, 201, new PopulateView(done.isEmpty() ? null : done));
        } catch (PopulateFailure failure) {
            populateError(ctx, failure.error, failure.created.isEmpty() ? null : failure.created);
        } catch (ApiError e) {
            populateError(ctx, e, null);
        }
    }

    private static void populateError(Context ctx, ApiError error, List<WireFormat.ProxyView> created) {
        byte[] body = WireFormat.write(new PopulateErrorView(error.getMessage(), error.status(), created));
        errorBody(ctx, error.status(), body);
    }

    private static boolean extensions(Context ctx) {
        String value = ctx.header(EXTENSIONS_HEADER);
        return value != null && (value.equalsIgnoreCase("true") || value.equals("1"));
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType(JSON).result(WireFormat.write(body));
    }

    private static void error(Context ctx, ApiError error) {
        errorBody(ctx, error.status(), WireFormat.write(new ErrorView(error.getMessage(), error.status())));
    }

    /** Toxiproxy's error helper overrides the JSON content type with text/plain and adds a newline. */
    private static void errorBody(Context ctx, int status, byte[] json) {
        byte[] body = new byte[json.length + 1];
        System.arraycopy(json, 0, body, 0, json.length);
        body[json.length] = '\n';
        ctx.attribute(ROUTED, true);
        ctx.status(status).contentType(TEXT).header("X-Content-Type-Options", "nosniff").result(body);
    }
}
