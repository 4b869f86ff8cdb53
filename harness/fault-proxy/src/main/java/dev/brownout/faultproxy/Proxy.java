package dev.brownout.faultproxy;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One proxy: a listener, the upstream it dials for every accepted client, its toxic chains and
 * its live connections. All methods are called with the registry lock held, except the accept
 * loop, which takes only this proxy's lock to register a connection.
 */
final class Proxy {

    private final String name;
    private final WorkerThreads threads;
    private final BufferBudget budget;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Direction, List<ToxicSpec>> chains = new EnumMap<>(Direction.class);
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile String listen;
    private volatile String upstream;
    private ServerSocket server;
    private Thread acceptor;

    Proxy(String name, String listen, String upstream, WorkerThreads threads, BufferBudget budget) {
        this.name = name;
        this.budget = budget;
        this.listen = listen;
        this.upstream = upstream;
        this.threads = threads;
        chains.put(Direction.UPSTREAM, new ArrayList<>());
        chains.put(Direction.DOWNSTREAM, new ArrayList<>());
    }

    String name() {
        return name;
    }

    String listen() {
        return listen;
    }

    String upstream() {
        return upstream;
    }

    boolean enabled() {
        lock.lock();
        try {
            return server != null;
        } finally {
            lock.unlock();
        }
    }

    /** Binds synchronously so that the API can report a bind failure, then accepts in the background. */
    void start() {
        lock.lock();
        try {
            if (server != null) {
                return;
            }
            InetSocketAddress address;
            try {
                address = HostPort.resolveListen(listen);
            } catch (IllegalArgumentException e) {
                throw ApiError.internal("listen tcp: " + e.getMessage());
            }
            ServerSocket bound = new ServerSocket();
            try {
                bound.setReuseAddress(true);
                bound.bind(address, 1024);
            } catch (IOException e) {
                closeQuietly(bound);
                throw ApiError.internal("listen tcp " + HostPort.describe(address) + ": bind: " + describe(e));
            }
            server = bound;
            listen = HostPort.format((InetSocketAddress) bound.getLocalSocketAddress());
            acceptor = threads.start("toxiproxy-" + name + "-accept", () -> accept(bound));
        } catch (IOException e) {
            throw ApiError.internal("listen tcp " + listen + ": " + describe(e));
        } finally {
            lock.unlock();
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof BindException && message.toLowerCase(Locale.ROOT).startsWith("address already in use")) {
            return "address already in use";
        }
        return message.toLowerCase(Locale.ROOT);
    }

    /** Closes the listener (new connects are refused) and every live connection. */
    void stop() {
        List<Connection> live;
        Thread stoppedAcceptor = null;
        lock.lock();
        try {
            if (server != null) {
                closeQuietly(server);
                server = null;
                stoppedAcceptor = acceptor;
                acceptor = null;
            }
            live = List.copyOf(connections);
        } finally {
            lock.unlock();
        }
        live.forEach(Connection::close);
        awaitListenerClosed(stoppedAcceptor);
    }

    /**
     * A socket closed while a thread is blocked in accept is released only when that thread leaves
     * accept, so the port keeps listening briefly; wait (bounded) so that a disabled proxy refuses
     * connections as soon as the API call returns, as Toxiproxy's does.
     */
    private static void awaitListenerClosed(Thread stoppedAcceptor) {
        if (stoppedAcceptor == null || stoppedAcceptor == Thread.currentThread()) {
            return;
        }
        try {
            stoppedAcceptor.join(java.time.Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void accept(ServerSocket listener) {
        long sequence = 0;
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            Connection connection;
            lock.lock();
            try {
                if (server != listener) {
                    closeQuietly(client);
                    return;
                }
                connection = new Connection(this, client, snapshot(), budget);
                connections.add(connection);
            } finally {
                lock.unlock();
            }
            String label = "toxiproxy-" + name + "-" + (++sequence);
            String target = upstream;
            threads.start(label + "-up-read", () -> connection.run(threads, target, label));
        }
    }

    private Map<Direction, List<ToxicSpec>> snapshot() {
        Map<Direction, List<ToxicSpec>> copy = new EnumMap<>(Direction.class);
        chains.forEach((direction, chain) -> copy.put(direction, List.copyOf(chain)));
        return copy;
    }

    void forget(Connection connection) {
        connections.remove(connection);
    }

    int liveConnections() {
        return connections.size();
    }

    /** Stores a new listen/upstream; the caller stops the proxy first. */
    void retarget(String newListen, String newUpstream) {
        this.listen = newListen;
        this.upstream = newUpstream;
    }

    /** Upstream toxics first, then downstream, each in insertion order, as Toxiproxy lists them. */
    List<ToxicSpec> toxics() {
        lock.lock();
        try {
            List<ToxicSpec> all = new ArrayList<>(chains.get(Direction.UPSTREAM));
            all.addAll(chains.get(Direction.DOWNSTREAM));
            return all;
        } finally {
            lock.unlock();
        }
    }

    Optional<ToxicSpec> toxic(String toxicName) {
        return toxics().stream().filter(t -> t.name().equals(toxicName)).findFirst();
    }

    void addToxic(ToxicSpec spec) {
        lock.lock();
        try {
            chains.get(spec.direction()).add(spec);
            for (Connection connection : connections) {
                connection.addToxic(spec);
            }
        } finally {
            lock.unlock();
        }
    }

    void updateToxic(ToxicSpec spec) {
        lock.lock();
        try {
            List<ToxicSpec> chain = chains.get(spec.direction());
            chain.replaceAll(existing -> existing.name().equals(spec.name()) ? spec : existing);
            for (Connection connection : connections) {
                connection.updateToxic(spec);
            }
        } finally {
            lock.unlock();
        }
    }

    void removeToxic(ToxicSpec spec) {
        List<Connection> live;
        lock.lock();
        try {
            chains.get(spec.direction()).removeIf(existing -> existing.name().equals(spec.name()));
            live = List.copyOf(connections);
        } finally {
            lock.unlock();
        }
        live.forEach(connection -> connection.removeToxic(spec));
    }

    void removeAllToxics() {
        for (ToxicSpec spec : toxics()) {
            removeToxic(spec);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // a listener or socket that fails to close is already unusable
        }
    }
}
