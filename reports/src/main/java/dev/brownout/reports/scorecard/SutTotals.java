package dev.brownout.reports.scorecard;

import java.util.List;

/**
 * How one SUT's cells came out.
 *
 * @param notApplicable    cells whose every check was n/a for this SUT (counted here, not under their verdict)
 * @param noVerdict        cells whose run never started or played no phase
 * @param requiredFailures required cells that failed or have no verdict
 */
public record SutTotals(String sut, int pass, int partial, int safe, int fail, int notApplicable, int noVerdict,
                        int requiredFailures) {

    /** The totals of {@code cells}, all of {@code sut}. */
    public static SutTotals of(String sut, List<ScorecardCell> cells) {
        int[] counts = new int[6];
        int required = 0;
        for (ScorecardCell cell : cells) {
            switch (cell.mark()) {
                case "pass" -> counts[0]++;
                case "partial" -> counts[1]++;
                case "safe" -> counts[2]++;
                case "fail" -> counts[3]++;
                case "n/a" -> counts[4]++;
                default -> counts[5]++;
            }
            required += cell.requiredFailure() ? 1 : 0;
        }
        return new SutTotals(sut, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], required);
    }
}
