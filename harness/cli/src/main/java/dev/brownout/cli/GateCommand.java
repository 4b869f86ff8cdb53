package dev.brownout.cli;

import dev.brownout.reports.gate.Bound;
import dev.brownout.reports.gate.Gate;
import dev.brownout.reports.gate.GateEvaluation;
import dev.brownout.reports.gate.GateFile;
import dev.brownout.reports.gate.GateReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code brownout gate RUN}: judges a stored result against its gates, for a CI step. */
@Command(name = "gate",
        mixinStandardHelpOptions = true,
        description = {"Judge a stored run result against its scenario's gates (or those of --gates FILE) and exit "
                + "with the verdict.",
                "Exit codes: 0 every gate passed, 1 a gate failed (a figure the run could not measure fails its "
                        + "gate), 2 bad input or usage, 3 the run is incomplete."})
final class GateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "A result.json, or the run folder that holds one.")
    String run;

    @Option(names = "--gates", paramLabel = "FILE",
            description = "A JSON file of gates ({\"iq_loss\": \"< 5%%\", \"p99_latency\": \"< 8s\"}) used instead of "
                    + "the scenario's; durations are scaled to the run's time scale as the scenario's are.")
    Path gates;

    @Option(names = "--pessimistic",
            description = "Judge the worse end of a figure's 95%% interval (IQ loss) instead of its point estimate.")
    boolean pessimistic;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ResultArgument argument;
        List<Gate> fromFile;
        try {
            argument = ResultArgument.read(run);
            fromFile = gates == null ? null
                    : GateFile.scaled(GateFile.read(gates), argument.result().scenario().timeScale());
        } catch (IllegalArgumentException e) {
            err.println("brownout gate: " + e.getMessage());
            err.flush();
            return RunCommand.BAD_INPUT;
        }
        Bound bound = pessimistic ? Bound.PESSIMISTIC : Bound.POINT;
        GateReport report = fromFile == null ? GateEvaluation.evaluate(argument.result(), bound)
                : GateEvaluation.evaluate(argument.result(), fromFile, bound);
        GatePrinter.print(report, out);
        if (!argument.result().completed()) {
            out.println("the run is incomplete: " + argument.result().stopReason());
            out.flush();
        }
        return report.verdict(argument.result()).exitCode();
    }
}
