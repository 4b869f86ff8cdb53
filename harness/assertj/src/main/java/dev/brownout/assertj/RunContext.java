package dev.brownout.assertj;

import dev.brownout.reports.BaselineMode;
import dev.brownout.reports.RunResult;

import java.nio.file.Path;

/**
 * What a failure message says about the run an assertion reads, besides the figure: which run, whether it had a
 * baseline (the reason an IQ loss can be missing), and the report to open, when there is one.
 *
 * @param subject     the run as a message names it, e.g. {@code run of oauth-outage against litellm}
 * @param hadBaseline whether the run was compared with a baseline at all
 * @param report      the run's HTML report, or null for a result read on its own
 */
record RunContext(String subject, boolean hadBaseline, Path report) {

    static final RunContext UNKNOWN = new RunContext("the run", true, null);

    static RunContext of(RunResult result, Path report) {
        if (result == null) {
            return new RunContext(UNKNOWN.subject, UNKNOWN.hadBaseline, report);
        }
        String scenario = result.scenario() == null ? "a scenario" : result.scenario().name();
        String sut = result.sut() == null ? "" : " against " + result.sut().name();
        boolean baseline = result.baseline() != null && result.baseline().mode() != BaselineMode.NONE;
        return new RunContext("run of " + scenario + sut, baseline, report);
    }

    /** Why an IQ loss is missing: no baseline to compare with, or nothing that could be compared. */
    String noIqLoss(String where) {
        return hadBaseline
                ? "nothing " + where + " could be compared with the baseline (no task was paired with it, or the baseline scored 0)"
                : "the run had no baseline (baseline mode none), and IQ loss is measured against one; run with a baseline";
    }

    /** The line that ends every failure message on a run with a report: where to look next. */
    String reportLine() {
        return report == null ? "" : "\nReport: " + report.toAbsolutePath();
    }
}
