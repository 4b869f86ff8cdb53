package dev.brownout.reports.gate;

import dev.brownout.reports.Estimate;
import dev.brownout.reports.Goodput;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.format.Figures;

/** How the gates read goodput loss, and what they add to an IQ loss that leaves baseline tasks out. */
final class GoodputReading {

    private GoodputReading() {
    }

    static Reading goodputLoss(RunResult result, boolean noBaseline) {
        Goodput goodput = result.quality() == null ? null : result.quality().goodput();
        Estimate loss = goodput == null ? null : goodput.loss();
        if (loss != null) {
            return new Reading(loss.value(), loss.low(), loss.high(), true, "", null, false);
        }
        if (noBaseline) {
            return Reading.missing("the run had no baseline (baseline mode none), and goodput loss is measured against"
                    + " one; run with a baseline to gate on it");
        }
        if (goodput == null) {
            return Reading.missing("the result gives no goodput (it was written before goodput was measured)");
        }
        return Reading.missing(goodput.seconds() == 0 ? "the run played no time, so it has no rate of correct answers"
                : "the baseline had no correct answer, so there is no rate to lose against");
    }

    /**
     * For an IQ loss figure: how many baseline tasks the run never sent, which the figure leaves out; empty when
     * none were.
     */
    static String unsentNote(RunResult result) {
        Goodput goodput = result.quality() == null ? null : result.quality().goodput();
        if (goodput == null || goodput.unsentBaselineTasks() == 0) {
            return "";
        }
        long unsent = goodput.unsentBaselineTasks();
        return " (over the tasks both runs sent; " + Figures.count(unsent) + " of "
                + Figures.count(goodput.baselineTasks() == null ? unsent : goodput.baselineTasks())
                + " baseline tasks were never sent and are not in it: see goodput_loss)";
    }
}
