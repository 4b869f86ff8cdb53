package dev.brownout.faultproxy;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Instant;
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
 *
 * <p>Unlike Toxiproxy's, a disabled proxy keeps its listener: it accepts each connection and resets
 * it at once, so that the connection log counts the attempts a client makes while the proxy is down.
 * Only deleting the proxy, moving it or stopping the server closes the listener.
 */
final class Proxy {

    /** Closed: not listening. Forwarding: enabled. Refusing: disabled, listening only to reset and log. */
    private enum State { CLOSED, FORWARDING, REFUSING }

    private final String name;
    private final WorkerThreads threads;
    private final BufferBudget budget;
    private final ConnectionLog log;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Direction, List<ToxicSpec>> chains = new EnumMap<>(Direction.class);
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile String listen;
    private volatile String upstream;
    private ServerSocket server;
    private Thread acceptor;
    private State state = State.CLOSED;

    Proxy(String name, String listen, String upstream, WorkerThreads threads, BufferBudget budget,
          ConnectionLog log) {
        this.name = name;
        this.budget = budget;
        this.log = log;
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
            return state == State.FORWARDING;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Binds synchronously so that the API can report a bind failure, then accepts in the background. A
     * disabled proxy still holds its listener and only starts forwarding again.
     */
    void start() {
        lock.lock();
        try {
            if (server != null) {
                state = State.FORWARDING;
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
            state = State.FORWARDING;
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

    /**
     * Disables the proxy: every live connection is closed, and from now on each new one is accepted, logged
     * and reset at once. A proxy that is not listening stays so.
     */
    void disable() {
        List<Connection> live;
        lock.lock();
        try {
            if (state != State.FORWARDING) {
                return;
            }
            state = State.REFUSING;
            live = List.copyOf(connections);
        } finally {
            lock.unlock();
        }
        live.forEach(Connection::closeByProxy);
    }

    /** Closes the listener (new connects are refused by the OS) and every live connection. */
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
            state = State.CLOSED;
            live = List.copyOf(connections);
        } finally {
            lock.unlock();
        }
        live.forEach(Connection::closeByProxy);
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
            Connection accepted = null;
            lock.lock();
            try {
                if (server != listener) {
                    closeQuietly(client);
                    return;
                }
                if (state == State.FORWARDING) {
                    accepted = new Connection(this, client, snapshot(), budget);
                    connections.add(accepted);
                }
            } finally {
                lock.unlock();
            }
            if (accepted == null) {
                refuse(client);
                continue;
            }
            Connection connection = accepted;
            String label = "toxiproxy-" + name + "-" + (++sequence);
            String target = upstream;
            threads.start(label + "-up-read", () -> connection.run(threads, target, label));
        }
    }

    /**
     * A connection to a disabled proxy: logged, then closed with SO_LINGER 0, so the client gets a TCP
     * reset before any byte, the nearest a listening socket can come to refusing the connection.
     */
    private void refuse(Socket client) {
        Instant at = Instant.now();
        String address = Connection.clientAddress(client);
        log.append(seq -> new ConnectionEntry(seq, at, name, address, ConnectionOutcome.REFUSED_WHILE_DOWN, 0, 0, 0, 0, 0));
        try {
            client.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // already closed by the client: there is nothing left to reset
        }
        closeQuietly(client);
    }

    /** Called once by a connection as it ends, before its sockets close. */
    void logEnded(Connection connection) {
        log.append(connection::entry);
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
