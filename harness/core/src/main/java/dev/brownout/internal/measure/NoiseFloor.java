package dev.brownout.internal.measure;

import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.reports.Estimate;

import java.util.List;

/**
 * The IQ loss of pure nondeterminism: two fault-free baseline runs of the same scenario and seed compared with
 * each other. An IQ loss below it is noise.
 */
public final class NoiseFloor {

    private NoiseFloor() {
    }

    /**
     * |IQ loss| of {@code other} against {@code baseline}, paired by task id (aborted exchanges and tasks only
     * one run has left out); null when it cannot be known (no pair, or a baseline quality of 0).
     */
    public static Double between(List<ExchangeRecord> baseline, List<ExchangeRecord> other) {
        Estimate loss = IqLoss.of(PairedTasks.of(other, baseline).pairs());
        return loss == null ? null : Math.abs(loss.value());
    }
}
