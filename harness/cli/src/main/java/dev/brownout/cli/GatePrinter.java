package dev.brownout.cli;

import dev.brownout.reports.gate.GateOutcome;
import dev.brownout.reports.gate.GateReport;

import java.io.PrintWriter;

/** One line per gate: passed or failed, and the evaluation's own sentence. */
final class GatePrinter {

    private GatePrinter() {
    }

    static void print(GateReport report, PrintWriter out) {
        if (report.outcomes().isEmpty()) {
            out.println("gates: none declared");
        }
        for (GateOutcome outcome : report.outcomes()) {
            out.println("gate " + (outcome.passed() ? "passed" : "FAILED") + ": " + outcome.message());
        }
        out.flush();
    }
}
