package dev.brownout.cli;

import dev.brownout.internal.run.BaselineChoice;
import dev.brownout.internal.run.MeasuredOutcome;
import dev.brownout.internal.run.MeasuredRun;
import dev.brownout.internal.run.MeasurementFailedException;
import dev.brownout.internal.run.RunPlan;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLibrary;
import dev.brownout.internal.sut.SutSpec;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.gate.Bound;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
        Scenario scenario;
        try {
            scenario = ScenarioLibrary.load(SCENARIO).scaled(timeScale);
            options.prepareOut();
        } catch (IllegalArgumentException e) {
            err.println("brownout demo: " + e.getMessage());
            err.flush();
            return RunCommand.BAD_INPUT;
        }
        List<MeasuredOutcome> outcomes = new ArrayList<>();
        for (String gateway : GATEWAYS) {
            String sut = "reference:" + gateway;
            RunPlan plan = RunPlan.of(scenario, SutSpec.fromArgument(sut))
                    .withOut(options.out)
                    .withWarmup(options.warmup)
                    .withCommand(List.of("brownout", "run", SCENARIO, "--sut", sut, "--time-scale", Double.toString(timeScale)))
                    .withListener(new ProgressDisplay(err, ProgressDisplay.onTerminal()));
            MeasuredOutcome outcome;
            try {
                outcome = InterruptibleRun.play(MeasuredRun.of(plan, BaselineChoice.auto(), false));
            } catch (MeasurementFailedException e) {
                err.println("brownout demo: " + e.getMessage());
                err.flush();
                return RunCommand.INCOMPLETE;
            }
            ReportSet.finish(outcome, Bound.POINT, "brownout demo", out, err);
            outcomes.add(outcome);
            if (!outcome.result().completed()) {
                break;
            }
        }
        out.println();
        for (MeasuredOutcome outcome : outcomes) {
            RunResult result = outcome.result();
            out.printf(Locale.ROOT, "%-19s answered %s of tasks, IQ loss %s -> %s%n", result.sut().name(),
                    ResultSummary.percent(result.summary().availability()),
                    result.quality().iqLoss() == null ? "unknown" : ResultSummary.percent(result.quality().iqLoss().value()),
                    outcome.folder());
        }
        out.flush();
        boolean allComplete = outcomes.size() == GATEWAYS.size() && outcomes.stream().allMatch(o -> o.result().completed());
        return allComplete ? 0 : RunCommand.INCOMPLETE;
    }
}
