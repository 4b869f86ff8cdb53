package dev.brownout.fakes.internal.exchange;

import dev.brownout.fakes.behaviour.CutMode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A completion request on Jetty's core API, and its response written without blocking: bytes handed over while
 * a write is still in flight are joined into the next write instead of queued one by one, and the response
 * ends (normally, or by closing the connection under the client) only after everything before has been written.
 * Callers hand bytes in and end it from any thread; the lock orders them.
 */
final class CoreExchange implements Exchange, Callback {

    private final Request request;
    private final Response response;
    private final Callback done;
    private String resultType;
    private byte[] result;

    private ByteBuffer pending;
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
    synchronized void send(byte[] bytes) {
        if (clientGone || lastQueued || bytes.length == 0) {
            return;
        }
        append(bytes);
        if (!writing) {
            flush();
        }
    }

    /** Sends these last bytes and ends the response once everything before them is written. */
    synchronized void end(byte[] last) {
        if (lastQueued) {
            return;
        }
        if (clientGone) {
            finish();
            return;
        }
        append(last);
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

    private void append(byte[] bytes) {
        if (pending == null) {
            pending = ByteBuffer.allocate(Math.max(bytes.length, 256));
            pending.flip();
        }
        if (pending.capacity() - pending.limit() < bytes.length) {
            ByteBuffer grown = ByteBuffer.allocate(Math.max(pending.capacity() * 2, pending.remaining() + bytes.length));
            grown.put(pending).flip();
            pending = grown;
        }
        int end = pending.limit();
        pending.limit(end + bytes.length);
        pending.put(end, bytes);
    }

    /** Starts the next write, holding the lock; a write that completes at once calls back in on this thread. */
    private void flush() {
        ByteBuffer bytes = pending;
        pending = null;
        if (bytes != null && bytes.hasRemaining()) {
            writing = true;
            response.write(lastQueued && abruptEnd == null, bytes, this);
            return;
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
        pending = null;
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
