package dev.brownout.cli;

import dev.brownout.Baseline;
import dev.brownout.Brownout;
import dev.brownout.BrownoutScorecard;
import dev.brownout.PreparedScorecard;
import dev.brownout.ScorecardBuilder;
import dev.brownout.ScorecardObserver;
import dev.brownout.Sut;
import dev.brownout.input.FileProblem;
import dev.brownout.input.InvalidInputException;
import dev.brownout.reports.scorecard.Scorecard;
import dev.brownout.reports.scorecard.ScorecardCell;
import dev.brownout.reports.scorecard.ScorecardScenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code brownout scorecard [PACK] --sut A [--sut B ...]}: every scenario of a pack against each SUT, judged. */
@Command(name = "scorecard",
        mixinStandardHelpOptions = true,
        description = {"Play every scenario of a pack against each system under test and write scorecard.json, "
                + "scorecard.md and scorecard.html: scenarios × SUTs, each cell the verdict with its evidence, and "
                + "totals per SUT. Each cell's run folder is kept under runs/<sut>/<scenario>/.",
                "With --rescore DIR, judge a stored scorecard's runs again under the current rules without replaying them.",
                "Exit codes: 0 no required cell failed, 1 a required cell failed or has no verdict, 2 bad input or "
                        + "usage, 3 some cell's run ended early."})
final class ScorecardCommand implements Callable<Integer> {

