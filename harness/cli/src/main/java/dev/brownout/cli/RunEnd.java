package dev.brownout.cli;

import dev.brownout.BrownoutException;
import dev.brownout.BrownoutRun;
import dev.brownout.PreparedRun;
import dev.brownout.RunNotStartedException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How a measured run plays and ends on the command line: Ctrl-C or SIGTERM stops it cleanly (the JVM waits, up
 * to a minute, until the faults are cleared, the SUT stopped, the ports closed and the result written), then its
 * headline figures, its gates and the paths of its reports are printed.
 *
 * @param run      the run, or empty when it could not be measured
 * @param exitCode 0 every gate passed, 1 a gate failed, 3 the run ended early or could not be measured
 */
record RunEnd(Optional<BrownoutRun> run, int exitCode) {

    static RunEnd play(PreparedRun prepared, String command, PrintWriter out, PrintWriter err) {
        try {
            BrownoutRun run = SignalStop.around(prepared::stop, prepared::awaitFinished, prepared::play,
                    "brownout-run-stop");
            print(run, out);
            return new RunEnd(Optional.of(run), run.gates().verdict(run.result()).exitCode());
        } catch (RunNotStartedException e) {
            print(e.run(), out);
            err.println(command + ": " + e.getMessage());
            err.flush();
            return new RunEnd(Optional.of(e.run()), RunCommand.INCOMPLETE);
        } catch (BrownoutException e) {
            err.println(command + ": " + e.getMessage());
            err.flush();
            return new RunEnd(Optional.empty(), RunCommand.INCOMPLETE);
        }
    }

    private static void print(BrownoutRun run, PrintWriter out) {
        ResultSummary.print(run.result(), run.folder(), out);
        GatePrinter.print(run.gates(), out);
        printReports(List.of(run.reportHtml(), run.summaryMarkdown(), run.junitXml()), out);
    }

    static void printReports(List<Path> files, PrintWriter out) {
        files.forEach(file -> out.println("report: " + file));
        out.flush();
    }
}
