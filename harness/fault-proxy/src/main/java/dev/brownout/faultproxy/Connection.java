package dev.brownout.faultproxy;

import dev.brownout.faultproxy.internal.toxics.BlackholeToxic;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A client connection and its upstream, joined by two links. There is no half-close, as in
 * Toxiproxy: when end-of-stream has crossed one direction its destination is closed, the other
 * direction then fails to read and closes too.
 */
final class Connection {

    private final Proxy proxy;
    private final Socket client;
    private volatile Socket upstream;
    private final Link up;
    private final Link down;
    private final Set<String> blackholes = ConcurrentHashMap.newKeySet();
    private final Set<Direction> ended = EnumSet.noneOf(Direction.class);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final boolean lingerZero;
    private final Instant openedAt = Instant.now();
    private final long openedNanos = System.nanoTime();
    /** What decided the connection's fate, for the connection log; null while nothing but forwarding did. */
    private final AtomicReference<ConnectionOutcome> outcome = new AtomicReference<>();

    /** Built under the proxy lock, so the toxic chains it snapshots match what the API reports. */
    Connection(Proxy proxy, Socket client, Map<Direction, List<ToxicSpec>> chains, BufferBudget budget) {
        this.proxy = proxy;
        this.client = client;
        this.up = new Link(this, Direction.UPSTREAM, withoutBlackholes(chains.get(Direction.UPSTREAM)), budget);
        this.down = new Link(this, Direction.DOWNSTREAM, withoutBlackholes(chains.get(Direction.DOWNSTREAM)), budget);
        boolean resets = false;
        for (List<ToxicSpec> chain : chains.values()) {
            for (ToxicSpec spec : chain) {
                if (isBlackhole(spec) && Stage.draw(spec.toxicity())) {
                    blackholes.add(spec.name());
                }
                resets |= spec.type().name().equals("reset_peer");
            }
        }
        // Toxiproxy sets linger 0 when a reset_peer toxic exists at connect time, drawn or not.
        this.lingerZero = resets;
        if (!blackholes.isEmpty()) {
            outcome.set(ConnectionOutcome.BLACKHOLED_BY_TOXIC);
        }
    }

    static boolean isBlackhole(ToxicSpec spec) {
        return spec.type().name().equals(BlackholeToxic.NAME);
    }

    private static List<ToxicSpec> withoutBlackholes(List<ToxicSpec> chain) {
        return chain.stream().filter(spec -> !isBlackhole(spec)).toList();
    }

    /** Runs on the connection's first thread: dials upstream, then becomes the client reader. */
    void run(WorkerThreads threads, String upstreamAddress, String label) {
        try {
            client.setTcpNoDelay(true);
            client.setKeepAlive(true);
            if (lingerZero) {
                client.setSoLinger(true, 0);
            }
        } catch (SocketException e) {
            close();
            return;
        }
        if (!blackholes.isEmpty()) {
            threads.start(label + "-up-pump", up::pump);
            up.read(client);
            return;
        }
        Socket dialled = new Socket();
        upstream = dialled;
        if (closed.get()) {
            closeQuietly(dialled);
            return;
        }
        try {
            dialled.connect(HostPort.resolveDial(proxy.upstream()));
            dialled.setTcpNoDelay(true);
            dialled.setKeepAlive(true);
            if (lingerZero) {
                dialled.setSoLinger(true, 0);
            }
        } catch (IOException | IllegalArgumentException e) {
            // As Toxiproxy: the client was accepted, so it sees a plain close, not a refusal.
            mark(ConnectionOutcome.UPSTREAM_REFUSED);
            close();
            return;
        }
        threads.start(label + "-up-pump", up::pump);
        threads.start(label + "-down-pump", down::pump);
        threads.start(label + "-down-read", () -> down.read(dialled));
        up.read(client);
    }

    /** Where a direction writes to; null when the connection is black-holed. */
    Socket destination(Direction direction) {
        if (!blackholes.isEmpty()) {
            return null;
        }
        return direction == Direction.UPSTREAM ? upstream : client;
    }

    /** End-of-stream has crossed a direction: close its destination, and everything once both have. */
    void endReached(Direction direction) {
        if (!blackholes.isEmpty()) {
            // A hung peer never closes on the client: only the client leaving ends it.
            if (direction == Direction.UPSTREAM) {
                close();
            }
            return;
        }
        boolean both;
        synchronized (ended) {
            ended.add(direction);
            both = ended.size() == 2;
        }
        closeQuietly(direction == Direction.UPSTREAM ? upstream : client);
        if (both) {
            close();
        }
    }

    void addToxic(ToxicSpec spec) {
        if (isBlackhole(spec)) {
            if (Stage.draw(spec.toxicity()) && blackholes.add(spec.name()) && blackholes.size() == 1) {
                mark(ConnectionOutcome.BLACKHOLED_BY_TOXIC);
                // The upstream goes; the down link's reader then ends quietly (destination is null).
                closeQuietly(upstream);
            }
            return;
        }
        link(spec.direction()).addToxic(spec);
    }

    void updateToxic(ToxicSpec spec) {
        if (!isBlackhole(spec)) {
            link(spec.direction()).updateToxic(spec);
        }
    }

    void removeToxic(ToxicSpec spec) {
        if (isBlackhole(spec)) {
            if (blackholes.contains(spec.name())) {
                close();
            }
            return;
        }
        if (spec.type().closesConnectionsOnRemoval()) {
            endedBy(spec);
            close();
            return;
        }
        link(spec.direction()).removeToxic(spec.name());
    }

    private Link link(Direction direction) {
        return direction == Direction.UPSTREAM ? up : down;
    }

    /** A toxic acted on this connection (reset, closed or swallowed its data): that is how it ends. */
    void endedBy(ToxicSpec spec) {
        mark(ConnectionOutcome.endedBy(spec));
    }

    /** The proxy is being disabled or deleted, or the server stopped. */
    void closeByProxy() {
        mark(ConnectionOutcome.CLOSED_BY_PROXY);
        close();
    }

    private void mark(ConnectionOutcome decided) {
        outcome.compareAndSet(null, decided);
    }

    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // Logged before the sockets close, so a client never sees the end of a connection the log lacks.
        proxy.logEnded(this);
        up.kill();
        down.kill();
        closeQuietly(client);
        closeQuietly(upstream);
        proxy.forget(this);
    }

    /** The connection's log entry under sequence number {@code seq}; its byte counts are as of now. */
    ConnectionEntry entry(long seq) {
        ConnectionOutcome decided = outcome.get();
        return new ConnectionEntry(seq, openedAt, proxy.name(), clientAddress(client),
                decided == null ? ConnectionOutcome.FORWARDED : decided, (System.nanoTime() - openedNanos) / 1_000_000,
                up.bytesRead(), up.bytesWritten(), down.bytesWritten(),
                Math.max(up.maxAddedDelayMs(), down.maxAddedDelayMs()));
    }

    static String clientAddress(Socket socket) {
        return socket.getRemoteSocketAddress() instanceof InetSocketAddress address
                ? HostPort.format(address) : String.valueOf(socket.getRemoteSocketAddress());
    }

    /** Closes with SO_LINGER 0 on both sockets, so both peers see a TCP reset. */
    void reset() {
        for (Socket socket : new Socket[] {client, upstream}) {
            if (socket != null) {
                try {
                    socket.setSoLinger(true, 0);
                } catch (SocketException ignored) {
                    // already closed: nothing left to reset
                }
            }
        }
        close();
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is best effort; the peer sees the close or a reset either way
            }
        }
    }
}
