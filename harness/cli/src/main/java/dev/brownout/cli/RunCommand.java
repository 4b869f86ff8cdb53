package dev.brownout.cli;

import dev.brownout.Baseline;
import dev.brownout.Brownout;
import dev.brownout.PreparedRun;
import dev.brownout.RunBuilder;
import dev.brownout.Sut;
import dev.brownout.input.FileProblem;
import dev.brownout.input.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code brownout run SCENARIO}: plays a scenario against a system under test and keeps the run in a folder. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Play a scenario against a system under test: start the fake world behind fault proxies, "
                + "start or reach the SUT, set each phase's faults on time while graded tasks are sent, and keep "
                + "every exchange, the providers' ledgers and a summary in a run folder.",
                "Measured against a fault-free baseline (--baseline): IQ loss with its interval and causes, "
                        + "availability, latency, time to failover and recover, cost, conduct and security, written "
                        + "to result.json in the run folder.",
                "Writes report.html, summary.md and junit.xml beside result.json and judges the scenario's gates.",
                "Exit codes: 0 every gate passed, 1 a gate failed, 2 bad input or usage, 3 the run ended early (incomplete)."})
final class RunCommand implements Callable<Integer> {

    static final int INCOMPLETE = 3;
    static final int BAD_INPUT = 2;

    @Parameters(index = "0", paramLabel = "SCENARIO",
            description = "A scenario file, or the name of a shipped scenario (see `brownout list`).")
    String scenario;

    @Option(names = "--sut", paramLabel = "SUT", defaultValue = "reference:resilient",
            description = {"The system under test: a SUT file (YAML), or reference:naive, reference:resilient, "
                    + "openai-chat=URL, openai-responses=URL, anthropic-messages=URL, gemini=URL.", "Default: ${DEFAULT-VALUE}."})
    String sut;

    @Option(names = "--tasks", paramLabel = "SUITE|FILE.jsonl",
            description = {"Send these graded tasks instead of the scenario's: a canary suite (canary-arithmetic, "
                    + "canary-lookup, canary-json, canary-tool, canary-chain for multi-step tool tasks, canary-mixed) "
                    + "or a JSONL task file with its graders (your own prompts). The scenario's load and faults stay."})
    String tasks;

    @Option(names = "--time-scale", paramLabel = "FACTOR", defaultValue = "1",
            description = {"Play the scenario on a clock this many times as long: 0.05 plays a 4-minute "
                    + "scenario in 12 s. Durations, offsets, timeouts and the models' pace are multiplied by it, "
                    + "rates divided by it.", "Default: ${DEFAULT-VALUE}."})
    double timeScale;

    @Option(names = "--load-scale", paramLabel = "FACTOR", defaultValue = "1",
            description = {"Send this share of the scenario's load, on the same clock: arrival rate, agents and "
                    + "the providers' rate limits (quotas the load shares) are multiplied by it. For a machine too "
                    + "small for the full load; between 0 and 1.", "Default: ${DEFAULT-VALUE}."})
    double loadScale;

    @Option(names = "--baseline", paramLabel = "auto|none|FILE", defaultValue = "auto",
            description = {"What the run is measured against: auto plays the same scenario without faults first; "
                    + "FILE is a stored result.json (or its run folder) of the same scenario, seed and scales; none "
                    + "measures no IQ loss (reported unknown, not 0).", "Default: ${DEFAULT-VALUE}."})
    String baseline;

    @Option(names = "--noise-floor",
            description = "Also play a second baseline and report the IQ loss of one baseline against the other: "
                    + "the loss a run shows with no fault at all. Needs --baseline auto.")
    boolean noiseFloor;

    @Option(names = "--world", paramLabel = "WORLD.json",
            description = {"Drive a running world instead of starting one: the file holds the JSON line "
                    + "'brownout fakes --json' printed (possibly on another host). Phases go over its admin and "
                    + "Toxiproxy APIs, ledgers are pulled over HTTP; the world keeps running, its faults cleared. "
                    + "Needs --baseline none or FILE."})
    Path world;

    @Option(names = "--pessimistic",
            description = "Judge gates on the worse end of a figure's 95%% interval (IQ loss) instead of its point estimate.")
    boolean pessimistic;

    @CommandLine.Mixin
    RunOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PreparedRun run;
        try {
            RunBuilder builder = Brownout.scenario(scenario)
                    .timeScale(timeScale)
                    .loadScale(loadScale)
                    .against(Sut.parse(sut))
                    .baseline(Baseline.parse(baseline))
                    .warmup(options.warmup)
                    .outputTo(options.out)
                    .observer(new ProgressDisplay(err, ProgressDisplay.onTerminal()));
            if (tasks != null) {
                builder.tasks(tasks);
            }
            if (noiseFloor) {
                builder.withNoiseFloor();
            }
            if (world != null) {
                builder.world(world);
            }
            if (pessimistic) {
                builder.pessimisticGates();
            }
            run = builder.prepare();
        } catch (InvalidInputException e) {
            e.problems().stream().map(FileProblem::describe).forEach(err::println);
            err.flush();
            return BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("brownout run: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        return RunEnd.play(run, "brownout run", out, err).exitCode();
    }
}
