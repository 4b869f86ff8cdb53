package dev.brownout.reports.scorecard;

import dev.brownout.reports.Verdict;

import java.util.Objects;

/**
 * One scenario played against one SUT.
 *
 * @param verdict   the run's conduct verdict, or null when it has none (the run never started, or no phase played)
 * @param reason    why the verdict is what it is (the run's {@code conduct.reason}), or why there is none
 * @param required  whether the user marked this cell as required ({@code --require})
 * @param runFolder the cell's run folder, relative to the scorecard's folder
 * @param completed whether the run played its whole timeline; false for a run that ended early or never started
 * @param notApplicable true when every check the scenario declares was n/a for this SUT (it declares it lacks
 *                      what the scenario tests); counted as n/a in the totals instead of under its verdict
 * @param evidence  what the run showed; null when the run left nothing to read
 */
public record ScorecardCell(String scenario, String sut, Verdict verdict, String reason, boolean required,
                            String runFolder, boolean completed, boolean notApplicable, CellEvidence evidence) {

    public ScorecardCell {
        Objects.requireNonNull(scenario, "a cell's scenario");
        Objects.requireNonNull(sut, "a cell's SUT");
    }

    /** How reports mark it: {@code pass}, {@code partial}, {@code safe}, {@code fail}, {@code n/a} or {@code no verdict}. */
    public String mark() {
        if (verdict == null) {
            return "no verdict";
        }
        return notApplicable ? "n/a" : verdict.label();
    }

    /** A required cell that failed or has no verdict. */
    public boolean requiredFailure() {
        return required && (verdict == null || verdict == Verdict.FAIL);
    }

    /** This cell, required or not. */
    public ScorecardCell withRequired(boolean isRequired) {
        return new ScorecardCell(scenario, sut, verdict, reason, isRequired, runFolder, completed, notApplicable,
                evidence);
    }
}
