package dev.brownout.fakes;

import dev.brownout.fakes.admin.AdminApi;
import dev.brownout.fakes.admin.AdminSurface;
import dev.brownout.fakes.admin.AdminToken;
import dev.brownout.fakes.admin.BehaviourStore;
import dev.brownout.fakes.auth.Authenticator;
import dev.brownout.fakes.behaviour.Fault;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.behaviour.RateLimiter;
import dev.brownout.fakes.behaviour.SubstituteFault;
import dev.brownout.fakes.catalog.ModelCatalog;
import dev.brownout.fakes.catalog.ModelProfile;
import dev.brownout.fakes.internal.cassette.ReplayFromCassette;
import dev.brownout.fakes.internal.cassette.UpstreamSource;
import dev.brownout.fakes.internal.exchange.CompletionEndpoint;
import dev.brownout.fakes.internal.exchange.CompletionHandler;
import dev.brownout.fakes.internal.exchange.ContextExchange;
import dev.brownout.fakes.internal.exchange.Dialect;
import dev.brownout.fakes.internal.exchange.ErrorReply;
import dev.brownout.fakes.internal.exchange.ProviderMetrics;
import dev.brownout.fakes.internal.exchange.ReplySource;
import dev.brownout.fakes.internal.exchange.StreamScheduler;
import dev.brownout.fakes.internal.http.FakeHttpServer;
import dev.brownout.fakes.ledger.Ledger;
import dev.brownout.fakes.ledger.ProviderCall;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One running fake LLM provider: its own listener, dialect, models, credential, behaviour and ledger.
 * Start it through {@link FakeWorld}.
 */
