package dev.brownout.internal.measure;

import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.workload.Exchange;

import java.util.List;

/**
 * Counts and means over a set of exchanges, aborted ones left out.
 *
 * @param exchanges the exchanges that were not aborted
 * @param correct   those graded 1
 * @param scoreSum  the sum of their grades
 */
record ExchangeCounts(long exchanges, long answered, long errors, long timeouts, long truncated, long correct,
                      double scoreSum) {

    static ExchangeCounts of(List<ExchangeRecord> records) {
        long exchanges = 0;
        long answered = 0;
        long errors = 0;
        long timeouts = 0;
        long truncated = 0;
        long correct = 0;
        double scoreSum = 0;
        for (ExchangeRecord record : records) {
            if (PairedTasks.aborted(record)) {
                continue;
            }
            exchanges++;
            switch (record.outcome()) {
                case Exchange.ANSWERED -> answered++;
                case Exchange.TIMEOUT -> timeouts++;
                default -> errors++;
            }
            if (record.truncated()) {
                truncated++;
            }
            if (record.score() >= 1.0) {
                correct++;
            }
            scoreSum += record.score();
        }
        return new ExchangeCounts(exchanges, answered, errors, timeouts, truncated, correct, scoreSum);
    }

    /** Answered / exchanges; null when there were none. */
    Double availability() {
        return exchanges == 0 ? null : (double) answered / exchanges;
    }

    /** Q, the mean grade; null when there were none. */
    Double quality() {
        return exchanges == 0 ? null : scoreSum / exchanges;
    }
}
