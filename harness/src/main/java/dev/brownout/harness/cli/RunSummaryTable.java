package dev.brownout.harness.cli;

import dev.brownout.harness.run.ExchangeTotals;
import dev.brownout.harness.run.PhaseTotals;
import dev.brownout.harness.run.RunRecord;

import java.io.PrintWriter;
import java.util.Locale;

/** The short table a run ends with: per phase, what was sent and what came back, then where it all is. */
final class RunSummaryTable {

    private static final String ROW = "%-18s %6s %8s %6s %8s %7s %7s %9s %9s%n";

    private RunSummaryTable() {
    }

    static void print(RunRecord record, PrintWriter out) {
        out.println();
        out.println(record.scenario() + " against " + record.sut() + " (seed " + record.seed()
                + ", time scale " + record.timeScale() + (record.loadScale() == 1 ? "" : ", load scale " + record.loadScale()) + ")");
        out.printf(Locale.ROOT, ROW, "phase", "sent", "answered", "errors", "timeouts", "correct", "quality", "p50", "p99");
        for (PhaseTotals phase : record.byPhase()) {
            row(out, phase.phase(), phase.totals());
        }
        row(out, "all", record.totals());
        if (record.completed()) {
            out.println("complete");
        } else {
            out.println("INCOMPLETE: " + record.stopReason());
        }
        record.warnings().forEach(warning -> out.println("warning: " + warning));
        out.println("run folder: " + record.folder());
        out.flush();
    }

    private static void row(PrintWriter out, String name, ExchangeTotals totals) {
        out.printf(Locale.ROOT, ROW, name, totals.sent(), totals.answered(), totals.errors(), totals.timeouts(),
                totals.correct(), percent(totals.meanScore()), millis(totals.latencyP50Ms()), millis(totals.latencyP99Ms()));
    }

    private static String percent(Double share) {
        return share == null ? "-" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String millis(Double ms) {
        if (ms == null) {
            return "-";
        }
        return ms >= 10_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000) : String.format(Locale.ROOT, "%.0f ms", ms);
    }
}
