package dev.brownout.reports;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.util.List;

/**
 * The conduct checks the scenario declares and the verdict they give.
 *
 * @param verdict the checks' verdict; null when no phase of the scenario was played (the SUT or the world never
 *                started, or a baseline failed first), since there was no conduct to judge
 * @param checks  every declared check's result; empty when there is no verdict
 * @param reason  one sentence on why the verdict is what it is: the phase or check that decided it; null only in a
 *                result written before reasons were recorded
 * @param phases  the verdict on each faulted phase, in timeline order; empty when no phase was played, or in a
 *                result written before phases were judged
 */
public record Conduct(Verdict verdict, List<CheckResult> checks, String reason,
                      // absent from results written before phases were judged: read as none rather than refused
                      @JsonSetter(nulls = Nulls.AS_EMPTY) List<PhaseVerdict> phases) {

    /** What reports show in place of a verdict the result does not have. */
    public static final String NO_VERDICT = "no verdict: the run never started";

    public Conduct {
        checks = List.copyOf(checks);
        phases = phases == null ? List.of() : List.copyOf(phases);
    }

    /** A verdict with no reason and no phase verdicts recorded. */
    public Conduct(Verdict verdict, List<CheckResult> checks) {
        this(verdict, checks, null, List.of());
    }

    /** The conduct of a run in which no phase was played: no verdict and no check judged. */
    public static Conduct neverStarted() {
        return new Conduct(null, List.of(), "no phase of the scenario was played, so there was no conduct to judge",
                List.of());
    }

    /** Whether the run's conduct was judged at all; false for a run that never started. */
    public boolean judged() {
        return verdict != null;
    }
}