public final class FakeProvider implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FakeProvider.class);

    private final ProviderConfig config;
    private final Dialect dialect;
    private final List<ModelProfile> models;
    private final String apiKey;
    private final BehaviourStore<ProviderBehaviour> behaviour;
    private final Ledger<ProviderCall> ledger = new Ledger<>();
    private final ProviderMetrics metrics;
    private final StreamScheduler scheduler;
    private final FakeHttpServer server;
    private final CompletionEndpoint endpoint;
    /** Where answers come from in upstream and replay mode; null in simulated mode. */
    private final ReplySource source;

    /** @param minute a minute on the world's clock: what the provider's per-minute rate limits count in */
    FakeProvider(ProviderConfig config, String host, long seed, ModelCatalog catalog, String apiKey,
                 Authenticator authenticator, Duration minute, AdminToken adminToken) {
        this.config = config;
        this.dialect = config.dialect().create();
        this.models = config.models().isEmpty() ? catalog.models()
                : config.models().stream().map(catalog::require).toList();
        this.apiKey = apiKey;
        List<String> served = models.stream().map(ModelProfile::id).toList();
        this.behaviour = new BehaviourStore<>(ProviderBehaviour.class, config.behaviour(),
                candidate -> validate(candidate, catalog, served));
        this.metrics = new ProviderMetrics(config.name(),
                model -> catalog.find(model).filter(profile -> served.contains(profile.id())).isPresent());
        this.scheduler = new StreamScheduler(config.name());
        this.endpoint = new CompletionEndpoint(config.name(), dialect, config.dialect().alsoServed(), seed, catalog,
                served,
                authenticator, config.auth() == AuthMode.OAUTH, behaviour, new RateLimiter(minute), ledger, metrics,
                scheduler);
        try {
            this.source = replySource(config, dialect, minute);
        } catch (RuntimeException e) {
            scheduler.close();
            throw e;
        }
        if (source != null) {
            endpoint.answerFrom(source);
        }
        AdminSurface admin = new AdminSurface(config.name(), "provider", behaviour, ledger, metrics::scrape);
        CompletionHandler completions = new CompletionHandler(endpoint, FakeHttpServer.MAX_REQUEST_BYTES);
        this.server = startListener(host, completions, admin, adminToken);
    }

    /**
     * The source of a provider in upstream or replay mode: the upstream probed and its cassette opened, or the
     * cassette read and checked. Anything wrong is an IllegalArgumentException naming the provider and what to fix.
     */
    private static ReplySource replySource(ProviderConfig config, Dialect dialect, Duration minute) {
        boolean recorded = config.pacing() == ReplayPacing.RECORDED;
        return switch (config.mode()) {
            case SIMULATED -> null;
            case REPLAY -> new ReplayFromCassette(Path.of(config.cassette()), recorded,
                    (double) minute.toNanos() / Duration.ofMinutes(1).toNanos());
            case UPSTREAM -> {
                UpstreamConfig upstream = config.upstream();
                String baseUrl = upstream.baseUrl() != null ? upstream.baseUrl()
                        : environment(config, "base_url_env", upstream.baseUrlEnv());
                if (!(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
                    throw new IllegalArgumentException("provider '" + config.name() + "': the base URL in $"
                            + upstream.baseUrlEnv() + " must start with http:// or https://");
                }
                String key = upstream.apiKeyEnv() == null ? null
                        : environment(config, "api_key_env", upstream.apiKeyEnv());
                yield new UpstreamSource(config.name(), config.dialect().label(), dialect.api(), baseUrl, key,
                        "$" + upstream.apiKeyEnv(), Path.of(config.cassette()), recorded);
            }
        };
    }

    private static String environment(ProviderConfig config, String field, String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("provider '" + config.name() + "': upstream." + field + " names the "
                    + "environment variable " + variable + ", which is not set");
        }
        return value.strip();
    }

    private FakeHttpServer startListener(String host, CompletionHandler completions, AdminSurface admin,
                                         AdminToken adminToken) {
        try {
            return FakeHttpServer.start(host, config.port(), completions, javalin -> routes(javalin, admin, adminToken));
        } catch (RuntimeException e) {
            scheduler.close();
            if (source instanceof UpstreamSource upstream) {
                upstream.close();
            }
            throw e;
        }
    }

    /** Everything but the completion endpoint, which {@link CompletionHandler} serves in front of these routes. */
    private void routes(JavalinConfig javalin, AdminSurface admin, AdminToken adminToken) {
        javalin.http.prefer405over404 = true;
        // It makes another method on the completion path Javalin's 405, as a real API answers it, rather than a 404.
        // The completion handler takes every POST there first; only a path that fits the route's pattern and not
        // the dialect's (Gemini's, e.g. an empty model) reaches it, and is not found.
        for (Dialect wire : endpoint.wireFormats()) {
            javalin.routes.post(wire.completionPath(), ctx -> notFound(ctx, endpoint));
        }
        dialect.mountExtras(javalin.routes, models, ctx -> endpoint.admit(new ContextExchange(ctx)));
        AdminApi.mount(javalin.routes, admin, adminToken);
        // Javalin runs error handlers for any 404/405 status, also ones our handlers answered on purpose
        // (an unknown model is a 404): only a response without a body is Javalin's own "no route".
        javalin.routes.error(404, "*", ctx -> {
            if (ctx.resultInputStream() == null) {
                notFound(ctx, endpoint);
            }
        });
        javalin.routes.error(405, "*", ctx -> {
            if (ctx.resultInputStream() == null) {
                endpoint.recordRefusal(new ContextExchange(ctx), new ErrorReply(405,
                        "Invalid method for URL (" + ctx.method() + " " + ctx.path() + ")", null, null));
            }
        });
        javalin.routes.exception(HttpResponseException.class, (e, ctx) -> refuseTransport(ctx, e, endpoint));
        javalin.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("provider '{}' failed on {} {}", config.name(), ctx.method(), ctx.path(), e);
            dialect.writeError(new ContextExchange(ctx), new ErrorReply(500,
                    "The fake provider failed: " + e.getClass().getSimpleName(), null, null));
        });
    }

    private void notFound(Context ctx, CompletionEndpoint endpoint) {
        if (ctx.path().startsWith(AdminApi.PREFIX)) {
            AdminApi.error(ctx, HttpStatus.NOT_FOUND, "no admin route " + ctx.method() + " " + ctx.path());
            return;
        }
        endpoint.recordRefusal(new ContextExchange(ctx),
                new ErrorReply(404, "Invalid URL (" + ctx.method() + " " + ctx.path() + ")", null, null));
    }

    private void refuseTransport(Context ctx, HttpResponseException e, CompletionEndpoint endpoint) {
        int status = e.getStatus() >= 400 && e.getStatus() < 500 ? e.getStatus() : 400;
        String message = status == 413
                ? "Request body too large: the limit is " + FakeHttpServer.MAX_REQUEST_BYTES + " bytes."
                : e.getMessage();
        if (ctx.path().startsWith(AdminApi.PREFIX)) {
            // A mistake in driving the fake is the admin API's to answer, not a call to the provider's ledger.
            AdminApi.error(ctx, HttpStatus.forStatus(status), status == 405
                    ? "no admin route " + ctx.method() + " " + ctx.path() : message);
            return;
        }
        endpoint.recordRefusal(new ContextExchange(ctx),
                new ErrorReply(status, message, null, status == 413 ? "request_too_large" : null));
    }

    private static void validate(ProviderBehaviour candidate, ModelCatalog catalog, List<String> served) {
        for (int i = 0; i < candidate.faults().size(); i++) {
            Fault fault = candidate.faults().get(i);
            for (String model : fault.models()) {
                if (!served.contains(model)) {
                    throw new IllegalArgumentException("faults[" + i + "].models: '" + model
                            + "' is not served by this provider; it serves " + String.join(", ", served));
                }
            }
            if (fault instanceof SubstituteFault substitute && catalog.find(substitute.serveModel()).isEmpty()) {
                throw new IllegalArgumentException("faults[" + i + "].serve_model: '" + substitute.serveModel()
                        + "' is not in the model catalog");
            }
        }
    }

    public String name() {
        return config.name();
    }

    public DialectKind dialect() {
        return config.dialect();
    }

    public AuthMode auth() {
        return config.auth();
    }

    /** Exactly what the dialect's official SDK takes as its base URL. */
    public String baseUrl() {
        return server.baseUri() + dialect.baseUrlPath();
    }

    /** {@code http://host:port}, without the dialect's path. */
    public String origin() {
        return server.baseUri().toString();
    }

    public String adminUrl() {
        return server.baseUri() + AdminApi.PREFIX;
    }

    public int port() {
        return server.port();
    }

    /** This provider's key in api-key mode; null in other modes. */
    public String apiKey() {
        return apiKey;
    }

    public List<String> models() {
        return models.stream().map(ModelProfile::id).toList();
    }

    public BehaviourStore<ProviderBehaviour> behaviour() {
        return behaviour;
    }

    public Ledger<ProviderCall> ledger() {
        return ledger;
    }

    /** The threads that pace this provider's answers; tests hold them back to make tokens late on purpose. */
    StreamScheduler pacer() {
        return scheduler;
    }

    /**
     * Starts this provider afresh for a new population of tasks, as if the world had just started: it forgets
     * which tasks it has seen (the next call of every task is its attempt 1 again, with the draws and attempt-scoped
     * faults of a first call) and refills its rate-limit buckets. Its ledger, behaviour and port are kept. A load run
     * that plays its baseline population before the measured one in the same world does this between them.
     */
    public void startAfresh() {
        endpoint.startAfresh();
    }

    @Override
    public void close() {
        server.close();
        scheduler.close();
        if (source instanceof UpstreamSource upstream) {
            upstream.close();
        }
    }
}
