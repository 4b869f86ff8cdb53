package dev.brownout.fakes;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * How a command-line server of the fake world lives: it serves until SIGTERM (a shutdown hook) or, unless
 * told to ignore it, until its standard input ends — the parent process is gone — and then closes what it
 * served exactly once.
 */
public final class ServeUntilStopped {

    private ServeUntilStopped() {
    }

    /** Blocks until a stop; {@code close} runs on the way out, from the hook if the JVM is shutting down. */
    public static void serve(Runnable close, InputStream stdin, boolean ignoreStdin) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            close.run();
        }, "brownout-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (!ignoreStdin) {
            Thread.ofVirtual().name("stdin-watch").start(() -> {
                try {
                    while (stdin.read() != -1) {
                        // Input is ignored; only its end matters.
                    }
                } catch (IOException e) {
                    // A broken stdin means the parent is gone: stop as on EOF.
                }
                stop.countDown();
            });
        }
        try {
            stop.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                close.run();
            } catch (IllegalStateException e) {
                // Shutdown already under way: the hook closes it.
            }
        }
    }
}
