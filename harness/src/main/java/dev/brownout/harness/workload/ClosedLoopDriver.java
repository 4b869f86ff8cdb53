package dev.brownout.harness.workload;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * The closed model: {@code agents} agents, each sending its next task as soon as its last one ended, for
 * {@code duration}. Unlike the open model, a slow SUT slows the load down, as a fleet of agents waiting
 * on their answers would; each exchange's intended time is when its agent was ready to send it.
 */
public final class ClosedLoopDriver {

    private final int agents;
    private final Duration duration;
    private final Duration timeout;

    public ClosedLoopDriver(int agents, Duration duration, Duration timeout) {
        if (agents < 1) {
            throw new IllegalArgumentException("a closed workload needs at least one agent, was " + agents);
        }
        if (duration == null || !duration.isPositive() || timeout == null || !timeout.isPositive()) {
            throw new IllegalArgumentException("duration and timeout must be more than 0");
        }
        this.agents = agents;
        this.duration = duration;
        this.timeout = timeout;
    }

    /** Runs until the duration is over and every agent's last exchange ended (at most one timeout later). */
    public DriverRun run(LongFunction<SutRequest> requestFor, Sut sut) throws InterruptedException {
        Instant start = Instant.now();
        long origin = System.nanoTime();
        long end = duration.toNanos();
        AtomicLong next = new AtomicLong();
        List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
        ExecutorService sutCalls = Executors.newVirtualThreadPerTaskExecutor();
        try (ExecutorService agentThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int agent = 0; agent < agents; agent++) {
                agentThreads.submit(() -> {
                    long ready;
                    while ((ready = System.nanoTime() - origin) < end && !Thread.currentThread().isInterrupted()) {
                        SutRequest request = requestFor.apply(next.getAndIncrement());
                        exchanges.add(TimedExchange.run(request, ready, origin, sut, sutCalls, timeout));
                    }
                });
            }
        } finally {
            sutCalls.shutdownNow();
        }
        List<Exchange> ordered = new ArrayList<>(exchanges);
        ordered.sort((a, b) -> Long.compare(a.intended(), b.intended()));
        return new DriverRun(start, List.copyOf(ordered));
    }
}
