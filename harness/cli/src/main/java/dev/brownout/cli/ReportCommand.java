package dev.brownout.cli;

import dev.brownout.reports.bundle.ReportBundle;
import dev.brownout.reports.gate.Bound;
import dev.brownout.reports.gate.GateEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code brownout report RUN}: renders every report again from a stored result. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {"Render every report of a stored run result again: report.html (self-contained, opens "
                + "offline), summary.md (for pull requests and CI step summaries) and junit.xml (one test case per gate).",
                "Exit codes: 0 written, 2 bad input."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "A result.json, or the run folder that holds one.")
    String run;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder the reports are written to. Default: the folder of the result.")
    Path out;

    @Option(names = "--pessimistic",
            description = "Judge gates on the worse end of a figure's 95%% interval instead of its point estimate.")
    boolean pessimistic;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ResultArgument argument = ResultArgument.read(run);
            ReportBundle reports = ReportBundle.write(argument.result(),
                    GateEvaluation.evaluate(argument.result(), pessimistic ? Bound.PESSIMISTIC : Bound.POINT),
                    out == null ? argument.folder() : out);
            RunEnd.printReports(reports.files(), stdout);
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("brownout report: " + e.getMessage());
            err.flush();
            return RunCommand.BAD_INPUT;
        }
    }
}
