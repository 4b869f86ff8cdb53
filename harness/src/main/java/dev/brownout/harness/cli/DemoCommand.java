package dev.brownout.harness.cli;

import dev.brownout.harness.run.RunPlan;
import dev.brownout.harness.run.RunRecord;
import dev.brownout.harness.scenario.Scenario;
import dev.brownout.harness.scenario.ScenarioLibrary;
import dev.brownout.harness.sut.SutSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
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
                + "then resilient), everything embedded, and print where each run's results are.",
                "Exit codes: 0 both runs played to their end, 3 a run ended early."})
final class DemoCommand implements Callable<Integer> {

    static final String SCENARIO = "oauth-outage";
    private static final List<String> GATEWAYS = List.of("naive", "resilient");

    @Option(names = "--time-scale", paramLabel = "FACTOR", defaultValue = "0.1",
            description = {"Clock of the demo: 0.1 plays the 4-minute scenario in 24 s per gateway.",
                    "Default: ${DEFAULT-VALUE}."})
    double timeScale;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "brownout-runs",
            description = {"Folder the run folders are made in.", "Default: ${DEFAULT-VALUE}."})
    Path out;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = {"Unmeasured load sent before the timeline starts (wall-clock, not scaled), so a cold SUT "
                    + "and a cold JVM do not count against the first phase; 0s for none.", "Default: ${DEFAULT-VALUE}."})
    Duration warmup;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Scenario scenario;
        try {
            scenario = ScenarioLibrary.load(SCENARIO).scaled(timeScale);
        } catch (IllegalArgumentException e) {
            err.println("brownout demo: " + e.getMessage());
            err.flush();
            return RunCommand.BAD_INPUT;
        }
        List<RunRecord> records = new ArrayList<>();
        for (String gateway : GATEWAYS) {
            String sut = "reference:" + gateway;
            RunPlan plan = RunPlan.of(scenario, SutSpec.fromArgument(sut))
                    .withOut(this.out)
                    .withWarmup(warmup)
                    .withCommand(List.of("brownout", "run", SCENARIO, "--sut", sut, "--time-scale", Double.toString(timeScale)))
                    .withListener(new ProgressDisplay(err, ProgressDisplay.onTerminal()));
            RunRecord record = InterruptibleRun.play(plan);
            RunSummaryTable.print(record, out);
            records.add(record);
            if (!record.completed()) {
                break;
            }
        }
        out.println();
        for (RunRecord record : records) {
            out.printf(Locale.ROOT, "%-10s answered %s of tasks, graded quality %s -> %s%n", record.sut(),
                    percent(record.totals().availability()), percent(record.totals().meanScore()), record.folder());
        }
        out.flush();
        boolean allComplete = records.size() == GATEWAYS.size() && records.stream().allMatch(RunRecord::completed);
        return allComplete ? 0 : RunCommand.INCOMPLETE;
    }

    private static String percent(Double share) {
        return share == null ? "-" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
