package dev.brownout;

import dev.brownout.internal.run.ExternalPopulation;
import dev.brownout.internal.tasks.Task;

import java.util.Objects;

/**
 * One population of a {@link LoadRun}: the {@code measured} one the fault timeline plays under, or the
 * {@code baseline} one played first with the timeline held clean. It hands out the scenario's graded tasks in their
 * deterministic order and takes back what the load tool saw of each exchange. Every method is safe from any thread
 * and cheap enough for a load tool's event loop: recording only enqueues.
 */
public final class LoadPopulation {

    private final ExternalPopulation population;

    LoadPopulation(ExternalPopulation population) {
        this.population = population;
    }

    /** {@code baseline} or {@code measured}. */
    public String name() {
        return population.name();
    }

    /**
     * The next graded task; the first call {@linkplain #begin() begins} the population. Its {@link LoadTask#takenNanos()}
     * is now: the exchange's intended send time, from which its latency and its budget count.
     */
    public LoadTask nextTask() {
        Task task = population.nextTask();
        return new LoadTask(task, population.name(), population.stream(), population.timeout(), System.nanoTime());
    }

    /**
     * Marks this population's origin, once: the instant its first user arrived, from which its exchanges' times count.
     * For the measured population the fault timeline starts here: its first phase is set before this returns (a few
     * milliseconds, once) and the others follow at their offsets from this instant; the baseline population, if it
     * was still running, ends here. Later calls do nothing.
     */
    public void begin() {
        population.begin();
    }

    /** Whether the population has begun. */
    public boolean begun() {
        return population.begun();
    }

    /**
     * Hands over one finished exchange; never blocks. A recorder thread grades it and appends it to the population's
     * {@code exchanges.jsonl} exactly as {@code brownout run} does. Exchanges handed over after the run finished are
     * counted in the result's warnings, not measured.
     *
     * @throws IllegalArgumentException for an exchange of the other population's task
     */
    public void record(LoadExchange exchange) {
        Objects.requireNonNull(exchange, "an exchange");
        if (!exchange.task().population().equals(population.name())) {
            throw new IllegalArgumentException("task " + exchange.task().id() + " was handed out by the "
                    + exchange.task().population() + " population; record it there, not in the " + name() + " one");
        }
        population.record(new ExternalPopulation.Reported(exchange.task().id(), exchange.task().takenNanos(),
                exchange.startedNanos(), exchange.endedNanos(), exchange.reply(), exchange.errorClass()));
    }

    /** Exchanges graded and written so far. */
    public long recorded() {
        return population.recorded();
    }

    @Override
    public String toString() {
        return name() + " population";
    }
}
