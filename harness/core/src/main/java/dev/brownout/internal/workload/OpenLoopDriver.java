package dev.brownout.internal.workload;

import dev.brownout.sut.SutClient;
import dev.brownout.sut.SutRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Sends tasks on the open model: each arrival leaves at its scheduled time on its own virtual thread,
 * whatever the SUT is doing, so a slow SUT cannot slow the load down. Every exchange ends by its timeout
 * at the latest; a hung SUT call is abandoned (interrupted) and counted as a timeout.
 */
public final class OpenLoopDriver {

    private static final Duration GRACE = Duration.ofSeconds(5);

    private final ArrivalSchedule schedule;
    private final Duration timeout;

    public OpenLoopDriver(ArrivalSchedule schedule, Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the per-task timeout must be more than 0");
        }
        this.schedule = schedule;
        this.timeout = timeout;
    }

    /**
     * Runs the schedule to its end and waits for the last exchange (at most one timeout past the end).
     *
     * @param requestFor the request for arrival {@code index}
     */
    public DriverRun run(LongFunction<SutRequest> requestFor, SutClient sut) {
        return run(requestFor, sut, ExchangeListener.NONE);
    }

    /**
     * Runs the schedule to its end, telling {@code listener} of each exchange as it ends. Interrupting the
     * calling thread stops the run: no more arrivals leave, exchanges in flight are abandoned and recorded as
     * aborted, and the run returns what it measured, marked not completed. An exception from {@code listener}
     * stops the run the same way, and the run carries it.
     */
    public DriverRun run(LongFunction<SutRequest> requestFor, SutClient sut, ExchangeListener listener) {
        return run(requestFor, sut, listener, System.nanoTime());
    }

    /**
     * As {@link #run(LongFunction, SutClient, ExchangeListener)}, timed from {@code origin}, a {@code System.nanoTime()}
     * the caller shares with what else it times (the phases of a scenario), so both sit on one clock.
     */
    public DriverRun run(LongFunction<SutRequest> requestFor, SutClient sut, ExchangeListener listener, long origin) {
        Instant start = Instant.now().minusNanos(System.nanoTime() - origin);
        long end = schedule.duration().toNanos();
        List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
        ListenerFailure failure = new ListenerFailure(Thread.currentThread());
        boolean completed = true;
        // SUT calls are abandoned, not awaited, once their exchange timed out: a SUT that ignores the
        // interrupt must not hold the run open.
        ExecutorService sutCalls = Executors.newVirtualThreadPerTaskExecutor();
        ExecutorService exchangesInFlight = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (long index = 0; ; index++) {
                long due = schedule.dueAt(index);
                if (due >= end) {
                    break;
                }
                sleepUntil(origin + due, failure);
                if (failure.happened()) {
                    break;
                }
                SutRequest request = requestFor.apply(index);
                exchangesInFlight.submit(() -> Recorded.add(exchanges, listener,
                        TimedExchange.run(request, due, origin, sut, sutCalls, timeout), failure));
            }
            exchangesInFlight.shutdown();
            // after a listener failure the exchanges in flight are aborted below, not awaited
            if (!failure.happened() && !exchangesInFlight.awaitTermination(timeout.toNanos() + GRACE.toNanos(), TimeUnit.NANOSECONDS)) {
                completed = false;
            }
        } catch (InterruptedException e) {
            completed = false;
            Thread.currentThread().interrupt();
        } finally {
            Recorded.stop(exchangesInFlight, sutCalls);
        }
        return DriverRun.ended(start, Recorded.ordered(exchanges), completed, failure);
    }

    /** Waits until {@code deadline}, or less once the listener failed. */
    private static void sleepUntil(long deadline, ListenerFailure failure) throws InterruptedException {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0 && !failure.happened()) {
            LockSupport.parkNanos(remaining);
            if (Thread.interrupted()) {
                throw new InterruptedException("the driver was stopped");
            }
        }
    }
}
