package dev.brownout.reports.gate;

import dev.brownout.reports.RunResult;

import java.util.List;

/**
 * Every gate of a run, judged, in the order they were given.
 *
 * @param bound which figure gates with an interval were judged on
 */
public record GateReport(Bound bound, List<GateOutcome> outcomes) {

    public GateReport {
        outcomes = List.copyOf(outcomes);
    }

    /** Whether every gate passed; true when there were none. */
    public boolean passed() {
        return outcomes.stream().allMatch(GateOutcome::passed);
    }

    /** The gates that failed or could not be judged. */
    public List<GateOutcome> failures() {
        return outcomes.stream().filter(outcome -> !outcome.passed()).toList();
    }

    /**
     * What CI should make of the run: {@link GateVerdict#INCOMPLETE} when it did not complete (its figures cover
     * only part of the scenario), else {@link GateVerdict#FAIL} when a gate failed or was unknown, else
     * {@link GateVerdict#PASS}.
     */
    public GateVerdict verdict(RunResult result) {
        if (!result.completed()) {
            return GateVerdict.INCOMPLETE;
        }
        return passed() ? GateVerdict.PASS : GateVerdict.FAIL;
    }
}
