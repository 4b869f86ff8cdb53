package dev.brownout.internal.measure;

import dev.brownout.internal.record.ExchangeRecord;

/**
 * The same task as the chaos run and the baseline run played it: the baseline plays the same scenario with the
 * same seed, so the task was due at the same intended time in both.
 */
record TaskPair(ExchangeRecord chaos, ExchangeRecord baseline) {

    /** What the users lost on this task: the baseline's score minus the chaos run's (negative for a gain). */
    double lost() {
        return baseline.score() - chaos.score();
    }
}
