package dev.brownout.gateways;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Blocking reads from an upstream body with a deadline. A read from the JDK client's body stream cannot
 * be timed out itself, so it runs on its own virtual thread and the stream is closed when time is up.
 */
public final class BoundedRead {

    /** The largest non-streamed body a gateway accepts from an upstream. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final ExecutorService READERS = Executors.newVirtualThreadPerTaskExecutor();

    /** A read that may block. */
    public interface Read<T> {
        T run() throws IOException;
    }

    private BoundedRead() {
    }

    /** Runs {@code read}, closing {@code source} and failing with a timeout when it takes longer than {@code limit}. */
    public static <T> T within(Duration limit, Closeable source, String what, Read<T> read) throws UpstreamFailure {
        CompletableFuture<T> pending = CompletableFuture.supplyAsync(() -> {
            try {
                return read.run();
            } catch (IOException e) {
                throw new UncheckedReadFailure(e);
            }
        }, READERS);
        try {
            return pending.get(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            closeQuietly(source);
            throw new UpstreamFailure(UpstreamFailure.Kind.TIMEOUT, what + " took longer than " + limit.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            closeQuietly(source);
            throw new UpstreamFailure(UpstreamFailure.Kind.CONNECTION, what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            closeQuietly(source);
            Thread.currentThread().interrupt();
            throw new UpstreamFailure(UpstreamFailure.Kind.CONNECTION, what + " was interrupted", e);
        }
    }

    /** The whole body of a non-streamed answer, read within {@code limit}. */
    public static byte[] wholeBody(Upstream.Answer answer, Duration limit) throws UpstreamFailure {
        return within(limit, answer, "reading " + answer.upstream().name() + "'s answer",
                () -> answer.body().readNBytes(MAX_BODY_BYTES));
    }

    private static void closeQuietly(Closeable source) {
        try {
            source.close();
        } catch (IOException ignored) {
            // abandoning the body; a failure to close changes nothing for the caller
        }
    }

    private static final class UncheckedReadFailure extends RuntimeException {
        UncheckedReadFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
