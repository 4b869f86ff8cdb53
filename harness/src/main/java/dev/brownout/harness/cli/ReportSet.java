package dev.brownout.harness.cli;

import dev.brownout.reports.RunResult;
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
                ReportFiles.write(folder.resolve(HTML), HtmlReport.render(result, gates)),
                ReportFiles.write(folder.resolve(MARKDOWN), MarkdownSummary.render(result, gates)),
                ReportFiles.write(folder.resolve(JUNIT), JunitXml.write(result, gates)));
    }

    static void print(List<Path> files, PrintWriter out) {
        files.forEach(file -> out.println("report: " + file));
        out.flush();
    }
}
