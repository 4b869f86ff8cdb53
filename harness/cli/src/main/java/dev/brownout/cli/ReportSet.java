package dev.brownout.cli;

import dev.brownout.internal.run.MeasuredOutcome;
import dev.brownout.reports.AtomicFile;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.gate.Bound;
import dev.brownout.reports.gate.GateEvaluation;
import dev.brownout.reports.gate.GateReport;
import dev.brownout.reports.html.HtmlReport;
import dev.brownout.reports.junit.JunitXml;
import dev.brownout.reports.markdown.MarkdownSummary;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Every report of a result — HTML, Markdown, JUnit XML — rendered from the result alone into one folder. */
final class ReportSet {

    static final String HTML = "report.html";
    static final String MARKDOWN = "summary.md";
    static final String JUNIT = "junit.xml";

    private ReportSet() {
    }

    /** Writes the three reports into {@code folder} and returns their paths. */
    static List<Path> write(RunResult result, GateReport gates, Path folder) throws IOException {
        Files.createDirectories(folder);
        return List.of(
                AtomicFile.write(folder.resolve(HTML), HtmlReport.render(result, gates)),
                AtomicFile.write(folder.resolve(MARKDOWN), MarkdownSummary.render(result, gates)),
                AtomicFile.write(folder.resolve(JUNIT), JunitXml.write(result, gates)));
    }

    static void print(List<Path> files, PrintWriter out) {
        files.forEach(file -> out.println("report: " + file));
        out.flush();
    }

    /**
     * How a measured run ends on the command line: its headline figures, its gates judged and printed, every
     * report written beside result.json and its path printed. A report that cannot be written is said on
     * {@code err} and does not change the verdict: result.json is already on disk.
     */
    static GateReport finish(MeasuredOutcome outcome, Bound bound, String command, PrintWriter out, PrintWriter err) {
        ResultSummary.print(outcome.result(), outcome.folder(), out);
        GateReport gates = GateEvaluation.evaluate(outcome.result(), bound);
        GatePrinter.print(gates, out);
        try {
            print(write(outcome.result(), gates, outcome.folder()), out);
        } catch (IOException e) {
            err.println(command + ": the reports could not be written (" + e.getMessage() + "); result.json is in "
                    + outcome.folder());
            err.flush();
        }
        return gates;
    }
}