    static final int REQUIRED_FAILED = 1;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PACK",
            description = {"A shipped pack (see `brownout list`), a folder of scenario files (played in file name "
                    + "order), or one scenario.", "Default: failover."})
    String pack;

    @Option(names = "--sut", paramLabel = "SUT",
            description = "A system under test, one column each (repeat for more): a SUT file (YAML), or "
                    + "reference:naive, reference:resilient, openai-chat=URL, openai-responses=URL, anthropic-messages=URL, gemini=URL.")
    List<String> suts = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = {"The scorecard's folder.", "Default: brownout-runs/scorecard-<pack>-<yyyyMMdd-HHmmss>."})
    Path out;

    @Option(names = "--time-scale", paramLabel = "FACTOR", defaultValue = "1",
            description = {"Play every scenario on a clock this many times as long.", "Default: ${DEFAULT-VALUE}."})
    double timeScale;

    @Option(names = "--load-scale", paramLabel = "FACTOR", defaultValue = "1",
            description = {"Send this share of each scenario's load; between 0 and 1.", "Default: ${DEFAULT-VALUE}."})
    double loadScale;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "0s", converter = DurationConverter.class,
            description = {"Unmeasured load before each cell's timeline (wall-clock).", "Default: ${DEFAULT-VALUE}."})
    Duration warmup;

    @Option(names = "--baseline", paramLabel = "none|auto", defaultValue = "none",
            description = {"none judges each cell's availability against 100%%; auto plays each scenario without "
                    + "faults first and judges against that.", "Default: ${DEFAULT-VALUE}."})
    String baseline;

    @Option(names = "--require", paramLabel = "PATTERN",
            description = "Cells that must not fail (repeat for more): scenario, scenario@sut, *@sut or *. A "
                    + "required cell that fails or has no verdict makes the command exit 1.")
    List<String> require = new ArrayList<>();

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = {"How many cells' runs play at once.", "Default: ${DEFAULT-VALUE}."})
    int parallel;

    @Option(names = "--rescore", paramLabel = "DIR",
            description = "Judge the stored scorecard in DIR again under the current rules, without replaying; "
                    + "rewrites each run's result.json and the scorecard files and prints what changed.")
    Path rescore;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return rescore != null ? rescore(out, err) : play(out, err);
        } catch (InvalidInputException e) {
            e.problems().stream().map(FileProblem::describe).forEach(err::println);
            err.flush();
            return RunCommand.BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("brownout scorecard: " + e.getMessage());
            err.flush();
            return RunCommand.BAD_INPUT;
        }
    }

    private int play(PrintWriter out, PrintWriter err) {
        if (suts.isEmpty()) {
            throw new IllegalArgumentException("name at least one system under test with --sut (reference:naive, "
                    + "reference:resilient, a SUT file, openai-chat=URL, openai-responses=URL, anthropic-messages=URL, gemini=URL)");
        }
        List<Sut> systems = suts.stream().map(Sut::parse).toList();
        ScorecardBuilder builder = Brownout.scorecard(pack == null ? "failover" : pack)
                .against(systems)
                .timeScale(timeScale)
                .loadScale(loadScale)
                .warmup(warmup)
                .baseline(Baseline.parse(baseline))
                .parallelism(parallel)
                .require(require.toArray(String[]::new))
                .observer(new ScorecardObserver() {
                    @Override
                    public void cellFinished(ScorecardCell cell) {
                        synchronized (out) {
                            out.println(line(cell));
                            out.flush();
                        }
                    }
                });
        if (this.out != null) {
            builder = builder.outputTo(this.out);
        }
        PreparedScorecard prepared = builder.prepare();
        // the cells playing stop cleanly, the rest are not started, and the scorecard is written
        BrownoutScorecard scorecard = SignalStop.around(prepared::stop, prepared::awaitFinished, prepared::play,
                "brownout-scorecard-stop");
        out.println();
        printTable(scorecard.scorecard(), out);
        out.println("scorecard: " + scorecard.html());
        out.flush();
        return exitCode(scorecard.scorecard());
    }

    private int rescore(PrintWriter out, PrintWriter err) {
        if (pack != null || !suts.isEmpty()) {
            throw new IllegalArgumentException("--rescore judges a stored scorecard again; it takes no PACK or --sut");
        }
        BrownoutScorecard rescored = Brownout.rescore(rescore, require.toArray(String[]::new));
        rescored.warnings().forEach(warning -> err.println("warning: " + warning));
        err.flush();
        if (rescored.changes().isEmpty()) {
            out.println("no verdict changed under the current rules");
        } else {
            rescored.changes().forEach(change -> out.println("changed: " + change));
        }
        out.println();
        printTable(rescored.scorecard(), out);
        out.println("scorecard: " + rescored.html());
        out.flush();
        return exitCode(rescored.scorecard());
    }

    /** As {@code brownout gate}: an incomplete run first, then a failed requirement. */
    static int exitCode(Scorecard scorecard) {
        if (scorecard.anyIncomplete()) {
            return RunCommand.INCOMPLETE;
        }
        return scorecard.requiredFailed() ? REQUIRED_FAILED : 0;
    }

    static String line(ScorecardCell cell) {
        return cell.scenario() + " @ " + cell.sut() + ": " + cell.mark() + (cell.required() ? " (required)" : "")
                + (cell.reason() == null ? "" : " — " + cell.reason());
    }

    private static void printTable(Scorecard scorecard, PrintWriter out) {
        int width = Math.max("scenario".length(),
                scorecard.scenarios().stream().mapToInt(s -> s.name().length()).max().orElse(0));
        List<Integer> widths = scorecard.suts().stream().map(s -> Math.max(s.length(), "no verdict*".length())).toList();
        StringBuilder header = new StringBuilder(pad("scenario", width));
        for (int i = 0; i < scorecard.suts().size(); i++) {
            header.append("  ").append(pad(scorecard.suts().get(i), widths.get(i)));
        }
        out.println(header.toString().stripTrailing());
        for (ScorecardScenario scenario : scorecard.scenarios()) {
            StringBuilder row = new StringBuilder(pad(scenario.name(), width));
            for (int i = 0; i < scorecard.suts().size(); i++) {
                String mark = scorecard.cell(scenario.name(), scorecard.suts().get(i))
                        .map(c -> c.mark() + (c.required() ? "*" : "")).orElse("");
                row.append("  ").append(pad(mark, widths.get(i)));
            }
            out.println(row.toString().stripTrailing());
        }
        scorecard.totals().forEach(t -> out.println(t.sut() + ": " + t.pass() + " pass, " + t.partial() + " partial, "
                + t.safe() + " safe, " + t.fail() + " fail, " + t.notApplicable() + " n/a, " + t.noVerdict()
                + " no verdict; " + t.requiredFailures() + " required failed"));
        out.println("* required");
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
