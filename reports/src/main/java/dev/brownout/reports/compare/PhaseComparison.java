package dev.brownout.reports.compare;

import java.util.List;

/**
 * A phase present in both runs, compared on {@link Metric#QUALITY}, {@link Metric#IQ_LOSS},
 * {@link Metric#AVAILABILITY} and {@link Metric#P99_LATENCY}, in that order.
 */
public record PhaseComparison(String phase, List<MetricChange> changes) {

    public PhaseComparison {
        changes = List.copyOf(changes);
    }
}
