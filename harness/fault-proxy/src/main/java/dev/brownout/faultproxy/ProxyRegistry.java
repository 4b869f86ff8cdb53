package dev.brownout.faultproxy;

import dev.brownout.faultproxy.WireFormat.ProxyRequest;
import dev.brownout.faultproxy.WireFormat.ProxyView;
import dev.brownout.faultproxy.WireFormat.ToxicRequest;
import dev.brownout.faultproxy.WireFormat.ToxicView;
import dev.brownout.faultproxy.internal.toxics.ToxicType;
import dev.brownout.faultproxy.internal.toxics.Toxics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Every proxy of one server, keyed by name in byte order (Toxiproxy lists them sorted, and
 * toxiproxy-java relies on that order). API operations are serialised by one lock; waiting for it
 * is bounded, so a call answers 503 rather than hang.
 */
final class ProxyRegistry {

    private static final long LOCK_WAIT_SECONDS = 10;

    private final TreeMap<String, Proxy> proxies = new TreeMap<>();
    private final ReentrantLock lock = new ReentrantLock(true);
    private final WorkerThreads threads;
    private final BufferBudget budget;
    private final ConnectionLog connectionLog;

    ProxyRegistry(WorkerThreads threads, BufferBudget budget, ConnectionLog connectionLog) {
        this.threads = threads;
        this.budget = budget;
        this.connectionLog = connectionLog;
    }

    /** Every proxy's connections; it has its own lock, so reading it never waits for the registry. */
    ConnectionLog connectionLog() {
        return connectionLog;
    }

    /** Populate failure: the error plus the proxies processed before it. */
    static final class PopulateFailure extends RuntimeException {
        final ApiError error;
        final List<ProxyView> created;

        PopulateFailure(ApiError error, List<ProxyView> created) {
            super(error.getMessage(), null, false, false);
            this.error = error;
            this.created = created;
        }
    }

    <T> T locked(Supplier<T> operation) {
        boolean acquired;
        try {
            acquired = lock.tryLock(LOCK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, "interrupted");
        }
        if (!acquired) {
            throw new ApiError(503, "the proxy server is busy; try again");
        }
        try {
            return operation.get();
        } finally {
            lock.unlock();
        }
    }

    Map<String, ProxyView> list(boolean extensions) {
        return locked(() -> {
            Map<String, ProxyView> views = new LinkedHashMap<>();
            proxies.forEach((name, proxy) -> views.put(name, view(proxy, extensions)));
            return views;
        });
    }

    ProxyView get(String name, boolean extensions) {
        return locked(() -> view(find(name), extensions));
    }

    ProxyView create(ProxyRequest request) {
        requireFields(request, "");
        return locked(() -> {
            if (proxies.containsKey(request.name())) {
                throw ApiError.conflict("proxy already exists");
            }
            Proxy proxy = newProxy(request);
            proxies.put(proxy.name(), proxy);
            return view(proxy, false);
        });
    }

    private Proxy newProxy(ProxyRequest request) {
        Proxy proxy = new Proxy(request.name(), request.listen() == null ? "" : request.listen(),
                request.upstream(), threads, budget, connectionLog);
        if (request.enabled() == null || request.enabled()) {
            proxy.start();
        }
        return proxy;
    }

    private static void requireFields(ProxyRequest request, String suffix) {
        if (request.name() == null || request.name().isEmpty()) {
            throw ApiError.badRequest("missing required field: name" + suffix);
        }
        if (request.upstream() == null || request.upstream().isEmpty()) {
            throw ApiError.badRequest("missing required field: upstream" + suffix);
        }
    }

    ProxyView update(String name, ProxyRequest request) {
        return locked(() -> {
            Proxy proxy = find(name);
            String listen = request.listen() == null ? proxy.listen() : request.listen();
            String upstream = request.upstream() == null ? proxy.upstream() : request.upstream();
            boolean enabled = request.enabled() == null ? proxy.enabled() : request.enabled();
            String resolved;
            try {
                resolved = HostPort.format(HostPort.resolveListen(listen));
            } catch (IllegalArgumentException e) {
                throw ApiError.internal(e.getMessage());
            }
            if (!sameListen(proxy.listen(), resolved, listen) || !upstream.equals(proxy.upstream())) {
                proxy.stop();
                proxy.retarget(listen, upstream);
            }
            if (enabled != proxy.enabled()) {
                if (enabled) {
                    proxy.start();
                } else {
                    proxy.disable();
                }
            }
            return view(proxy, false);
        });
    }

    /** A port of 0 always asks for a new port; otherwise compare resolved addresses (2.12.0, #631). */
    private static boolean sameListen(String stored, String resolved, String given) {
        if (given.isEmpty() || resolved.endsWith(":0")) {
            return false;
        }
        return stored.equals(resolved);
    }

    void delete(String name) {
        locked(() -> {
            Proxy proxy = find(name);
            proxy.stop();
            proxies.remove(name);
            return null;
        });
    }

    List<ProxyView> populate(List<ProxyRequest> requests) {
        for (int i = 0; i < requests.size(); i++) {
            requireFields(requests.get(i), " at proxy " + (i + 1));
        }
        return locked(() -> {
            List<ProxyView> done = new ArrayList<>();
            for (ProxyRequest request : requests) {
                try {
                    done.add(view(populateOne(request), false));
                } catch (ApiError e) {
                    throw new PopulateFailure(e, done);
                }
            }
            return done;
        });
    }

