package dev.brownout.fakes.oauth;

import dev.brownout.fakes.admin.AdminApi;
import dev.brownout.fakes.admin.AdminToken;
import dev.brownout.fakes.admin.AdminSurface;
import dev.brownout.fakes.admin.BehaviourStore;
import dev.brownout.fakes.auth.Authenticator;
import dev.brownout.fakes.auth.CredentialRegistry;
import dev.brownout.fakes.internal.http.FakeHttpServer;
import dev.brownout.fakes.ledger.Ledger;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The fake OAuth 2.0 authorization server of a world: discovery, JWKS, token endpoint
 * (client_credentials, refresh_token with rotation, authorization_code with PKCE), authorization,
 * introspection and revocation endpoints on one loopback listener, with switchable misbehaviour, a
 * ledger and the shared admin API. Providers in OAuth mode validate its tokens in-process through
 * {@link #authenticatorFor}.
 */
public final class OAuthServer implements AutoCloseable {

    static final String TOKEN_PATH = "/token";
    static final String AUTHORIZE_PATH = "/authorize";
    static final String INTROSPECT_PATH = "/introspect";
    static final String REVOKE_PATH = "/revoke";

    private final OAuthConfig config;
    private final List<String> providers;
    private final CredentialRegistry registry;
    private final Ledger<OAuthLedgerEntry> ledger = new Ledger<>();
    private final OAuthMetrics metrics;
    private final BehaviourStore<OAuthBehaviour> behaviour =
            new BehaviourStore<>(OAuthBehaviour.class, OAuthBehaviour.healthy(), OAuthBehaviour::validate);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CompletableFuture<Endpoints> ready = new CompletableFuture<>();
    private final Map<String, RegisteredClient> clients = new LinkedHashMap<>();
    private final List<OAuthClient> credentials = new ArrayList<>();
    private final RequestJournal journal;
    private final long seed;
    private FakeHttpServer http;
    private AdminToken adminToken = AdminToken.none();
    private volatile org.eclipse.jetty.server.Server jetty;
    private String issuer;
    private AccessTokenVerifier verifier;

    private OAuthServer(OAuthConfig config, List<String> providers, long seed, CredentialRegistry registry) {
        this.config = config;
        this.providers = List.copyOf(providers);
        this.seed = seed;
        this.registry = registry;
        this.metrics = new OAuthMetrics(config.name());
        this.journal = new RequestJournal(ledger, metrics, Clock.systemUTC());
    }

    /**
     * Starts the server on {@code host:port} (port 0 picks a free one); its issuer is its own address.
     *
     * @param providers the names of the world's providers: the default audiences, and the names a token
     *                  presented to the wrong provider is recognised by
     * @param seed      the world's seed: client secrets and seeded refresh tokens, and injected faults
     * @param registry  the world's credentials; every client secret and refresh token is registered with
     *                  the server's name as owner
     */
    public static OAuthServer start(OAuthConfig config, List<String> providers, String host, int port, long seed,
                                    CredentialRegistry registry) {
        return start(config, providers, host, port, seed, registry, null);
    }

    /**
     * As {@link #start(OAuthConfig, List, String, int, long, CredentialRegistry)}, with the address clients
     * reach the server by when it differs from the listener's (a fault proxy in front): that address is
     * the issuer, and the discovery document names endpoints under it.
     */
    public static OAuthServer start(OAuthConfig config, List<String> providers, String host, int port, long seed,
                                    CredentialRegistry registry, URI publicAddress) {
        return start(config, providers, host, port, seed, registry, publicAddress, AdminToken.none());
    }

    /**
     * As {@link #start(OAuthConfig, List, String, int, long, CredentialRegistry, URI)}, with its admin API
     * requiring {@code adminToken}.
     */
    public static OAuthServer start(OAuthConfig config, List<String> providers, String host, int port, long seed,
                                    CredentialRegistry registry, URI publicAddress, AdminToken adminToken) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(providers, "providers");
        Objects.requireNonNull(registry, "registry");
        OAuthServer server = new OAuthServer(config, providers, seed, registry);
        server.adminToken = adminToken;
        server.http = FakeHttpServer.start(host, port, server::routes);
        try {
            String base = (publicAddress == null ? server.http.baseUri() : publicAddress).toString();
            server.wire(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        } catch (RuntimeException e) {
            server.ready.completeExceptionally(e);
            server.close();
            throw e;
        }
        return server;
    }

    public String name() {
        return config.name();
    }

    /** The issuer ({@code iss} of every token): the server's base address, no trailing slash. */
    public String issuer() {
        return issuer;
    }

    public int port() {
        return http.port();
    }

    public URI discoveryUrl() {
        return URI.create(issuer + DiscoveryEndpoint.OPENID_PATH);
    }

    public URI tokenUrl() {
        return URI.create(issuer + TOKEN_PATH);
    }

    public URI jwksUrl() {
        return URI.create(issuer + JwksEndpoint.PATH);
    }

    public URI authorizationUrl() {
        return URI.create(issuer + AUTHORIZE_PATH);
    }

    public URI introspectionUrl() {
        return URI.create(issuer + INTROSPECT_PATH);
    }

    public URI revocationUrl() {
        return URI.create(issuer + REVOKE_PATH);
    }

    /** Every client's credentials, in configuration order. */
    public List<OAuthClient> clients() {
        return List.copyOf(credentials);
    }

    public OAuthClient client(String clientId) {
        return credentials.stream().filter(c -> c.clientId().equals(clientId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no client '" + clientId + "' on " + name()));
    }

    /** Validation for a provider in OAuth mode, with the default leeway of 5 s. */
    public Authenticator authenticatorFor(String audience, String requiredScope) {
        return authenticatorFor(audience, requiredScope, OAuthBearerAuthenticator.DEFAULT_LEEWAY);
    }

    /**
     * @param audience      the provider's name: tokens must name it in {@code aud}
     * @param requiredScope the scope a token must carry, or {@code null} for none
     * @param leeway        tolerated clock difference for {@code exp} and {@code nbf}
     */
    public OAuthBearerAuthenticator authenticatorFor(String audience, String requiredScope, Duration leeway) {
        return new OAuthBearerAuthenticator(verifier, behaviour, providers, audience, requiredScope, leeway, registry);
    }

    /** The behaviour to switch while serving (also through {@code PUT /__brownout/behaviour}). */
    public BehaviourStore<OAuthBehaviour> behaviour() {
        return behaviour;
    }

    public Ledger<OAuthLedgerEntry> ledger() {
        return ledger;
    }

    /**
     * The JSON-able description for the standalone jar's line: {@code issuer}, {@code discovery_url},
     * {@code token_url}, {@code jwks_url} and {@code clients} with {@code client_id},
     * {@code client_secret} and {@code refresh_token} (absent when none was seeded).
     */
    public Map<String, Object> describe() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("issuer", issuer);
        description.put("discovery_url", discoveryUrl().toString());
        description.put("token_url", tokenUrl().toString());
        description.put("jwks_url", jwksUrl().toString());
        List<Map<String, Object>> clientList = new ArrayList<>();
        for (OAuthClient client : credentials) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("client_id", client.clientId());
            entry.put("client_secret", client.clientSecret());
            if (client.refreshToken() != null) {
                entry.put("refresh_token", client.refreshToken());
            }
            clientList.add(entry);
        }
        description.put("clients", clientList);
        return description;
    }

    /** Stops the listener; requests held by a delay or a hang are answered 503 first, so stopping never waits on them. */
    @Override
    public void close() {
        stopping.countDown();
        if (jetty != null) {
            // A graceful stop waits for idle keep-alive connections of clients (Nimbus, HttpURLConnection) and
            // then fails with a timeout; nothing here needs draining once held requests are released.
            jetty.setStopTimeout(0);
        }
        if (http != null) {
            http.close();
        }
    }

    private void routes(JavalinConfig javalin) {
        javalin.http.prefer405over404 = true;
        javalin.jetty.modifyServer(server -> {
            jetty = server;
            server.setErrorHandler(new ProtocolErrorHandler());
        });
        var routes = javalin.routes;
        routes.get(DiscoveryEndpoint.OPENID_PATH, ctx -> ready.join().discovery.handle(ctx));
        routes.get(DiscoveryEndpoint.OAUTH_PATH, ctx -> ready.join().discovery.handle(ctx));
        routes.get(JwksEndpoint.PATH, ctx -> ready.join().jwks.handle(ctx));
        routes.post(TOKEN_PATH, ctx -> ready.join().token.handle(ctx));
        routes.get(AUTHORIZE_PATH, ctx -> ready.join().authorize.handle(ctx));
        routes.post(INTROSPECT_PATH, ctx -> ready.join().introspection.handle(ctx));
        routes.post(REVOKE_PATH, ctx -> ready.join().revocation.handle(ctx));
        AdminApi.mount(routes, new AdminSurface(config.name(), "oauth", behaviour, ledger, metrics::scrape), adminToken);
        routes.error(404, ctx -> refuse(ctx, OAuthError.withStatus(404, "invalid_request", "no such endpoint")));
        routes.error(405, ctx -> refuse(ctx, OAuthError.withStatus(405, "invalid_request", "method not allowed here")));
        routes.exception(HttpResponseException.class, (e, ctx) ->
                refuse(ctx, OAuthError.withStatus(e.getStatus(), "invalid_request", e.getMessage())));
        routes.exception(Exception.class, (e, ctx) -> refuse(ctx, e instanceof java.io.IOException
                ? OAuthError.invalidRequest("the request could not be read")
                : OAuthError.serverError("unexpected failure: " + e.getClass().getSimpleName())));
    }

    /** The framework's own refusals (unknown path, wrong method, unreadable request) in the RFC 6749 shape. */
    private void refuse(Context ctx, OAuthError error) {
        Exchange exchange = new Exchange(endpointOf(ctx.path()), ctx.method().name());
        exchange.outcome(error.code(), false);
        error.writeTo(ctx);
        journal.record(exchange, error.status());
    }

    private static String endpointOf(String path) {
        return switch (path) {
            case TOKEN_PATH -> "token";
            case AUTHORIZE_PATH -> "authorize";
            case INTROSPECT_PATH -> "introspect";
            case REVOKE_PATH -> "revoke";
            case JwksEndpoint.PATH -> "jwks";
            case DiscoveryEndpoint.OAUTH_PATH, DiscoveryEndpoint.OPENID_PATH -> "discovery";
            default -> "other";
        };
    }

    private void wire(String issuerAddress) {
        this.issuer = issuerAddress;
        Clock clock = Clock.systemUTC();
        SeededSecrets secrets = new SeededSecrets(seed, config.name());
        Revocations revocations = new Revocations();
        RefreshTokens refreshTokens = new RefreshTokens(revocations, config.refreshTokenTtl(), clock,
                token -> registry.register(token, config.name()));
        for (OAuthClientConfig clientConfig : config.clients()) {
            String secret = secrets.clientSecret(clientConfig.clientId());
            registry.register(secret, config.name());
            RegisteredClient client = new RegisteredClient(clientConfig, secret, providers);
            clients.put(client.clientId(), client);
            String refreshToken = null;
            if (clientConfig.seedRefreshToken()) {
                RefreshTokenFamily family = RefreshTokens.newFamily(client.clientId(), client.clientId(),
                        client.scopes(), client.audiences());
                refreshToken = refreshTokens.first(family, secrets.refreshToken(client.clientId())).token();
            }
            credentials.add(new OAuthClient(client.clientId(), secret, refreshToken));
        }
        SigningKeys keys = new SigningKeys(config.signingAlg(), behaviour);
        verifier = new AccessTokenVerifier(issuer, keys, revocations, clock);
        AccessTokenIssuer accessTokens = new AccessTokenIssuer(issuer, keys, revocations, config.tokenTtl(), clock);
        AuthorizationCodes codes = new AuthorizationCodes(config.authorizationCodeTtl(), clock);
        ClientAuthentication authentication = new ClientAuthentication(clients);
        TokenEndpointFaults faults = new TokenEndpointFaults(seed, stopping);
        ready.complete(new Endpoints(
                new DiscoveryEndpoint(issuer, config.signingAlg(), List.copyOf(clients.values()), journal),
                new JwksEndpoint(behaviour, keys, journal),
                new TokenEndpoint(behaviour, faults, authentication, accessTokens, refreshTokens, codes, revocations, journal),
                new AuthorizeEndpoint(behaviour, authentication, codes, journal),
                new IntrospectionEndpoint(behaviour, authentication, refreshTokens, verifier, revocations, journal),
                new RevocationEndpoint(behaviour, authentication, refreshTokens, verifier, revocations, journal)));
    }

    /** The endpoints, built once the listener's address (and so the issuer) is known. */
    private record Endpoints(DiscoveryEndpoint discovery, JwksEndpoint jwks, TokenEndpoint token,
                             AuthorizeEndpoint authorize, IntrospectionEndpoint introspection,
                             RevocationEndpoint revocation) {
    }
}
