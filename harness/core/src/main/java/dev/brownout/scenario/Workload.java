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
 */
public record Workload(String tasks, int difficulty, Rate rate, Integer concurrency, Duration ramp,
                       Duration duration, boolean stream, Duration timeout) {

    public static final int DEFAULT_DIFFICULTY = 1;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public Workload {
        ramp = ramp == null ? Duration.ZERO : ramp;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** True for a canary suite, false for a task file. */
    public boolean canary() {
        return tasks.startsWith("canary-") && !tasks.endsWith(".jsonl");
    }

    Workload loadScaled(double factor) {
        return new Workload(tasks, difficulty, rate == null ? null : rate.loadScaled(factor),
                concurrency == null ? null : (int) LoadScale.amount(concurrency, factor), ramp, duration, stream, timeout);
    }

    Workload withTasks(String newTasks) {
        return new Workload(newTasks, difficulty, rate, concurrency, ramp, duration, stream, timeout);
    }

    Workload scaled(double factor) {
        return new Workload(tasks, difficulty, rate == null ? null : rate.scaled(factor), concurrency,
                TimeScale.time(ramp, factor), TimeScale.time(duration, factor), stream,
                TimeScale.time(timeout, factor));
    }
}
