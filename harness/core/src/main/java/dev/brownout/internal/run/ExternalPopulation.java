package dev.brownout.internal.run;

import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.tasks.Task;
import dev.brownout.internal.tasks.TaskSource;
import dev.brownout.internal.workload.Exchange;
import dev.brownout.internal.workload.TimedExchange;
import dev.brownout.scenario.Phase;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * One population of a load run whose load another tool sends: the graded tasks it hands out in the scenario's order,
 * its origin (the instant its first task was taken: exchange times count from it), and the exchanges the tool
 * reports, graded and appended to its {@code exchanges.jsonl} by a recorder thread of its own, so the tool's
 * threads only ever enqueue.
 */
public final class ExternalPopulation {

    /** What the tool saw of one exchange; times are {@code System.nanoTime()} values. */
    public record Reported(String taskId, long takenNanos, long startedNanos, long endedNanos, SutReply reply,
                           String errorClass) {
    }

    private static final Reported END = new Reported(null, 0, 0, 0, null, null);

    private final String name;
    private final TaskSource tasks;
    private final boolean stream;
    private final Duration timeout;
    private final List<Phase> timeline;
    private final LongConsumer onBegin;
    private final AtomicLong next = new AtomicLong();
    private final Map<String, Task> handedOut = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Reported> queue = new LinkedBlockingQueue<>();
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong late = new AtomicLong();
    private final Tally tally;
    private final ExchangeLog log;
    private final ErrorFile errors;
    private final Thread recorder;
    private volatile long origin;
    private volatile Instant originInstant;
    private volatile Double originCpuSeconds;
    private volatile boolean closed;
    private volatile String failure;

    ExternalPopulation(String name, TaskSource tasks, boolean stream, Duration timeout, List<Phase> timeline,
                       RunFolder folder, ErrorFile errors, LongConsumer onBegin) {
        this.name = name;
        this.tasks = tasks;
        this.stream = stream;
        this.timeout = timeout;
        this.timeline = List.copyOf(timeline);
        this.onBegin = onBegin;
        this.errors = errors;
        this.tally = new Tally(timeline.stream().map(Phase::name).toList());
        this.log = new ExchangeLog(folder.file("exchanges.jsonl"));
        this.recorder = Thread.ofPlatform().daemon().name("brownout-recorder-" + name).start(this::recordAll);
    }

    public String name() {
        return name;
    }

    /** The next task in the scenario's order; the first one begins the population. Safe from any thread. */
    public Task nextTask() {
        begin();
        Task task = tasks.task(next.getAndIncrement());
        handedOut.put(task.id(), task);
        return task;
    }

    /**
     * Marks the population's origin, once: the instant its first user arrived. The callback, given the origin (the
     * timeline's start for the measured population), runs on the first caller's thread before it returns.
     */
    public void begin() {
        if (origin != 0) {
            return;
        }
        synchronized (this) {
            if (origin != 0) {
                return;
            }
            long now = System.nanoTime();
            originInstant = Instant.now();
            originCpuSeconds = ProcessCpu.seconds();
            onBegin.accept(now);
            origin = now;
        }
    }

    public boolean begun() {
        return origin != 0;
    }

    long origin() {
        return origin;
    }

    /** The process's CPU seconds when the population began, or null before it did or when unknown. */
    Double originCpuSeconds() {
        return originCpuSeconds;
    }

    Instant originInstant() {
        return originInstant;
    }

    public boolean stream() {
        return stream;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Queues an exchange for the recorder; never blocks. Exchanges reported after the run finished are counted, not kept. */
    public void record(Reported exchange) {
        if (closed) {
            late.incrementAndGet();
            return;
        }
        queue.add(exchange);
    }

    public long recorded() {
        return recorded.get();
    }

    /** Exchanges reported once the run had finished: not in the log, said in the result's warnings. */
    long late() {
        return late.get();
    }

    Tally tally() {
        return tally;
    }

    /** Why recording failed (the log could not be written, a grader threw), or null. */
    String failure() {
        return failure;
    }

    /**
     * Stops taking exchanges, waits for the recorder to write what was queued (at most {@code wait}) and closes the
     * log.
     */
    void close(Duration wait) {
        closed = true;
        queue.add(END);
        try {
            recorder.join(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (recorder.isAlive()) {
            recorder.interrupt();
            errors.survived("recording the " + name + " population's last exchanges",
                    new IllegalStateException(queue.size() + " exchange(s) were still queued after " + wait));
        }
        try {
            log.close();
        } catch (RuntimeException e) {
            errors.survived("closing the " + name + " population's exchanges.jsonl", e);
        }
    }

    private void recordAll() {
        try {
            while (true) {
                Reported exchange = queue.poll(1, TimeUnit.SECONDS);
                if (exchange == END) {
                    return;
                }
                if (exchange != null && failure == null) {
                    recordOne(exchange);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void recordOne(Reported reported) {
        try {
            Task task = handedOut.remove(reported.taskId());
            ExchangeRecord record = ScenarioRun.record(exchange(reported, task), task, timeline);
            tally.add(record);
            log.append(record);
            recorded.incrementAndGet();
        } catch (RuntimeException | StackOverflowError e) {
            // a log missing exchanges would measure a run other than the one played: stop keeping any
            failure = errors.ended("grading and recording an exchange of the " + name + " population", e);
        }
    }

    /** The exchange as the driver would have recorded it: past its budget it is a timeout, as the driver abandons it. */
    private Exchange exchange(Reported reported, Task task) {
        long base = origin;
        long intended = reported.takenNanos() - base;
        long started = reported.startedNanos() - base;
        long ended = reported.endedNanos() - base;
        if (reported.endedNanos() - reported.takenNanos() > timeout.toNanos()
                || (reported.reply() == null && Exchange.TIMEOUT.equals(reported.errorClass()))) {
            return new Exchange(reported.taskId(), intended, started, -1, ended, Exchange.TIMEOUT, 0, "timeout", null,
                    null, false);
        }
        if (reported.reply() == null) {
            return new Exchange(reported.taskId(), intended, started, -1, ended, Exchange.ERROR, 0,
                    reported.errorClass(), null, null, false);
        }
        SutReply reply = reported.reply();
        long firstByte = reply.firstByteNanos() > 0 ? reply.firstByteNanos() - base : -1;
        SutRequest request = new SutRequest(reported.taskId(), task == null ? "" : task.prompt(), stream, timeout);
        return TimedExchange.ofReply(request, reply, intended, started, firstByte, ended);
    }
}
