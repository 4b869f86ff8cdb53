package dev.brownout;

import dev.brownout.internal.tasks.Task;
import dev.brownout.internal.workload.ReplyCompleteness;
import dev.brownout.sut.SutReply;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One graded task handed to a load tool by a {@link LoadPopulation}: its prompt carries
 * {@code [brownout-task <id>]}, so every call the SUT makes for it joins the providers' ledgers. Immutable.
 */
public final class LoadTask {

    private final Task task;
    private final String population;
    private final boolean stream;
    private final Duration timeout;
    private final long takenNanos;

    LoadTask(Task task, String population, boolean stream, Duration timeout, long takenNanos) {
        this.task = task;
        this.population = population;
        this.stream = stream;
        this.timeout = timeout;
        this.takenNanos = takenNanos;
    }

    /** The task's id, e.g. {@code t-000042}. */
    public String id() {
        return task.id();
    }

    /** The prompt to send, marker included. */
    public String prompt() {
        return task.prompt();
    }

    /** The task's kind, e.g. {@code canary-arithmetic}. */
    public String kind() {
        return task.kind();
    }

    /** Whether the scenario's workload streams its answers. */
    public boolean stream() {
        return stream;
    }

    /** The task's budget: an exchange that ends later counts as a timeout, as {@code brownout run}'s driver abandons it. */
    public Duration timeout() {
        return timeout;
    }

    /** {@code System.nanoTime()} when the task was handed out: the exchange's intended send time. */
    public long takenNanos() {
        return takenNanos;
    }

    /** {@code baseline} or {@code measured}. */
    public String population() {
        return population;
    }

    /** The task's grade for {@code answer}: 1.0 right, 0.0 wrong, in between for partial credit. */
    public double score(String answer) {
        return answer == null ? 0 : task.score(answer);
    }

    /**
     * Why a successful reply to this task is incomplete as far as the reply itself shows — no finish reason, a token
     * limit's, a stream that ended without its terminator and without usage, a canary answer without its final
     * line — or empty when nothing in it says so. The same rule {@code brownout run} applies; after the run the
     * measurement also consults the providers' ledgers (an upstream call that was cut).
     */
    public Optional<String> truncation(SutReply reply) {
        Objects.requireNonNull(reply, "a reply");
        return Optional.ofNullable(ReplyCompleteness.incompleteness(reply, task.prompt()));
    }

    @Override
    public String toString() {
        return id() + " (" + population + ")";
    }
}
