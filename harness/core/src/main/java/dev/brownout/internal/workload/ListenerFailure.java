package dev.brownout.internal.workload;

import java.util.concurrent.locks.LockSupport;

/**
 * A driver run's failures to tell its listener of an exchange: the first, with its stack trace, and how many
 * exchanges in all. The first one stops the driver: the listener grades and records, so every exchange after it
 * would be measured by a listener known to be broken, and the ones it failed on are missing from what it keeps.
 */
final class ListenerFailure {

    private final Thread driver;
    private Throwable first;
    private long exchanges;

    /** @param driver the thread running the driver, woken when the first failure comes so it stops at once */
    ListenerFailure(Thread driver) {
        this.driver = driver;
    }

    void add(Throwable failure) {
        synchronized (this) {
            exchanges++;
            if (first != null) {
                return;
            }
            first = failure;
        }
        LockSupport.unpark(driver);
    }

    synchronized boolean happened() {
        return first != null;
    }

    /** The first failure, or null when there was none. */
    synchronized Throwable first() {
        return first;
    }

    /** How many exchanges the listener failed on. */
    synchronized long exchanges() {
        return exchanges;
    }
}
