package dev.brownout.internal.world;

import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.WorldConfig;
import dev.brownout.fakes.admin.AdminApi;
import dev.brownout.fakes.admin.AdminToken;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.ledger.ProviderCall;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.oauth.OAuthServer;
import dev.brownout.faultproxy.backend.FaultProxyBackend;
import dev.brownout.internal.record.ConnectionRecord;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.TargetFaults;
import dev.brownout.world.OAuthEndpoint;
import dev.brownout.world.ProviderEndpoint;
import dev.brownout.world.WorldEndpoints;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A scenario's fake world with every fake behind its own fault proxy: the providers and the OAuth server
 * run on their own listeners, and the system under test is only ever given the proxies' addresses.
 * Closing it clears every fault, then deletes the proxies, reads the fault proxy's connection log (see
 * {@link #connectionLog()}) and stops the fakes and the proxy backend.
 * <p>
 * A world {@linkplain #attach(RemoteWorld, WorldConfig) attached} to one another process started is driven the same
 * way, only over HTTP: faults over the admin and Toxiproxy APIs, ledgers pulled with their cursors. Closing it clears
 * the faults it set and reads the connection log, and leaves the world running.
 */
public final class ProxiedWorld implements AutoCloseable {

    /** A port nothing listens on, for a proxy whose upstream is not running yet. */
    private static final int NOWHERE = 1;

    /** Null for an attached world: its proxies run in the process that started it. */
    private final FaultProxyBackend backend;
    /** Null for a world this one started. */
    private final RemoteWorld remote;
    private final JsonHttp http = new JsonHttp(Mappers.json());
    private AdminToken adminToken = AdminToken.none();
    private double timeScale = 1;
    /** An attached world's ledger cursors: where each provider's ledger stood when the world was attached. */
    private final Map<String, Long> remoteLedgerStart = new LinkedHashMap<>();
    private final List<TargetProxy> proxies = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private FakeWorld fakes;
    private WorldEndpoints endpoints;
    private PhaseApplier phases;
    private boolean closed;
    /** The connection log's newest entry when the world started: its own connections come after it. */
    private long connectionLogStart;
    /** Why the fault proxy logs no connections, or null when it does. */
    private String connectionsNotCounted;
    /** The connection log as read when the world closed, once every connection had ended. */
    private ProxyConnectionLog connectionsAtClose;

    private ProxiedWorld(FaultProxyBackend backend, RemoteWorld remote) {
        this.backend = backend;
        this.remote = remote;
    }

    /** The scenario's world behind the embedded fault proxy. */
    public static ProxiedWorld start(Scenario scenario) {
        return start(scenario.worldConfig(), FaultProxyBackend.embedded());
    }

    /**
     * Starts {@code config}'s fakes, each behind a proxy on {@code backend}; the world owns the backend from
     * here on and closes it, also when starting fails.
     */
    public static ProxiedWorld start(WorldConfig config, FaultProxyBackend backend) {
        return start(config, backend, AdminToken.none());
    }

    /**
     * As {@link #start(WorldConfig, FaultProxyBackend)}, every fake's admin API requiring {@code adminToken}; the
     * backend's own {@linkplain FaultProxyBackend#controlToken() token} is sent to its control API.
     */
    public static ProxiedWorld start(WorldConfig config, FaultProxyBackend backend, AdminToken adminToken) {
        ProxiedWorld world = new ProxiedWorld(backend, null);
        world.adminToken = adminToken;
        backend.controlToken().ifPresent(token -> world.http.authorize(backend.controlUrl(), token));
        try {
            world.startAll(config);
            return world;
        } catch (RuntimeException e) {
            try {
                world.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private void startAll(WorldConfig config) {
        timeScale = config.timeScale();
        TargetProxy oauthProxy = null;
        URI oauthPublic = null;
        if (config.oauth() != null) {
            // the issuer must be the proxy's address before the OAuth server mints anything: the proxy takes
            // its port first, pointing nowhere, and is pointed at the server once that runs
            oauthProxy = createProxy(TargetFaults.OAUTH, config.providers().size(), NOWHERE);
            oauthPublic = httpUri(backend.clientAddress(oauthProxy.listen()));
        }
        fakes = FakeWorld.start(config, oauthPublic, adminToken);
        if (adminToken.required()) {
            fakes.providers().forEach(provider -> http.authorize(URI.create(provider.adminUrl()), adminToken.value()));
            fakes.oauth().ifPresent(server -> http.authorize(URI.create("http://" + literal(config.host()) + ":" + server.port()),
                    adminToken.value()));
        }

        List<ProviderEndpoint> providerEndpoints = new ArrayList<>();
        int slot = 0;
        for (FakeProvider provider : fakes.providers()) {
            TargetProxy proxy = createProxy(provider.name(), slot++, provider.port());
            targets.add(new Target(provider.name(), proxy, URI.create(provider.adminUrl() + "/behaviour"), false));
            String proxiedOrigin = httpUri(backend.clientAddress(proxy.listen())).toString();
            String path = provider.baseUrl().substring(provider.origin().length());
            providerEndpoints.add(new ProviderEndpoint(provider.name(), provider.dialect().label(),
                    provider.auth().label(), proxiedOrigin + path, provider.apiKey(), provider.models()));
        }

        Optional<OAuthEndpoint> oauthEndpoint = Optional.empty();
        Optional<OAuthServer> oauth = fakes.oauth();
        if (oauth.isPresent()) {
            OAuthServer server = oauth.get();
            oauthProxy.retarget(backend.upstreamFor(server.port()));
            URI ownAddress = URI.create("http://" + literal(config.host()) + ":" + server.port());
            targets.add(new Target(TargetFaults.OAUTH, oauthProxy,
                    URI.create(ownAddress + AdminApi.PREFIX + "/behaviour"), true));
            oauthEndpoint = Optional.of(new OAuthEndpoint(server.issuer(), server.tokenUrl().toString(),
                    server.jwksUrl().toString(), server.discoveryUrl().toString(), server.clients()));
        }
        endpoints = new WorldEndpoints(providerEndpoints, oauthEndpoint);
        phases = new PhaseApplier(targets, http, Clock.systemUTC());
        startConnectionLog();
    }

    /**
     * Drives a world another process started, as its JSON line describes it, for a scenario whose world is
     * {@code scenarioWorld}: only the scenario's providers (and the OAuth server, when the scenario has one) are given
     * to the SUT and have their faults set. Nothing starts or stops: the world is checked (every fake's admin API and
     * every proxy answer with the token) and the ledgers' and connection log's positions noted.
     *
     * @throws IllegalArgumentException when the world lacks a provider the scenario names (or its OAuth server), or a
     *                                  provider has another dialect; when an admin or control URL does not answer or
     *                                  refuses the token; each naming the source and the field
     */
    public static ProxiedWorld attach(RemoteWorld remote, WorldConfig scenarioWorld) {
        ProxiedWorld world = new ProxiedWorld(null, remote);
        try {
            world.attachAll(scenarioWorld);
            return world;
        } catch (RuntimeException e) {
            world.http.close();
            throw e;
        }
    }

    /**
     * Checks, as {@link #attach} does, that {@code remote} serves {@code scenarioWorld} and answers with its token,
     * changing nothing on it.
     *
     * @throws IllegalArgumentException as {@link #attach}
     */
    public static void check(RemoteWorld remote, WorldConfig scenarioWorld) {
        ProxiedWorld world = new ProxiedWorld(null, remote);
        try {
            world.attachAll(scenarioWorld);
        } finally {
            world.http.close();
        }
    }

    private void attachAll(WorldConfig scenarioWorld) {
        List<String> missing = new ArrayList<>();
        List<ProviderEndpoint> providers = new ArrayList<>();
        for (ProviderConfig wanted : scenarioWorld.providers()) {
            Optional<ProviderEndpoint> found = remote.endpoints().providers().stream()
                    .filter(p -> p.name().equals(wanted.name())).findFirst();
            if (found.isEmpty()) {
                missing.add("provider '" + wanted.name() + "'");
            } else if (!found.get().dialect().equals(wanted.dialect().label())) {
                missing.add("provider '" + wanted.name() + "' speaking " + wanted.dialect().label() + " (the world's "
                        + "speaks " + found.get().dialect() + ")");
            } else {
                providers.add(found.get());
            }
        }
        if (scenarioWorld.oauth() != null && remote.endpoints().oauth().isEmpty()) {
            missing.add("an OAuth server");
        }
        if (Math.abs(scenarioWorld.timeScale() - remote.timeScale()) > 1e-9 * scenarioWorld.timeScale()) {
            throw new IllegalArgumentException(remote.source() + ": time_scale is " + remote.timeScale()
                    + ", but this run plays at " + scenarioWorld.timeScale() + ": the world's models and rate limits "
                    + "would run on another clock than the run; start the world with --time-scale "
                    + scenarioWorld.timeScale() + " or play at " + remote.timeScale());
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(remote.source() + ": the scenario's world needs " + String.join(", ", missing)
                    + ", which the running world lacks; it has providers " + remote.endpoints().providers().stream()
                    .map(p -> p.name() + " (" + p.dialect() + ")").toList()
                    + (remote.endpoints().oauth().isPresent() ? " and an OAuth server" : " and no OAuth server"));
        }
        if (remote.adminToken() != null) {
            http.authorize(remote.proxyControlUrl(), remote.adminToken());
            remote.targets().forEach(target -> http.authorize(target.adminUrl(), remote.adminToken()));
        }
        List<String> names = providers.stream().map(ProviderEndpoint::name).toList();
        for (RemoteWorld.RemoteTarget target : remote.targets()) {
            if (!target.oauth() && !names.contains(target.name()) || target.oauth() && scenarioWorld.oauth() == null) {
                continue;
            }
            String field = target.oauth() ? "oauth" : "providers[" + remote.endpoints().providers().stream()
                    .map(ProviderEndpoint::name).toList().indexOf(target.name()) + "]";
            // behaviour, not health: health answers without the token (for probes), so it would not check the token
            reachable(() -> http.get(URI.create(target.adminUrl() + "/behaviour")), field + ".admin_url",
                    target.adminUrl());
            TargetProxy proxy = reachable(() -> TargetProxy.existing(http, remote.proxyControlUrl(), target.proxy()),
                    field + ".proxy", remote.proxyControlUrl());
            proxies.add(proxy);
            targets.add(new Target(target.name(), proxy, URI.create(target.adminUrl() + "/behaviour"), target.oauth()));
            if (!target.oauth()) {
                remoteLedgerStart.put(target.name(), pullLedger(target.name(), 0, null));
            }
        }
        endpoints = new WorldEndpoints(providers, scenarioWorld.oauth() == null ? Optional.empty()
                : remote.endpoints().oauth());
        phases = new PhaseApplier(targets, http, Clock.systemUTC());
        startConnectionLog();
    }

    private <T> T reachable(Supplier<T> call, String field, URI where) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            String why;
            if (message.contains("answered 401")) {
                why = "refused the world's admin_token (401): the token in the file is not the one the world was started with";
            } else if (message.contains(" answered ")) {
                why = "answered with an error: " + message;
            } else {
                why = "could not be reached: " + unreachable(e);
            }
            throw new IllegalArgumentException(remote.source() + ": " + field + ": " + where + " " + why, e);
        }
    }

    private static String unreachable(Throwable failure) {
        String detail = null;
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "the connection was refused (is the world still running, and is the address right?)";
            }
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return "no answer in time (is a firewall in the way?)";
            }
            if (detail == null && cause.getMessage() != null) {
                detail = cause.getMessage();
            }
        }
        return detail != null ? detail : failure.getMessage();
    }

    /**
     * Follows a remote provider's ledger from {@code since} to its end; returns the cursor there.
     *
     * @param into where the calls go, or null to only move the cursor
     */
    private long pullLedger(String provider, long since, List<ProviderCall> into) {
        URI ledger = URI.create(target(provider).behaviourUrl().toString().replaceFirst("/behaviour$", "/ledger"));
        long cursor = since;
        while (true) {
            JsonNode page = http.get(URI.create(ledger + "?since=" + cursor));
            JsonNode entries = page.path("entries");
            if (into != null) {
                for (JsonNode entry : entries) {
                    try {
                        into.add(http.mapper().treeToValue(entry, ProviderCall.class));
                    } catch (IOException e) {
                        throw new IllegalStateException("the ledger of " + provider + " holds a call the harness cannot "
                                + "read: " + entry, e);
                    }
                }
            }
            long next = page.path("next").asLong(cursor);
            if (entries.isEmpty() || next <= cursor) {
                return cursor;
            }
            cursor = next;
        }
    }

    private Target target(String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("this world has no target '" + name + "'"));
    }

    /** The fault proxy's control API. */
    public URI controlUrl() {
        return remote != null ? remote.proxyControlUrl() : backend.controlUrl();
    }

    /** Whether this world was attached to one another process runs (and so is not stopped by closing it). */
    public boolean attached() {
        return remote != null;
    }

    /** The providers the run uses, in world order. */
    public List<String> providerNames() {
        return endpoints.providers().stream().map(ProviderEndpoint::name).toList();
    }

    /** The address of a target's fake itself (not its proxy): {@code http://host:port}. */
    public URI fakeOrigin(String targetName) {
        return target(targetName).behaviourUrl().resolve("/");
    }

    /** Each provider's last ledger sequence number: the calls that follow it are the ones made from now on. */
    public synchronized Map<String, Long> ledgerPositions() {
        Map<String, Long> positions = new LinkedHashMap<>();
        for (String provider : providerNames()) {
            positions.put(provider, remote != null ? pullLedger(provider, remoteLedgerStart.get(provider), null)
                    : fakes.provider(provider).ledger().lastSequence());
        }
        return positions;
    }

    /**
     * A provider's calls: all of them for a world this one started, those since it was attached for an attached one
     * (pulled over its admin API).
     */
    public synchronized List<ProviderCall> ledger(String provider) {
        if (remote == null) {
            return fakes.provider(provider).ledger().all();
        }
        List<ProviderCall> calls = new ArrayList<>();
        pullLedger(provider, remoteLedgerStart.get(provider), calls);
        return calls;
    }

    /**
     * The JSON line {@code brownout fakes --json} prints: endpoints, environment, and what {@code brownout run --world}
     * needs to drive this world from elsewhere (admin URLs, the control URL, proxy names, the token).
     */
    public Map<String, Object> describe() {
        List<RemoteWorld.RemoteTarget> described = targets.stream().map(target -> new RemoteWorld.RemoteTarget(
                target.name(), target.oauth(), URI.create(target.behaviourUrl().toString()
                .replaceFirst("/behaviour$", "")), target.proxy().name())).toList();
        return RemoteWorld.describe(endpoints, described, controlUrl(),
                adminToken.required() ? adminToken.value() : backend.controlToken().orElse(null),
                remote != null ? remote.timeScale() : timeScale, environment());
    }

    /** Notes where the world's connections start in the fault proxy's log, or that it keeps none. */
    private void startConnectionLog() {
        Optional<JsonNode> page = http.getIfOffered(controlUrl().resolve(TargetProxy.CONNECTIONS_PATH + "?limit=1"));
        if (page.isPresent()) {
            connectionLogStart = page.get().path("last").asLong();
        } else {
            connectionsNotCounted = "the fault proxy is the real Toxiproxy (" + (backend != null ? backend.name()
                    : remote.proxyControlUrl()) + "), which keeps no log of connections";
        }
    }

    private TargetProxy createProxy(String name, int slot, int upstreamPort) {
        TargetProxy proxy = TargetProxy.create(http, backend.controlUrl(), name, backend.listenAddress(slot),
                backend.upstreamFor(upstreamPort));
        proxies.add(proxy);
        return proxy;
    }

    private static URI httpUri(InetSocketAddress address) {
        return URI.create("http://" + literal(address.getHostString()) + ":" + address.getPort());
    }

    /** A host as a URL writes it: an IPv6 address in brackets. */
    private static String literal(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** Every endpoint and credential, all on proxy addresses. */
    public WorldEndpoints endpoints() {
        return endpoints;
    }

    /** The same as environment variables; see {@link WorldEnvironment}. */
    public Map<String, String> environment() {
        return WorldEnvironment.of(endpoints);
    }

    /** Sets phases' faults on this world's proxies and fakes. */
    public PhaseApplier phases() {
        return phases;
    }

    /**
     * The fakes themselves, for the harness's own reading (ledgers); never for the system under test.
     *
     * @throws IllegalStateException for an attached world, whose fakes run in another process
     */
    public FakeWorld fakes() {
        if (remote != null) {
            throw new IllegalStateException("the world of " + remote.source() + " runs in another process: its fakes "
                    + "are driven over their admin APIs only");
        }
        return fakes;
    }

    /**
     * Every connection the fault proxy accepted in front of this world's targets since it started, with what became
     * of each. While the world is open, connections still open are missing; after {@link #close()} it is the log
     * as read once the proxies were deleted, which ended every connection.
     */
    public synchronized ProxyConnectionLog connectionLog() {
        if (closed) {
            return connectionsAtClose != null ? connectionsAtClose
                    : ProxyConnectionLog.notCounted("the world closed before its fault proxies were set up");
        }
        return readConnectionLog();
    }

    private ProxyConnectionLog readConnectionLog() {
        if (connectionsNotCounted != null) {
            return ProxyConnectionLog.notCounted(connectionsNotCounted);
        }
        List<ConnectionRecord> entries = new ArrayList<>();
        long dropped = 0;
        for (TargetProxy proxy : proxies) {
            long since = connectionLogStart;
            while (true) {
                JsonNode page = proxy.connections(since);
                dropped = Math.max(dropped, page.path("dropped").asLong());
                if (page.path("entries").isEmpty()) {
                    break;
                }
                for (JsonNode entry : page.path("entries")) {
                    entries.add(record(entry));
                }
                since = page.path("next").asLong();
            }
        }
        entries.sort(Comparator.comparingLong(ConnectionRecord::seq));
        return new ProxyConnectionLog(entries, dropped, null);
    }

    private ConnectionRecord record(JsonNode entry) {
        try {
            return http.mapper().treeToValue(entry, ConnectionRecord.class);
        } catch (IOException e) {
            throw new IllegalStateException("the fault proxy's connection log holds an entry the harness cannot read: "
                    + entry, e);
        }
    }

    /** Why the fault proxy logs no connections (it is the real Toxiproxy), or empty when it does. */
    public synchronized Optional<String> connectionsNotCounted() {
        return Optional.ofNullable(connectionsNotCounted);
    }

    /** The backend the proxies run on, for the harness's own checks; null for an attached world. */
    public FaultProxyBackend backend() {
        return backend;
    }

    /**
     * Clears every fault, deletes the proxies, stops the fakes and the backend; each step runs even if one
     * fails, and the first failure is thrown with the others suppressed. Closing again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        if (phases != null) {
            try {
                phases.clear();
            } catch (RuntimeException e) {
                failure = Failures.add(failure, e);
            }
        }
        if (remote != null) {
            // not ours to stop: its proxies stay, so connections still open are not in the log
            if (phases != null) {
                try {
                    connectionsAtClose = readConnectionLog();
                } catch (RuntimeException e) {
                    connectionsAtClose = ProxyConnectionLog.notCounted("the fault proxy's connection log could not be "
                            + "read: " + e.getMessage());
                    failure = Failures.add(failure, e);
                }
            }
            http.close();
            if (failure != null) {
                throw failure;
            }
            return;
        }
        for (TargetProxy proxy : proxies) {
            try {
                proxy.delete();
            } catch (RuntimeException e) {
                failure = Failures.add(failure, e);
            }
        }
        // deleting a proxy ends its connections, each logged as it ends: the log is complete now
        if (phases != null) {
            try {
                connectionsAtClose = readConnectionLog();
            } catch (RuntimeException e) {
                connectionsAtClose = ProxyConnectionLog.notCounted("the fault proxy's connection log could not be read: "
                        + e.getMessage());
                failure = Failures.add(failure, e);
            }
        }
        proxies.clear();
        if (fakes != null) {
            try {
                fakes.close();
            } catch (RuntimeException e) {
                failure = Failures.add(failure, e);
            }
        }
        try {
            backend.close();
        } catch (RuntimeException e) {
            failure = Failures.add(failure, e);
        }
        http.close();
        if (failure != null) {
            throw failure;
        }
    }
}
