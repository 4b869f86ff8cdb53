package dev.brownout.reports.gate;

/**
 * What a result says for one gate metric, in the gate's stored unit.
 *
 * @param low              the lower end of the value's 95% interval, or null without one
 * @param high             the upper end likewise
 * @param intervalExpected the metric comes with an interval, so judging without one is worth saying
 * @param where            which part of the run the value is from, for the message, or empty
 * @param missing          why there is no value, or null when there is one
 * @param failsOutright    the absence is itself the failure (never failed over), not missing data
 */
record Reading(double value, Double low, Double high, boolean intervalExpected, String where, String missing,
               boolean failsOutright) {

    static Reading of(double value) {
        return new Reading(value, null, null, false, "", null, false);
    }

    static Reading missing(String why) {
        return new Reading(0, null, null, false, "", why, false);
    }

    boolean hasInterval() {
        return low != null && high != null;
    }
}