    private Proxy populateOne(ProxyRequest request) {
        String listen = request.listen() == null ? "" : request.listen();
        Proxy existing = proxies.get(request.name());
        if (existing != null) {
            Optional<String> resolved = resolvedOrEmpty(listen);
            if (resolved.isPresent() && sameListen(existing.listen(), resolved.get(), listen)
                    && existing.upstream().equals(request.upstream())) {
                return existing;
            }
            existing.stop();
        }
        Proxy replacement = new Proxy(request.name(), listen, request.upstream(), threads, budget, connectionLog);
        if (request.enabled() == null || request.enabled()) {
            replacement.start();
        }
        proxies.put(replacement.name(), replacement);
        return replacement;
    }

    private static Optional<String> resolvedOrEmpty(String listen) {
        try {
            return Optional.of(HostPort.format(HostPort.resolveListen(listen)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    void reset() {
        locked(() -> {
            for (Proxy proxy : proxies.values()) {
                proxy.start();
                proxy.removeAllToxics();
            }
            return null;
        });
    }

    List<ToxicView> toxics(String proxyName, boolean extensions) {
        return locked(() -> visible(find(proxyName).toxics(), extensions));
    }

    ToxicView toxic(String proxyName, String toxicName) {
        return locked(() -> ToxicView.of(findToxic(find(proxyName), toxicName)));
    }

    ToxicView addToxic(String proxyName, ToxicRequest request) {
        return locked(() -> {
            Proxy proxy = find(proxyName);
            String stream = request.stream() == null ? "downstream" : request.stream();
            Direction direction = Direction.parse(stream).orElseThrow(() ->
                    ApiError.badRequest("stream was invalid, can be either upstream or downstream"));
            String type = request.type() == null ? "" : request.type();
            String name = request.name() == null || request.name().isEmpty() ? type + "_" + stream : request.name();
            ToxicType toxicType = Toxics.byName(type).orElseThrow(() -> ApiError.badRequest("invalid toxic type"));
            if (proxy.toxic(name).isPresent()) {
                throw ApiError.conflict("toxic already exists");
            }
            Map<String, Long> attributes = WireFormat.attributes(toxicType, Map.of(), request.attributes());
            refuseHarmful(toxicType, attributes);
            float toxicity = request.toxicity() == null ? 1.0f : request.toxicity();
            ToxicSpec spec = new ToxicSpec(name, toxicType, direction, stream, toxicity, attributes);
            proxy.addToxic(spec);
            return ToxicView.of(spec);
        });
    }

    ToxicView updateToxic(String proxyName, String toxicName, ToxicRequest request) {
        return locked(() -> {
            ToxicSpec current = findToxic(find(proxyName), toxicName);
            Map<String, Long> attributes =
                    WireFormat.attributes(current.type(), current.attributes(), request.attributes());
            refuseHarmful(current.type(), attributes);
            float toxicity = request.toxicity() == null ? current.toxicity() : request.toxicity();
            ToxicSpec updated = current.withUpdate(attributes, toxicity);
            find(proxyName).updateToxic(updated);
            return ToxicView.of(updated);
        });
    }

    void removeToxic(String proxyName, String toxicName) {
        locked(() -> {
            Proxy proxy = find(proxyName);
            proxy.removeToxic(findToxic(proxy, toxicName));
            return null;
        });
    }

    /** Checks the proxy exists before the body is looked at: Toxiproxy's 404 wins over a bad body. */
    void requireToxic(String proxyName, String toxicName) {
        locked(() -> findToxic(find(proxyName), toxicName));
    }

    void requireProxy(String proxyName) {
        locked(() -> find(proxyName));
    }

    private static void refuseHarmful(ToxicType type, Map<String, Long> attributes) {
        type.refusal(attributes).ifPresent(reason -> {
            throw ApiError.badRequest("invalid attribute for " + type.name() + " toxic: " + reason);
        });
    }

    /** Stops every proxy; the server is going away. */
    void closeAll() {
        locked(() -> {
            proxies.values().forEach(Proxy::stop);
            proxies.clear();
            return null;
        });
    }

    int liveConnections() {
        return locked(() -> proxies.values().stream().mapToInt(Proxy::liveConnections).sum());
    }

    private Proxy find(String name) {
        Proxy proxy = proxies.get(name);
        if (proxy == null) {
            throw ApiError.notFound("proxy not found");
        }
        return proxy;
    }

    private static ToxicSpec findToxic(Proxy proxy, String name) {
        return proxy.toxic(name).orElseThrow(() -> ApiError.notFound("toxic not found"));
    }

    private static ProxyView view(Proxy proxy, boolean extensions) {
        return new ProxyView(proxy.name(), proxy.listen(), proxy.upstream(), proxy.enabled(), Map.of(),
                visible(proxy.toxics(), extensions));
    }

    private static List<ToxicView> visible(List<ToxicSpec> toxics, boolean extensions) {
        return toxics.stream()
                .filter(spec -> extensions || !spec.type().extension())
                .map(ToxicView::of)
                .toList();
    }
}
