package dev.brownout.faultproxy;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the data plane's virtual threads and counts the live ones, so tests can prove that
 * closed connections and deleted proxies leave no thread behind.
 */
final class WorkerThreads {

    private final AtomicInteger live = new AtomicInteger();

    Thread start(String name, Runnable body) {
        live.incrementAndGet();
        try {
            return Thread.ofVirtual().name(name).start(() -> {
                try {
                    body.run();
                } finally {
                    live.decrementAndGet();
                }
            });
        } catch (RuntimeException | Error e) {
            live.decrementAndGet();
            throw e;
        }
    }

    int live() {
        return live.get();
    }
}
