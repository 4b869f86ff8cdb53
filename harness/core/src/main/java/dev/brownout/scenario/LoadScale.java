package dev.brownout.scenario;

/** The arithmetic of {@link Scenario#loadScaled(double)}: amounts of load and of shared quota, times the factor. */
final class LoadScale {

    private LoadScale() {
    }

    static void check(double factor) {
        if (!(factor > 0) || factor > 1) {
            throw new IllegalArgumentException("a load scale must be a number > 0 and at most 1, e.g. 0.25; was " + factor);
        }
    }

    /** An amount of load or quota: times the factor, never below 1 unless it was 0 (0 means none, or no limit). */
    static long amount(long amount, double factor) {
        return amount == 0 ? 0 : Math.max(1, Math.round(amount * factor));
    }
}
