package dev.brownout.reports;

/**
 * Graded answer quality: the mean score (0 to 1) of the exchanges, and what the users lost against the
 * fault-free baseline.
 *
 * @param score         Q of this run
 * @param baselineScore Q of the baseline, or null without one
 * @param iqLoss        1 - Q / Q_baseline, paired per task, with its interval; null without a baseline
 * @param noiseFloor    the IQ loss of a baseline against another baseline, when measured; null otherwise
 * @param goodput       correct answers per second against the baseline's, and the goodput loss; null in a result
 *                      that did not measure it
 */
public record Quality(Double score, Double baselineScore, Estimate iqLoss, Double noiseFloor, Goodput goodput) {

    /** A quality without goodput figures. */
    public Quality(Double score, Double baselineScore, Estimate iqLoss, Double noiseFloor) {
        this(score, baselineScore, iqLoss, noiseFloor, null);
    }
}
