package dev.brownout;

import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResults;
import dev.brownout.reports.bundle.ReportBundle;
import dev.brownout.reports.gate.GateReport;
import dev.brownout.reports.gate.GateVerdict;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A measured run that has ended: its folder, its result ({@code result.json}), its gates as judged, and the
 * reports written beside the result. Made by {@link RunBuilder#run()}.
 */
public final class BrownoutRun {

    private final Path folder;
    private final RunResult result;
    private final GateReport gates;
    private final ReportBundle reports;

    BrownoutRun(Path folder, RunResult result, GateReport gates, ReportBundle reports) {
        this.folder = folder;
        this.result = result;
        this.gates = gates;
        this.reports = reports;
    }

    /** The run folder: result.json, the reports, exchanges, ledgers, the baseline's own folder. */
    public Path folder() {
        return folder;
    }

    /** The measured result, as written to {@code result.json}. */
    public RunResult result() {
        return result;
    }

    /** {@code result.json} in the run folder. */
    public Path resultJson() {
        return folder.resolve(RunResults.FILE_NAME);
    }

    /** The scenario's gates, judged on this result. */
    public GateReport gates() {
        return gates;
    }

    /** Whether the run played to its end and every gate passed: what {@code brownout run} exits 0 for. */
    public boolean passed() {
        return gates.verdict(result) == GateVerdict.PASS;
    }

    /** Whether the whole timeline played and every exchange ended on its own. */
    public boolean completed() {
        return result.completed();
    }

    /** Why the run ended early, when it did. */
    public Optional<String> stopReason() {
        return Optional.ofNullable(result.stopReason());
    }

    /** The self-contained HTML report. */
    public Path reportHtml() {
        return reports.html();
    }

    /** The Markdown summary, for a pull request or a CI step summary. */
    public Path summaryMarkdown() {
        return reports.markdown();
    }

    /** The JUnit XML: one test case per gate. */
    public Path junitXml() {
        return reports.junit();
    }

    @Override
    public String toString() {
        return "run of " + result.scenario().name() + " against " + result.sut().name() + " in " + folder;
    }
}
