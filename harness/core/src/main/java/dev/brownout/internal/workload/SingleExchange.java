package dev.brownout.internal.workload;

import dev.brownout.sut.SutClient;
import dev.brownout.sut.SutRequest;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One task sent on its own, outside any driver's schedule (the probe after a run): bounded and timed like every
 * driver's exchange, so it is an {@link Exchange} with the same outcomes.
 */
public final class SingleExchange {

    private SingleExchange() {
    }

    /**
     * Sends {@code request} now and waits at most {@code bound} for it; a call still running then is abandoned and
     * the exchange is a timeout. Interrupting the calling thread abandons it too, as {@link Exchange#ABORTED}.
     *
     * @param origin the {@code System.nanoTime()} the exchange's times count from
     */
    public static Exchange send(SutRequest request, SutClient sut, Duration bound, long origin) {
        if (bound == null || !bound.isPositive()) {
            throw new IllegalArgumentException("a single exchange needs a bound of more than 0, was " + bound);
        }
        ExecutorService call = Executors.newVirtualThreadPerTaskExecutor();
        try {
            return TimedExchange.run(request, System.nanoTime() - origin, origin, sut, call, bound);
        } finally {
            // a SUT call that ignores the interrupt must not hold anything open
            call.shutdownNow();
        }
    }
}
