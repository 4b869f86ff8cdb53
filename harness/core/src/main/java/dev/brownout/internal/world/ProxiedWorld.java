package dev.brownout.internal.world;

import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.WorldConfig;
import dev.brownout.fakes.admin.AdminApi;
import dev.brownout.fakes.config.Mappers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.oauth.OAuthServer;
import dev.brownout.faultproxy.backend.FaultProxyBackend;
import dev.brownout.internal.record.ConnectionRecord;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.TargetFaults;
import dev.brownout.world.OAuthEndpoint;
import dev.brownout.world.ProviderEndpoint;
import dev.brownout.world.WorldEndpoints;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scenario's fake world with every fake behind its own fault proxy: the providers and the OAuth server
 * run on their own listeners, and the system under test is only ever given the proxies' addresses.
 * Closing it clears every fault, then deletes the proxies, reads the fault proxy's connection log (see
 * {@link #connectionLog()}) and stops the fakes and the proxy backend.
 */
public final class ProxiedWorld implements AutoCloseable {

    /** A port nothing listens on, for a proxy whose upstream is not running yet. */
    private static final int NOWHERE = 1;

    private final FaultProxyBackend backend;
    private final JsonHttp http = new JsonHttp(Mappers.json());
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

    private ProxiedWorld(FaultProxyBackend backend) {
        this.backend = backend;
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
        ProxiedWorld world = new ProxiedWorld(backend);
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
        TargetProxy oauthProxy = null;
        URI oauthPublic = null;
        if (config.oauth() != null) {
            // the issuer must be the proxy's address before the OAuth server mints anything: the proxy takes
            // its port first, pointing nowhere, and is pointed at the server once that runs
            oauthProxy = createProxy(TargetFaults.OAUTH, config.providers().size(), NOWHERE);
            oauthPublic = httpUri(backend.clientAddress(oauthProxy.listen()));
        }
        fakes = FakeWorld.start(config, oauthPublic);

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
            URI ownAddress = URI.create("http://" + config.host() + ":" + server.port());
            targets.add(new Target(TargetFaults.OAUTH, oauthProxy,
                    URI.create(ownAddress + AdminApi.PREFIX + "/behaviour"), true));
            oauthEndpoint = Optional.of(new OAuthEndpoint(server.issuer(), server.tokenUrl().toString(),
                    server.jwksUrl().toString(), server.discoveryUrl().toString(), server.clients()));
        }
        endpoints = new WorldEndpoints(providerEndpoints, oauthEndpoint);
        phases = new PhaseApplier(targets, http, Clock.systemUTC());
        startConnectionLog();
    }

    /** Notes where the world's connections start in the fault proxy's log, or that it keeps none. */
    private void startConnectionLog() {
        Optional<JsonNode> page = http.getIfOffered(backend.controlUrl().resolve(TargetProxy.CONNECTIONS_PATH + "?limit=1"));
        if (page.isPresent()) {
            connectionLogStart = page.get().path("last").asLong();
        } else {
            connectionsNotCounted = "the fault proxy is the real Toxiproxy (" + backend.name() + "), which keeps no log"
                    + " of connections";
        }
    }

    private TargetProxy createProxy(String name, int slot, int upstreamPort) {
        TargetProxy proxy = TargetProxy.create(http, backend.controlUrl(), name, backend.listenAddress(slot),
                backend.upstreamFor(upstreamPort));
        proxies.add(proxy);
        return proxy;
    }

    private static URI httpUri(InetSocketAddress address) {
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
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

    /** The fakes themselves, for the harness's own reading (ledgers); never for the system under test. */
    public FakeWorld fakes() {
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

    /** The backend the proxies run on, for the harness's own checks. */
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
