package dev.brownout.reports.html;

import dev.brownout.reports.Estimate;
import dev.brownout.reports.Goodput;
import dev.brownout.reports.PhaseResult;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.format.Figures;

import java.util.Map;

/**
 * What the page shows of goodput: the headline figure beside IQ loss, in front of it when the run left baseline
 * tasks unsent (IQ loss does not count them), and each phase's loss.
 */
final class GoodputView {

    /** Above this the figure is marked bad, as IQ loss is. */
    private static final double HIGH = 0.05;

    private GoodputView() {
    }

    /**
     * The headline figure: {@code known} (the result measured goodput at all), {@code first} (it leads, before IQ
     * loss), {@code loss}, {@code detail}, {@code high}, and {@code iqLossNote}, what the IQ loss figure must add.
     */
    static Map<String, Object> headline(RunResult result, boolean hasBaseline) {
        Goodput goodput = result.quality() == null ? null : result.quality().goodput();
        if (goodput == null) {
            return ReportView.map("known", false, "first", false);
        }
        Estimate loss = goodput.loss();
        String lossText;
        String detail;
        if (loss != null) {
            lossText = Format.percent(loss.value());
            detail = (loss.low() != null && loss.high() != null
                    ? "95% interval " + Format.percent(loss.low()) + " to " + Format.percent(loss.high())
                    : "interval unknown") + "; " + rates(goodput);
        } else if (!hasBaseline || goodput.baselineCorrect() == null) {
            lossText = "unknown — no baseline";
            detail = "goodput loss needs a fault-free baseline run";
        } else {
            lossText = "unknown";
            detail = goodput.seconds() == 0 ? "the run played no time" : "the baseline had no correct answer";
        }
        boolean unsent = goodput.unsentBaselineTasks() > 0;
        String unsentText = unsent ? unsent(goodput) : null;
        return ReportView.map("known", true, "first", unsent, "loss", lossText, "detail", detail,
                "unsent", unsentText, "high", loss != null && loss.value() > HIGH,
                "iqLossNote", unsent ? "over the tasks both runs sent; the " + Format.count(goodput.unsentBaselineTasks())
                        + " never sent are not in it" : null);
    }

    /** A phase's goodput loss, its interval and the baseline tasks it left unsent, for its table row. */
    static Map<String, Object> phase(PhaseResult phase) {
        Goodput goodput = phase.goodput();
        Estimate loss = goodput == null ? null : goodput.loss();
        return ReportView.map(
                "goodputLoss", loss == null ? Format.NONE : Format.percent(loss.value()),
                "goodputInterval", loss == null || loss.low() == null || loss.high() == null ? ""
                        : Format.percent(loss.low()) + " to " + Format.percent(loss.high()),
                "goodputUnsent", goodput == null || goodput.unsentBaselineTasks() == 0 ? ""
                        : Format.count(goodput.unsentBaselineTasks()) + " not sent");
    }

    /** Whether any phase of the result measured goodput, so the table has the column. */
    static boolean anyPhase(RunResult result) {
        return result.phases().stream().anyMatch(phase -> phase.goodput() != null);
    }

    private static String rates(Goodput goodput) {
        return Format.count(goodput.correct()) + " correct answers in " + Figures.seconds(goodput.seconds())
                + ", baseline " + Format.count(goodput.baselineCorrect()) + " in " + Figures.seconds(goodput.baselineSeconds());
    }

    private static String unsent(Goodput goodput) {
        long of = goodput.baselineTasks() == null ? goodput.unsentBaselineTasks() : goodput.baselineTasks();
        return Format.count(goodput.unsentBaselineTasks()) + " of " + Format.count(of)
                + " baseline tasks were never sent";
    }
}
