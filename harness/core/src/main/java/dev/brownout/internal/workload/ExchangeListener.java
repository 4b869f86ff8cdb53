package dev.brownout.internal.workload;

/**
 * Told of every exchange as soon as it ends, from the exchange's own thread, so a run can show progress and
 * write what it measured as it goes: a run that is killed keeps everything up to its last exchange.
 */
@FunctionalInterface
public interface ExchangeListener {

    ExchangeListener NONE = exchange -> { };

    /**
     * Must be thread-safe and quick. An exception here stops the driver: it sends nothing more, and its
     * {@link DriverRun} is not completed and carries the exception.
     */
    void ended(Exchange exchange);
}
