package dev.brownout.fakes.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The stream benchmark's client: keep-alive connections, each reading one streamed answer after another, driven by
 * one selector thread per share of them. A chunk is dated when its last data byte is read, before the CRLF after
 * it (Jetty sends that CRLF with its next write). It reads with one system call per ready connection and registers
 * its interest once, where a blocking read on a virtual thread re-arms the poller for every token: on a 2-CPU
 * machine the client's own cost is CPU the server under test does not get.
 */
final class SelectorStreamClient {

    /** What the benchmark does with each answer and failure. */
    interface Listener {

        /** The request for connection {@code id}'s {@code round}-th stream. */
        byte[] request(int id, int round);

        /** A stream's head arrived with this status; the chunks of a 200 follow. */
        void streamStarted(int id);

        /** One chunk's data arrived, complete, at {@code now}; {@code sent} is when its request went out. */
        void chunk(int id, byte[] data, int length, long sent, long now);

        /** The stream ended in order. */
        void streamEnded(int id);

        /** The stream or connection failed; the connection is closed and dialled again after a pause. */
        void failed(int id, String reason);
    }

    private static final long RETRY_NANOS = 100_000_000L;

    private final InetSocketAddress server;
    private final Listener listener;

    SelectorStreamClient(InetSocketAddress server, Listener listener) {
        this.server = server;
        this.listener = listener;
    }

