package dev.brownout.reports.compare;

import dev.brownout.reports.Estimate;
import dev.brownout.reports.Goodput;
import dev.brownout.reports.compare.ChangeRules.Interval;

import java.util.ArrayList;
import java.util.List;

/**
 * The goodput loss change of two runs (or of a phase in both), placed right after IQ loss. Results written before
 * goodput was measured have none; when neither run has it the comparison leaves the row out rather than show a
 * figure nobody measured.
 */
final class GoodputChanges {

    private GoodputChanges() {
    }

    /** {@code changes} with goodput loss after IQ loss (or last, without IQ loss); as they are when neither run has it. */
    static List<MetricChange> beside(List<MetricChange> changes, Goodput before, Goodput after) {
        if (before == null && after == null) {
            return changes;
        }
        Estimate lossBefore = before == null ? null : before.loss();
        Estimate lossAfter = after == null ? null : after.loss();
        MetricChange change = ChangeRules.graded(Metric.GOODPUT_LOSS, value(lossBefore), interval(lossBefore),
                value(lossAfter), interval(lossAfter), null);
        List<MetricChange> with = new ArrayList<>(changes);
        int iqLoss = -1;
        for (int i = 0; i < with.size(); i++) {
            if (with.get(i).metric() == Metric.IQ_LOSS) {
                iqLoss = i;
            }
        }
        with.add(iqLoss < 0 ? with.size() : iqLoss + 1, change);
        return List.copyOf(with);
    }

    private static Double value(Estimate estimate) {
        return estimate == null ? null : estimate.value();
    }

    private static Interval interval(Estimate estimate) {
        return estimate == null ? Interval.NONE : new Interval(estimate.low(), estimate.high());
    }
}
