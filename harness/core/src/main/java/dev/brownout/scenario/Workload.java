package dev.brownout.scenario;

import java.time.Duration;

/**
 * The graded tasks sent to the system under test while the timeline plays.
 *
 * @param tasks       a canary suite ({@code canary-arithmetic} ...) or a path to a JSONL task file
 * @param difficulty  canary difficulty, 1 (easiest) to 9
 * @param rate        open model: arrivals per unit of time; null when {@code concurrency} is set
 * @param concurrency closed model: this many agents; null when {@code rate} is set
 * @param ramp        time over which the load rises from zero to full; zero for none
 * @param duration    length of the run; every phase starts inside it
 * @param stream      whether the SUT is asked for streamed answers
 * @param timeout     how long one task may take before it counts as a timeout
 * @param pace        closed model only: the least time between the starts of one agent's consecutive tasks (an
 *                    agent whose task ended sooner waits the rest); null for none, each agent sending at once
 */
public record Workload(String tasks, int difficulty, Rate rate, Integer concurrency, Duration ramp,
                       Duration duration, boolean stream, Duration timeout, Duration pace) {

    public static final int DEFAULT_DIFFICULTY = 1;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public Workload {
        ramp = ramp == null ? Duration.ZERO : ramp;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** A workload without pacing. */
    public Workload(String tasks, int difficulty, Rate rate, Integer concurrency, Duration ramp, Duration duration,
                    boolean stream, Duration timeout) {
        this(tasks, difficulty, rate, concurrency, ramp, duration, stream, timeout, null);
    }

    /** True for a canary suite, false for a task file. */
    public boolean canary() {
        return tasks.startsWith("canary-") && !tasks.endsWith(".jsonl");
    }

    Workload loadScaled(double factor) {
        return new Workload(tasks, difficulty, rate == null ? null : rate.loadScaled(factor),
                concurrency == null ? null : (int) LoadScale.amount(concurrency, factor), ramp, duration, stream, timeout,
                pace);
    }

    Workload withTasks(String newTasks) {
        return new Workload(newTasks, difficulty, rate, concurrency, ramp, duration, stream, timeout, pace);
    }

    Workload scaled(double factor) {
        return new Workload(tasks, difficulty, rate == null ? null : rate.scaled(factor), concurrency,
                TimeScale.time(ramp, factor), TimeScale.time(duration, factor), stream,
                TimeScale.time(timeout, factor), TimeScale.time(pace, factor));
    }
}