    /**
     * Runs connections {@code first}, {@code first + step}, ... below {@code count} on the calling thread: each
     * dialled at its begin instant, streaming until {@code stopRequestsAt}, everything closed at {@code hardStop}.
     */
    void run(int first, int step, int count, long rampStart, long rampNanos, long stopRequestsAt, long hardStop)
            throws IOException {
        List<Connection> mine = new ArrayList<>();
        for (int id = first; id < count; id += step) {
            mine.add(new Connection(id, rampStart + rampNanos * id / count));
        }
        ArrayDeque<Connection> toDial = new ArrayDeque<>(mine);
        ByteBuffer readBuffer = ByteBuffer.allocateDirect(256 * 1024);
        try (Selector selector = Selector.open()) {
            int open = 0;
            while (true) {
                long now = System.nanoTime();
                if (now >= hardStop) {
                    break;
                }
                while (!toDial.isEmpty() && toDial.peekFirst().dialAt <= now) {
                    Connection connection = toDial.pollFirst();
                    if (now < stopRequestsAt) {
                        connection.dial(selector);
                        open++;
                    }
                }
                if (now >= stopRequestsAt && open == 0 && toDial.isEmpty()) {
                    break;
                }
                long wait = toDial.isEmpty() ? 100_000_000L : Math.max(0, toDial.peekFirst().dialAt - now);
                selector.select(Math.max(1, Math.min(100, wait / 1_000_000)));
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection connection = (Connection) key.attachment();
                    now = System.nanoTime();
                    try {
                        if (key.isConnectable() && connection.channel.finishConnect()) {
                            key.interestOps(SelectionKey.OP_READ);
                            connection.send(now, stopRequestsAt);
                        }
                        if (key.isValid() && key.isWritable()) {
                            connection.flushRequest();
                        }
                        if (key.isValid() && key.isReadable()) {
                            readBuffer.clear();
                            int read = connection.channel.read(readBuffer);
                            if (read < 0) {
                                throw new IOException("connection closed by the server");
                            }
                            readBuffer.flip();
                            if (!connection.accept(readBuffer, now, stopRequestsAt)) {
                                connection.close();
                                open--;
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        listener.failed(connection.id, e.getClass().getSimpleName() + ": " + e.getMessage());
                        connection.close();
                        open--;
                        connection.dialAt = now + RETRY_NANOS;
                        if (connection.dialAt < stopRequestsAt) {
                            toDial.addLast(connection);
                        }
                    }
                }
                selector.selectedKeys().clear();
            }
        } finally {
            for (Connection connection : mine) {
                connection.close();
            }
        }
    }

    private enum State { IDLE, HEAD, SKIP, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILER }

    /** One keep-alive connection and where its parser is in the answer it is reading. */
    private final class Connection {

        private final int id;
        private long dialAt;
        private SocketChannel channel;
        private SelectionKey key;
        private ByteBuffer pendingRequest;
        private int round;
        private long sent;
        private State state = State.IDLE;
        private final StringBuilder line = new StringBuilder(64);
        private int status;
        private boolean chunked;
        private boolean closeAfter;
        private long remaining;
        private byte[] chunk = new byte[4096];
        private int chunkLength;

        Connection(int id, long dialAt) {
            this.id = id;
            this.dialAt = dialAt;
        }

        void dial(Selector selector) throws IOException {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            if (channel.connect(server)) {
                key = channel.register(selector, SelectionKey.OP_READ, this);
                send(System.nanoTime(), Long.MAX_VALUE);
            } else {
                key = channel.register(selector, SelectionKey.OP_CONNECT, this);
            }
        }

        /** Sends the next request, unless requests have stopped; the connection then only drains. */
        void send(long now, long stopRequestsAt) throws IOException {
            if (now >= stopRequestsAt) {
                return;
            }
            pendingRequest = ByteBuffer.wrap(listener.request(id, round++));
            sent = System.nanoTime();
            state = State.HEAD;
            line.setLength(0);
            status = 0;
            chunked = false;
            closeAfter = false;
            remaining = -1;
            flushRequest();
        }

        void flushRequest() throws IOException {
            if (pendingRequest == null) {
                return;
            }
            channel.write(pendingRequest);
            if (pendingRequest.hasRemaining()) {
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            } else {
                pendingRequest = null;
                key.interestOps(SelectionKey.OP_READ);
            }
        }

        /** Parses what was read; returns false when the connection is done with (closed by the answer, or idle). */
        boolean accept(ByteBuffer bytes, long now, long stopRequestsAt) throws IOException {
            while (bytes.hasRemaining()) {
                switch (state) {
                    case IDLE -> throw new IOException("bytes arrived with no request outstanding");
                    case HEAD -> {
                        if (readLine(bytes)) {
                            head(line.toString());
                            line.setLength(0);
                            if (state == State.SKIP && remaining == 0 && !answered(now, stopRequestsAt)) {
                                return false;
                            }
                        }
                    }
                    case SKIP -> {
                        int step = (int) Math.min(remaining, bytes.remaining());
                        bytes.position(bytes.position() + step);
                        remaining -= step;
                        if (remaining == 0 && !answered(now, stopRequestsAt)) {
                            return false;
                        }
                    }
                    case CHUNK_SIZE -> {
                        if (readLine(bytes)) {
                            String size = line.toString();
                            line.setLength(0);
                            int semicolon = size.indexOf(';');
                            remaining = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                            chunkLength = 0;
                            if (remaining > chunk.length) {
                                chunk = new byte[(int) remaining];
                            }
                            state = remaining == 0 ? State.TRAILER : State.CHUNK_DATA;
                        }
                    }
                    case CHUNK_DATA -> {
                        int step = (int) Math.min(remaining, bytes.remaining());
                        bytes.get(chunk, chunkLength, step);
                        chunkLength += step;
                        remaining -= step;
                        if (remaining == 0) {
                            listener.chunk(id, chunk, chunkLength, sent, now);
                            state = State.CHUNK_END;
                        }
                    }
                    case CHUNK_END -> {
                        if (readLine(bytes)) {
                            line.setLength(0);
                            state = State.CHUNK_SIZE;
                        }
                    }
                    case TRAILER -> {
                        if (readLine(bytes)) {
                            boolean end = line.isEmpty();
                            line.setLength(0);
                            if (end) {
                                listener.streamEnded(id);
                                if (!answered(now, stopRequestsAt)) {
                                    return false;
                                }
                            }
                        }
                    }
                }
            }
            return state != State.IDLE || now < stopRequestsAt;
        }

        /** An answer is over: the next request goes out, unless the answer closes the connection (false). */
        private boolean answered(long now, long stopRequestsAt) throws IOException {
            state = State.IDLE;
            if (closeAfter) {
                return false;
            }
            send(now, stopRequestsAt);
            return true;
        }

        private void head(String text) throws IOException {
            if (status == 0) {
                if (text.length() < 12 || !text.startsWith("HTTP/1.")) {
                    throw new IOException("not an HTTP status line: " + text);
                }
                status = Integer.parseInt(text.substring(9, 12));
                return;
            }
            if (!text.isEmpty()) {
                int colon = text.indexOf(':');
                if (colon > 0) {
                    String name = text.substring(0, colon).trim();
                    String value = text.substring(colon + 1).trim();
                    if (name.equalsIgnoreCase("Transfer-Encoding")) {
                        chunked = value.equalsIgnoreCase("chunked");
                    } else if (name.equalsIgnoreCase("Content-Length")) {
                        remaining = Long.parseLong(value);
                    } else if (name.equalsIgnoreCase("Connection")) {
                        closeAfter = value.equalsIgnoreCase("close");
                    }
                }
                return;
            }
            if (status == 200 && chunked) {
                listener.streamStarted(id);
                state = State.CHUNK_SIZE;
                return;
            }
            listener.failed(id, "HTTP " + status);
            if (remaining < 0) {
                throw new IOException("an answer of HTTP " + status + " with no length");
            }
            state = State.SKIP;
        }

        /** Reads up to the end of a line into {@code line}, without its CRLF; true once the line is whole. */
        private boolean readLine(ByteBuffer bytes) {
            while (bytes.hasRemaining()) {
                byte b = bytes.get();
                if (b == '\n') {
                    int end = line.length();
                    if (end > 0 && line.charAt(end - 1) == '\r') {
                        line.setLength(end - 1);
                    }
                    return true;
                }
                line.append((char) (b & 0xff));
            }
            return false;
        }

        void close() {
            if (channel == null) {
                return;
            }
            try {
                channel.close();
            } catch (IOException e) {
                // Closing is best effort.
            }
            channel = null;
            state = State.IDLE;
            line.setLength(0);
            pendingRequest = null;
        }
    }
}
