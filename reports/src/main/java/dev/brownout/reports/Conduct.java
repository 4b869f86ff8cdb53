package dev.brownout.reports;

import java.util.List;

/**
 * The conduct checks the scenario declares and the verdict they give.
 *
 * @param verdict the checks' verdict; null when no phase of the scenario was played (the SUT or the world never
 *                started, or a baseline failed first), since there was no conduct to judge
 * @param checks  every declared check's result; empty when there is no verdict
 */
public record Conduct(Verdict verdict, List<CheckResult> checks) {

    /** What reports show in place of a verdict the result does not have. */
    public static final String NO_VERDICT = "no verdict: the run never started";

    public Conduct {
        checks = List.copyOf(checks);
    }

    /** The conduct of a run in which no phase was played: no verdict and no check judged. */
    public static Conduct neverStarted() {
        return new Conduct(null, List.of());
    }

    /** Whether the run's conduct was judged at all; false for a run that never started. */
    public boolean judged() {
        return verdict != null;
    }
}
