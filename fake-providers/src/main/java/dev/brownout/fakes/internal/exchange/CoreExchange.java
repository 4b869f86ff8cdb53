package dev.brownout.fakes.internal.exchange;

import dev.brownout.fakes.behaviour.CutMode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/**
 * A completion request on Jetty's core API, and its response written without blocking: bytes handed over while
 * a write is still in flight are joined into the next write instead of queued one by one, and the response
 * ends (normally, or by closing the connection under the client) only after everything before has been written.
 * Callers hand bytes in and end it from any thread; the lock orders them.
 */
final class CoreExchange implements Exchange, Callback {

    /** The smallest buffer taken for a write: a stream's token frames are a few hundred bytes. */
    private static final int MIN_BUFFER_BYTES = 1024;
    /** Larger bodies go on the heap: the pool keeps only small direct buffers. */
    private static final int MAX_DIRECT_BUFFER_BYTES = 64 * 1024;

    private final Request request;
    private final Response response;
    private final Callback done;
    private String resultType;
    private byte[] result;

    private final ByteBufferPool pool;
    /** Bytes handed in and not yet written. */
    private RetainableByteBuffer.Mutable pending;
    /** The bytes of the write in flight. */
    private RetainableByteBuffer.Mutable inFlight;
    private boolean writing;
    private boolean lastQueued;
    private boolean lastWritten;
    private CutMode abruptEnd;
    private boolean ended;
    private volatile boolean clientGone;

    CoreExchange(Request request, Response response, Callback done) {
        this.request = request;
        this.response = response;
        this.done = done;
        this.pool = request.getComponents().getByteBufferPool();
    }

    @Override
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    @Override
    public void header(String name, String value) {
        response.getHeaders().put(name, value);
    }

    @Override
    public String path() {
        return request.getHttpURI().getPath();
    }

    @Override
    public String query() {
        return request.getHttpURI().getQuery();
    }

    @Override
    public String responseHeader(String name) {
        return response.getHeaders().get(name);
    }

    @Override
    public void status(int status) {
        response.setStatus(status);
    }

    @Override
    public void result(String contentType, byte[] body) {
        resultType = contentType;
        result = body;
    }

    /** Sends the body set by {@link #result} (none: an empty one) as the whole response. */
    void sendResult() {
        byte[] body = result == null ? new byte[0] : result;
        synchronized (this) {
            // Headers sent early (headers-first) leave the body to go chunked, as it did.
            if (!response.isCommitted() && !writing) {
                if (resultType != null) {
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, resultType);
                }
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            }
            end(body);
        }
    }

    /** Whether a write has failed: the client has gone. */
    boolean clientGone() {
        return clientGone;
    }

    /** Sends the status and headers now, with no body yet (which then goes chunked). */
    synchronized void commit() {
        if (!writing && pending == null && !lastQueued) {
            writing = true;
            response.write(false, BufferUtil.EMPTY_BUFFER, this);
        }
    }

    /** Hands bytes to the connection: written now, or with the next write if one is in flight. */
    void send(byte[] bytes) {
        send(bytes, 0, bytes.length);
    }

    /** Hands {@code length} bytes from {@code offset} to the connection; they are copied before this returns. */
    synchronized void send(byte[] bytes, int offset, int length) {
        if (clientGone || lastQueued || length == 0) {
            return;
        }
        append(bytes, offset, length);
        if (!writing) {
            flush();
        }
    }

    /** Sends these last bytes and ends the response once everything before them is written. */
    void end(byte[] last) {
        end(last, 0, last.length);
    }

    /** Sends {@code length} last bytes from {@code offset} (copied before this returns) and ends the response. */
    synchronized void end(byte[] last, int offset, int length) {
        if (lastQueued) {
            return;
        }
        if (clientGone) {
            finish();
            return;
        }
        if (length > 0) {
            append(last, offset, length);
        }
        lastQueued = true;
        if (!writing) {
            flush();
        }
    }

    /**
     * Closes the connection under the client once everything handed in before is written: with FIN for
     * {@link CutMode#ABORT}, with RST for {@link CutMode#RESET} (SO_LINGER 0 makes the kernel drop the
     * connection instead of closing it in order). Whatever the body had sent stays sent, and its end never comes.
     */
    synchronized void closeUnder(CutMode mode) {
        if (lastQueued) {
            return;
        }
        lastQueued = true;
        abruptEnd = mode;
        if (!writing) {
            flush();
        }
    }

    /**
     * Copies the bytes into a buffer from the connection's pool (off the heap while small, so the socket write
     * copies nothing). The buffer goes back to the pool as soon as its write completes: a pool whose buffers are
     * held by thousands of idle streams is searched through all of them on every acquire, Jetty's own included.
     */
    private void append(byte[] bytes, int offset, int length) {
        if (pending == null) {
            pending = acquire(length);
        } else if (pending.space() < length) {
            RetainableByteBuffer.Mutable grown = acquire(Math.max(pending.capacity() * 2, pending.remaining() + length));
            grown.append(pending.getByteBuffer());
            pending.release();
            pending = grown;
        }
        pending.put(bytes, offset, length);
    }

    private RetainableByteBuffer.Mutable acquire(int length) {
        int size = Math.max(length, MIN_BUFFER_BYTES);
        return pool.acquire(size, size <= MAX_DIRECT_BUFFER_BYTES);
    }

    /** Gives the bytes not yet written back to the pool: the response is over, or its connection gone. */
    private void releasePending() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    /** Starts the next write, holding the lock; a write that completes at once calls back in on this thread. */
    private void flush() {
        RetainableByteBuffer.Mutable bytes = pending;
        pending = null;
        if (bytes != null && bytes.hasRemaining()) {
            writing = true;
            inFlight = bytes;
            response.write(lastQueued && abruptEnd == null, bytes.getByteBuffer(), this);
            return;
        }
        if (bytes != null) {
            bytes.release();
        }
        if (lastQueued) {
            if (abruptEnd != null) {
                closeConnection(abruptEnd);
                finish();
            } else if (!lastWritten) {
                writing = true;
                lastWritten = true;
                response.write(true, BufferUtil.EMPTY_BUFFER, this);
            }
        }
    }

    @Override
    public synchronized void succeeded() {
        writing = false;
        if (inFlight != null) {
            inFlight.release();
            inFlight = null;
        }
        if (lastQueued && abruptEnd == null && pending == null) {
            finish();
            return;
        }
        flush();
    }

    @Override
    public synchronized void failed(Throwable failure) {
        writing = false;
        clientGone = true;
        if (inFlight != null) {
            inFlight.release();
            inFlight = null;
        }
        releasePending();
        if (lastQueued) {
            finish();
        }
    }

    /** The request is over for Jetty: done when the response ended in order, failed when the connection went. */
    private void finish() {
        if (ended) {
            return;
        }
        ended = true;
        releasePending();
        if (abruptEnd == null && !clientGone) {
            done.succeeded();
        } else {
            done.failed(new EofException("the connection was closed under the client"));
        }
    }

    private void closeConnection(CutMode mode) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        if (mode == CutMode.RESET && endPoint.getTransport() instanceof SocketChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException e) {
                // Already closed by the client: there is nothing left to reset.
            }
        }
        endPoint.close();
    }
}
