package dev.brownout.cli;

import dev.brownout.reports.Goodput;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.format.Figures;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The run summary's goodput line: before IQ loss when the run left baseline tasks unsent (IQ loss does not count
 * them, so it must not lead alone), after it otherwise.
 */
final class GoodputLines {

    private GoodputLines() {
    }

    /** Whether goodput leads the summary: the run left some of the baseline's tasks unsent. */
    static boolean leads(RunResult result) {
        Goodput goodput = goodput(result);
        return goodput != null && goodput.unsentBaselineTasks() > 0;
    }

    /** What the IQ loss line adds when goodput leads. */
    static String iqLossNote(RunResult result) {
        return leads(result) ? " over the tasks both runs sent" : "";
    }

    /** Prints the goodput loss line, when the result measured goodput. */
    static void print(RunResult result, PrintWriter out) {
        Goodput goodput = goodput(result);
        if (goodput == null) {
            return;
        }
        String loss = goodput.loss() == null ? "unknown" + (goodput.baselineCorrect() == null ? " (no baseline)" : "")
                : Figures.percent(goodput.loss().value()) + (goodput.loss().low() == null ? ""
                        : " (95% CI " + Figures.percent(goodput.loss().low()) + " to "
                        + Figures.percent(goodput.loss().high()) + ")");
        String unsent = goodput.unsentBaselineTasks() == 0 ? "" : "; " + Figures.count(goodput.unsentBaselineTasks())
                + " of " + Figures.count(goodput.baselineTasks() == null ? goodput.unsentBaselineTasks()
                : goodput.baselineTasks()) + " baseline tasks never sent";
        out.printf(Locale.ROOT, "  goodput loss      %s%s%n", loss, unsent);
    }

    private static Goodput goodput(RunResult result) {
        return result.quality() == null ? null : result.quality().goodput();
    }
}
