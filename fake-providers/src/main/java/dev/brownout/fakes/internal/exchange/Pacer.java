package dev.brownout.fakes.internal.exchange;

import java.util.concurrent.locks.LockSupport;

/** Sleeps to absolute deadlines, so token gaps follow the schedule instead of drifting with write time. */
final class Pacer {

    private Pacer() {
    }

    /** Parks until {@code System.nanoTime()} reaches the deadline; returns false if interrupted first. */
    static boolean sleepUntil(long deadlineNanos) {
        long remaining;
        while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return true;
    }
}
