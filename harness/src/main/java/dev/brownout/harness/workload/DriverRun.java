package dev.brownout.harness.workload;

import java.time.Instant;
import java.util.List;

/** The result of a driver run: when it started and every exchange, in order of intended send time. */
public record DriverRun(Instant start, List<Exchange> exchanges) {
}
