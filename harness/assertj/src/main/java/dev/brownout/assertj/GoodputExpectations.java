package dev.brownout.assertj;

import dev.brownout.reports.Estimate;
import dev.brownout.reports.Goodput;
import dev.brownout.reports.format.Figures;

/**
 * The goodput loss assertion a run and a phase share: the failure message (without the report line) when the loss
 * is not below its threshold or is missing, null when it holds. Laid out as {@link FigureExpectations} lays out
 * the others, the figure quoted with its interval, the counts it comes from and the baseline tasks never sent.
 */
final class GoodputExpectations {

    private GoodputExpectations() {
    }

    /**
     * @param of          whose figure, e.g. {@code run of oauth-outage against litellm}
     * @param hadBaseline whether the run was compared with a baseline at all
     * @param span        what the seconds cover, for a missing figure's reason: {@code the run} or {@code the phase}
     */
    static String goodputLossBelow(String of, Goodput goodput, boolean hadBaseline, String span, double max) {
        String threshold = Figures.percent(max);
        Estimate loss = goodput == null ? null : goodput.loss();
        if (loss == null) {
            return "\nExpecting goodput loss of " + of + " to be below " + threshold + ", but it has no goodput loss: "
                    + missing(goodput, hadBaseline, span);
        }
        if (loss.value() < max) {
            return null;
        }
        return FigureExpectations.expecting("goodput loss of " + of, quoted(goodput, loss, max), "to be below", threshold);
    }

    private static String quoted(Goodput goodput, Estimate loss, double max) {
        StringBuilder text = new StringBuilder(FigureText.percent(loss.value(), max));
        text.append(" (");
        if (loss.low() != null && loss.high() != null) {
            text.append("95% CI ").append(FigureText.percent(loss.low(), max)).append(" to ")
                    .append(FigureText.percent(loss.high(), max)).append("; ");
        }
        text.append(Figures.count(goodput.correct())).append(" correct answers in ").append(Figures.seconds(goodput.seconds()))
                .append(" against ").append(Figures.count(goodput.baselineCorrect())).append(" in ")
                .append(Figures.seconds(goodput.baselineSeconds()));
        if (goodput.unsentBaselineTasks() > 0) {
            text.append("; ").append(Figures.count(goodput.unsentBaselineTasks())).append(" of ")
                    .append(Figures.count(goodput.baselineTasks() == null ? goodput.unsentBaselineTasks()
                            : goodput.baselineTasks()))
                    .append(" baseline tasks never sent");
        }
        return text.append(')').toString();
    }

    private static String missing(Goodput goodput, boolean hadBaseline, String span) {
        if (!hadBaseline) {
            return "the run had no baseline (baseline mode none), and goodput loss is measured against one; run with a"
                    + " baseline";
        }
        if (goodput == null) {
            return "the result was written before goodput was measured";
        }
        if (goodput.baselineCorrect() == null) {
            return "it was not compared with a baseline";
        }
        if (goodput.seconds() == 0) {
            return span + " never played, so it has no rate of correct answers";
        }
        return "the baseline had no correct answer in " + span + ", so there is no rate to lose against";
    }
}
