package dev.brownout.faultproxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP peer on 127.0.0.1 for proxies to dial: echo, record what arrives, or run any handler per
 * connection on a virtual thread. Closing it closes every connection it accepted.
 */
public final class LoopbackServer implements AutoCloseable {

    @FunctionalInterface
    public interface Handler {
        void handle(Socket socket) throws IOException;
    }

    private final ServerSocket server;
    private final Set<Socket> accepted = ConcurrentHashMap.newKeySet();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** What one connection delivered and when its end-of-stream arrived (System.nanoTime). */
    public static final class Received {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private volatile long lastByteNanos;
        private volatile boolean ended;

        public synchronized byte[] bytes() {
            return bytes.toByteArray();
        }

        public synchronized int size() {
            return bytes.size();
        }

        public long lastByteNanos() {
            return lastByteNanos;
        }

        public boolean ended() {
            return ended;
        }

        synchronized void add(byte[] data, int n) {
            bytes.write(data, 0, n);
            lastByteNanos = System.nanoTime();
        }
    }

    private LoopbackServer(Handler handler) throws IOException {
        server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("loopback-accept").start(() -> {
            while (true) {
                Socket socket;
                try {
                    socket = server.accept();
                } catch (IOException e) {
                    return;
                }
                accepted.add(socket);
                Thread.ofVirtual().start(() -> {
                    try (socket) {
                        socket.setTcpNoDelay(true);
                        handler.handle(socket);
                    } catch (IOException ignored) {
                        // the peer went away; nothing to report
                    } finally {
                        accepted.remove(socket);
                    }
                });
            }
        });
    }

    public static LoopbackServer echo() throws IOException {
        return new LoopbackServer(socket -> socket.getInputStream().transferTo(socket.getOutputStream()));
    }

    /** Records everything each connection sends until it ends; answers nothing. */
    public static LoopbackServer recording() throws IOException {
        LoopbackServer[] self = new LoopbackServer[1];
        self[0] = new LoopbackServer(socket -> {
            Received record = new Received();
            self[0].received.add(record);
            byte[] buffer = new byte[64 * 1024];
            InputStream in = socket.getInputStream();
            int n;
            try {
                while ((n = in.read(buffer)) >= 0) {
                    record.add(buffer, n);
                }
            } finally {
                record.ended = true;
            }
        });
        return self[0];
    }

    /** Sends {@code payload} to every connection, then closes it. */
    public static LoopbackServer sendingThenClosing(byte[] payload) throws IOException {
        return new LoopbackServer(socket -> {
            OutputStream out = socket.getOutputStream();
            out.write(payload);
            out.flush();
        });
    }

    public static LoopbackServer handling(Handler handler) throws IOException {
        return new LoopbackServer(handler);
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Received> received() {
        return received;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }
}
