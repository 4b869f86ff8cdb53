package dev.brownout.cli;

import dev.brownout.Brownout;
import dev.brownout.BrownoutRun;
import dev.brownout.PreparedRun;
import dev.brownout.Sut;
import dev.brownout.reports.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code brownout demo}: the OAuth outage, played on a short clock against the naive and then the resilient
 * reference gateway, everything in this JVM; each run's folder lands under the current directory.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {"Play the oauth-outage scenario on a short clock against both reference gateways (naive, "
                + "then resilient), each measured against its own fault-free baseline, everything embedded, and print "
                + "where each run's results are.",
                "Exit codes: 0 both runs played to their end, 3 a run ended early."})
final class DemoCommand implements Callable<Integer> {

    static final String SCENARIO = "oauth-outage";
    private static final List<String> GATEWAYS = List.of("naive", "resilient");

    @Option(names = "--time-scale", paramLabel = "FACTOR", defaultValue = "0.1",
            description = {"Clock of the demo: 0.1 plays the 4-minute scenario in 24 s, once without faults and once "
                    + "with them, per gateway.",
                    "Default: ${DEFAULT-VALUE}."})
    double timeScale;

    @CommandLine.Mixin
    RunOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<BrownoutRun> runs = new ArrayList<>();
        for (String gateway : GATEWAYS) {
            PreparedRun run;
            try {
                run = Brownout.scenario(SCENARIO)
                        .timeScale(timeScale)
                        .against(Sut.reference(gateway))
                        .warmup(options.warmup)
                        .outputTo(options.out)
                        .observer(new ProgressDisplay(err, ProgressDisplay.onTerminal()))
                        .prepare();
            } catch (IllegalArgumentException e) {
                err.println("brownout demo: " + e.getMessage());
                err.flush();
                return RunCommand.BAD_INPUT;
            }
            RunEnd end = RunEnd.play(run, "brownout demo", out, err);
            if (end.run().isEmpty()) {
                return RunCommand.INCOMPLETE;
            }
            runs.add(end.run().get());
            if (!end.run().get().completed()) {
                break;
            }
        }
        out.println();
        for (BrownoutRun run : runs) {
            RunResult result = run.result();
            out.printf(Locale.ROOT, "%-19s answered %s of tasks, IQ loss %s -> %s%n", result.sut().name(),
                    ResultSummary.percent(result.summary().availability()),
                    result.quality().iqLoss() == null ? "unknown" : ResultSummary.percent(result.quality().iqLoss().value()),
                    run.folder());
        }
        out.flush();
        boolean allComplete = runs.size() == GATEWAYS.size() && runs.stream().allMatch(BrownoutRun::completed);
        return allComplete ? 0 : RunCommand.INCOMPLETE;
    }
}
