package dev.brownout.internal.workload;

import java.time.Instant;
import java.util.List;

/**
 * The result of a driver run: when it started and every exchange, in order of intended send time.
 *
 * @param completed false when the run was stopped before its schedule ended; the exchanges are then what
 *                  was measured until the stop, those in flight recorded as {@link Exchange#ABORTED}
 */
public record DriverRun(Instant start, List<Exchange> exchanges, boolean completed) {

    public DriverRun {
        exchanges = List.copyOf(exchanges);
    }

    public DriverRun(Instant start, List<Exchange> exchanges) {
        this(start, exchanges, true);
    }
}
