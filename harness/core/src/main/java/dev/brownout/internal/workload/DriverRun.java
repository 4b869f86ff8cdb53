package dev.brownout.internal.workload;

import java.time.Instant;
import java.util.List;

/**
 * The result of a driver run: when it started and every exchange, in order of intended send time.
 *
 * @param completed       false when the run was stopped before its schedule ended; the exchanges are then what
 *                        was measured until the stop, those in flight recorded as {@link Exchange#ABORTED}
 * @param listenerFailure the first exception the exchange listener threw, or null; it stopped the run, which is then
 *                        not completed
 * @param unrecorded      how many exchanges the listener threw on; they are in {@code exchanges} all the same
 */
public record DriverRun(Instant start, List<Exchange> exchanges, boolean completed, Throwable listenerFailure,
                        long unrecorded) {

    public DriverRun {
        exchanges = List.copyOf(exchanges);
    }

    public DriverRun(Instant start, List<Exchange> exchanges) {
        this(start, exchanges, true, null, 0);
    }

    /** The run as the driver ended it, with what its listener failed on. */
    static DriverRun ended(Instant start, List<Exchange> exchanges, boolean completed, ListenerFailure failure) {
        return new DriverRun(start, exchanges, completed && !failure.happened(), failure.first(), failure.exchanges());
    }
}
