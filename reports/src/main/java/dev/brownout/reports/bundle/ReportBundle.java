package dev.brownout.reports.bundle;

import dev.brownout.reports.AtomicFile;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.gate.GateReport;
import dev.brownout.reports.html.HtmlReport;
import dev.brownout.reports.junit.JunitXml;
import dev.brownout.reports.markdown.MarkdownSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Every report of one run, rendered from its result alone into one folder: {@code report.html} (offline, self
 * contained), {@code summary.md} (for a pull request or a CI step summary) and {@code junit.xml} (one test case
 * per gate).
 *
 * @param html     the HTML report
 * @param markdown the Markdown summary
 * @param junit    the JUnit XML
 */
public record ReportBundle(Path html, Path markdown, Path junit) {

    public static final String HTML = "report.html";
    public static final String MARKDOWN = "summary.md";
    public static final String JUNIT = "junit.xml";

    /**
     * Renders every report of {@code result}, its gates judged as {@code gates}, into {@code folder}; each file is
     * written atomically.
     */
    public static ReportBundle write(RunResult result, GateReport gates, Path folder) throws IOException {
        Files.createDirectories(folder);
        return new ReportBundle(
                AtomicFile.write(folder.resolve(HTML), HtmlReport.render(result, gates)),
                AtomicFile.write(folder.resolve(MARKDOWN), MarkdownSummary.render(result, gates)),
                AtomicFile.write(folder.resolve(JUNIT), JunitXml.write(result, gates)));
    }

    /** The three files, in the order above. */
    public List<Path> files() {
        return List.of(html, markdown, junit);
    }
}
