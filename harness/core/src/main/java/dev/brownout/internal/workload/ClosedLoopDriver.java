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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * The closed model: {@code agents} agents, each sending its next task as soon as its last one ended, for
 * {@code duration}. Unlike the open model, a slow SUT slows the load down, as a fleet of agents waiting
 * on their answers would; each exchange's intended time is when its agent was ready to send it.
 * <p>
 * With a pace, an agent also waits until {@code pace} has passed since the start of its last task: one agent
 * with a pace sends one task at a time, at most one per pace, as a person or a scheduled job working through
 * a list would. An agent is then ready at the later of the last task's end and its start plus the pace.
 */
public final class ClosedLoopDriver {

    /** The longest an agent waiting out its pace sleeps before it looks whether the run was stopped. */
    private static final long PACE_SLICE_NANOS = Duration.ofMillis(100).toNanos();

    private final int agents;
    private final Duration duration;
    private final Duration timeout;
    private final long paceNanos;

    public ClosedLoopDriver(int agents, Duration duration, Duration timeout) {
        this(agents, duration, timeout, Duration.ZERO);
    }

    /**
     * @param pace the least time between the starts of one agent's consecutive tasks; zero for none
     */
    public ClosedLoopDriver(int agents, Duration duration, Duration timeout, Duration pace) {
        if (agents < 1) {
            throw new IllegalArgumentException("a closed workload needs at least one agent, was " + agents);
        }
        if (duration == null || !duration.isPositive() || timeout == null || !timeout.isPositive()) {
            throw new IllegalArgumentException("duration and timeout must be more than 0");
        }
        if (pace == null || pace.isNegative()) {
            throw new IllegalArgumentException("a pace must be zero (none) or more, was " + pace);
        }
        this.agents = agents;
        this.duration = duration;
        this.timeout = timeout;
        this.paceNanos = pace.toNanos();
    }

    /** Runs until the duration is over and every agent's last exchange ended (at most one timeout later). */
    public DriverRun run(LongFunction<SutRequest> requestFor, SutClient sut) {
        return run(requestFor, sut, ExchangeListener.NONE);
    }

    /**
     * Runs the agents, telling {@code listener} of each exchange as it ends. Interrupting the calling thread
     * stops the run: agents send nothing more, exchanges in flight are recorded as aborted, and the run
     * returns what it measured, marked not completed. An exception from {@code listener} stops the agents after
     * their exchange in flight, and the run carries it.
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
        long end = duration.toNanos();
        AtomicLong next = new AtomicLong();
        List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
        ListenerFailure failure = new ListenerFailure(Thread.currentThread());
        boolean completed = true;
        ExecutorService sutCalls = Executors.newVirtualThreadPerTaskExecutor();
        ExecutorService agentThreads = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (int agent = 0; agent < agents; agent++) {
                agentThreads.submit(() -> {
                    long ready = System.nanoTime() - origin;
                    while (ready < end && waitUntil(origin + ready, failure)) {
                        SutRequest request = requestFor.apply(next.getAndIncrement());
                        Exchange exchange = TimedExchange.run(request, ready, origin, sut, sutCalls, timeout);
                        Recorded.add(exchanges, listener, exchange, failure);
                        ready = Math.max(System.nanoTime() - origin, exchange.started() + paceNanos);
                    }
                });
            }
            agentThreads.shutdown();
            // every agent stops sending at the end and its last exchange ends by its timeout
            long wait = end + timeout.toNanos() + Duration.ofSeconds(5).toNanos();
            if (!agentThreads.awaitTermination(wait, TimeUnit.NANOSECONDS)) {
                completed = false;
            }
        } catch (InterruptedException e) {
            completed = false;
            Thread.currentThread().interrupt();
        } finally {
            Recorded.stop(agentThreads, sutCalls);
        }
        return DriverRun.ended(start, Recorded.ordered(exchanges), completed, failure);
    }

    /**
     * Waits until {@code deadline} (a {@code System.nanoTime()}); false when the agent must stop instead: it was
     * interrupted (the run is being stopped) or the listener failed.
     */
    private static boolean waitUntil(long deadline, ListenerFailure failure) {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0 && !failure.happened()
                && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(Math.min(remaining, PACE_SLICE_NANOS));
        }
        return !failure.happened() && !Thread.currentThread().isInterrupted();
    }
}
