package dev.brownout.cli;

import dev.brownout.reports.Conduct;
import dev.brownout.reports.Estimate;
import dev.brownout.reports.Latency;
import dev.brownout.reports.PhaseResult;
import dev.brownout.reports.PhaseVerdict;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.format.Figures;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The table a measured run ends with: the conduct verdict with its reason and each faulted phase's verdict, the
 * headline figures, then each phase, then where it all is. Figures are
 * written by the reports' {@link Figures}, so they read as in summary.md and report.html; {@code -} marks one the
 * run could not give.
 */
final class ResultSummary {

    private static final String NONE = "-";
    private static final String ROW = "%-18s %6s %8s %9s %8s %9s %9s %9s%n";

    private ResultSummary() {
    }

    static void print(RunResult result, java.nio.file.Path folder, PrintWriter out) {
        out.println();
        out.println(result.scenario().name() + " against " + result.sut().name() + " (seed " + result.scenario().seed()
                + ", time scale " + result.scenario().timeScale()
                + (result.scenario().loadScale() == 1 ? "" : ", load scale " + result.scenario().loadScale())
                + ", baseline " + result.baseline().mode().label() + ")");
        if (result.world() != null) {
            result.world().notice().ifPresent(notice -> out.println("  WORLD BEHIND SCHEDULE: " + notice));
        }
        out.printf(Locale.ROOT, "  verdict           %s%n",
                result.conduct().judged() ? result.conduct().verdict().label() : Conduct.NO_VERDICT);
        if (result.conduct().judged() && result.conduct().reason() != null) {
            out.printf(Locale.ROOT, "    because %s%n", result.conduct().reason());
        }
        for (PhaseVerdict phase : result.conduct().phases()) {
            out.printf(Locale.ROOT, "    %-15s %s%n", phase.phase(), phase.verdict() == null ? NONE : phase.verdict().label());
        }
        if (GoodputLines.leads(result)) {
            GoodputLines.print(result, out);
        }
        out.printf(Locale.ROOT, "  IQ loss           %s%s%n", estimate(result.quality().iqLoss()),
                result.quality().iqLoss() == null ? "" : GoodputLines.iqLossNote(result));
        if (result.quality().noiseFloor() != null) {
            out.printf(Locale.ROOT, "  noise floor       %s%n", percent(result.quality().noiseFloor()));
        }
        if (result.attribution() != null && result.quality().iqLoss() != null) {
            var a = result.attribution();
            out.printf(Locale.ROOT, "    errors %s, timeouts %s, downgrade %s, degraded %s, other %s%n", percent(a.error()),
                    percent(a.timeout()), percent(a.downgrade()), percent(a.degraded()), percent(a.other()));
        }
        if (!GoodputLines.leads(result)) {
            GoodputLines.print(result, out);
        }
        out.printf(Locale.ROOT, "  quality           %s (baseline %s)%n", score(result.quality().score()),
                score(result.quality().baselineScore()));
        out.printf(Locale.ROOT, "  availability      %s%n", percent(result.summary().availability()));
        out.printf(Locale.ROOT, "  latency           %s%n", latency(result.summary().latency()));
        out.printf(Locale.ROOT, "  time to 1st token %s%n", latency(result.summary().ttft()));
        out.printf(Locale.ROOT, "  cost              %s, amplification %s, wasted %s%n", Figures.usd(result.cost().totalUsd()),
                result.cost().amplification() == null ? "unknown" : Figures.ratio(result.cost().amplification()),
                Figures.usd(result.cost().wastedUsd()));
        out.printf(Locale.ROOT, "  security findings %s%n", Figures.count(result.security().count()));
        result.failover().forEach(f -> out.printf(Locale.ROOT, "  %-17s time to failover %s, to recover %s%n", f.phase(),
                millis(f.timeToFailoverMs()), millis(f.timeToRecoverMs())));
        out.printf(Locale.ROOT, ROW, "phase", "sent", "answered", "quality", "baseline", "IQ loss", "p50", "p99");
        for (PhaseResult phase : result.phases()) {
            out.printf(Locale.ROOT, ROW, phase.name(), Figures.count(phase.exchanges()), Figures.count(phase.answered()),
                    score(phase.quality()), score(phase.baselineQuality()), phase.iqLoss() == null ? "-" : percent(phase.iqLoss().value()),
                    millis(phase.latency().p50Ms()), millis(phase.latency().p99Ms()));
        }
        if (result.world() != null && result.world().worstP99Ms() != null) {
            out.printf(Locale.ROOT, "  world lateness    p99 %s (bound %s)%s%n", millis(result.world().worstP99Ms()),
                    millis(result.world().boundMs()), result.world().behind() ? ": BEHIND" : "");
        }
        out.println(result.completed() ? "complete" : "INCOMPLETE: " + result.stopReason());
        result.warnings().forEach(warning -> out.println("warning: " + warning));
        out.println("run folder: " + folder);
        out.flush();
    }

    private static String estimate(Estimate estimate) {
        if (estimate == null) {
            return "unknown (no baseline)";
        }
        String interval = estimate.low() == null ? "" : " (95% CI " + percent(estimate.low()) + " to " + percent(estimate.high()) + ")";
        return percent(estimate.value()) + interval;
    }

    private static String latency(Latency latency) {
        return latency.count() == 0 ? "-" : "p50 " + millis(latency.p50Ms()) + ", p90 " + millis(latency.p90Ms())
                + ", p99 " + millis(latency.p99Ms()) + ", max " + millis(latency.maxMs());
    }

    static String percent(Double share) {
        return share == null ? NONE : Figures.percent(share);
    }

    private static String score(Double score) {
        return score == null ? NONE : Figures.score(score);
    }

    private static String millis(Number ms) {
        return ms == null ? NONE : Figures.millis(ms.doubleValue());
    }
}
