package dev.brownout.reports.markdown;

import dev.brownout.reports.Attribution;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.CheckStatus;
import dev.brownout.reports.Conduct;
import dev.brownout.reports.Cost;
import dev.brownout.reports.Estimate;
import dev.brownout.reports.FailoverResult;
import dev.brownout.reports.Finding;
import dev.brownout.reports.Goodput;
import dev.brownout.reports.Latency;
import dev.brownout.reports.MultiStep;
import dev.brownout.reports.PhaseResult;
import dev.brownout.reports.PhaseVerdict;
import dev.brownout.reports.ProbeResult;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.Summary;
import dev.brownout.reports.TaskLoop;
import dev.brownout.reports.WorldSchedule;
import dev.brownout.reports.format.Figures;
import dev.brownout.reports.gate.Bound;
import dev.brownout.reports.gate.GateOutcome;
import dev.brownout.reports.gate.GateReport;
import dev.brownout.reports.gate.GateVerdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A gated run as Markdown for a pull request comment or a CI step summary: the verdict, the conduct verdict with
 * its reason, the headline figures, the gates, the phases, where the IQ loss went, the multi-step tool tasks and
 * their broken loops, the verdict per faulted phase,
 * failed and unscored conduct checks, security findings and the command that reproduces the run. When the run
 * left baseline tasks unsent, the headline leads with goodput loss and says how many, and IQ loss says it leaves
 * them out. Plain Markdown with no HTML; a figure the run could not give reads {@code –}, or
 * {@code unknown (no baseline)} where the missing baseline is why.
 */
public final class MarkdownSummary {

    /** What an absent figure prints as. */
    public static final String NONE = "–";

    private static final String NO_BASELINE = "unknown (no baseline)";
    /** A comment stays readable: the broken loops beyond these are in result.json. */
    private static final int MAX_BROKEN_LOOPS = 10;
    private static final Pattern SAFE_ARGUMENT = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private MarkdownSummary() {
    }

    public static String render(RunResult result, GateReport gates) {
        Markdown md = new Markdown();
        title(md, result, gates);
        headline(md, result);
        gates(md, gates);
        phases(md, result);
        attribution(md, result);
        multiStep(md, result);
        conduct(md, result);
        security(md, result);
        if (!result.warnings().isEmpty()) {
            md.heading(3, "Warnings").bullets(result.warnings());
        }
        reproduce(md, result);
        return md.build();
    }

    private static void title(Markdown md, RunResult result, GateReport gates) {
        GateVerdict verdict = gates.verdict(result);
        String subject = "brownout: " + result.scenario().name() + " against " + result.sut().name();
        String state = switch (verdict) {
            case PASS -> "✅ " + subject + ": passed" + (gates.outcomes().isEmpty() ? " (no gates)"
                    : " (" + count(gates.outcomes().size(), "gate") + " held)");
            case FAIL -> "❌ " + subject + ": failed (" + gates.failures().size() + " of "
                    + count(gates.outcomes().size(), "gate") + " failed)";
            case INCOMPLETE -> "❌ " + subject + ": incomplete run";
        };
        md.heading(2, state);
        if (result.world() != null) {
            result.world().notice().ifPresent(notice -> md.paragraph("⚠️ **" + notice + "**"));
        }
        if (result.conduct() != null && result.conduct().judged()) {
            md.paragraph("**Conduct verdict: " + result.conduct().verdict().label() + "** — "
                    + (result.conduct().reason() == null ? "no reason was recorded" : result.conduct().reason()));
        }
        if (verdict == GateVerdict.INCOMPLETE) {
            md.paragraph("The run did not complete (" + (result.stopReason() == null ? "no reason was recorded"
                    : result.stopReason()) + "); its figures cover only the part of the scenario that played.");
        }
        if (result.conduct() != null && !result.conduct().judged()) {
            md.paragraph("No phase of the scenario was played, so its conduct was not judged: "
                    + Conduct.NO_VERDICT + ".");
        }
    }

    private static void headline(Markdown md, RunResult result) {
        boolean noBaseline = result.quality() == null || result.quality().baselineScore() == null;
        Summary summary = result.summary();
        Cost cost = result.cost();
        List<List<String>> rows = new ArrayList<>();
        Estimate loss = result.quality() == null ? null : result.quality().iqLoss();
        Goodput goodput = result.quality() == null ? null : result.quality().goodput();
        List<String> goodputRow = goodput == null ? null : List.of("Goodput loss", goodputLoss(goodput, noBaseline));
        boolean goodputFirst = goodputRow != null && goodput.unsentBaselineTasks() > 0;
        if (goodputFirst) {
            rows.add(goodputRow);
        }
        rows.add(List.of("IQ loss", loss == null ? (noBaseline ? NO_BASELINE : NONE)
                : estimate(loss) + (goodputFirst ? " over the tasks both runs sent (not the "
                        + Figures.count(goodput.unsentBaselineTasks()) + " never sent)" : "")));
        if (goodputRow != null && !goodputFirst) {
            rows.add(goodputRow);
        }
        rows.add(List.of("Quality vs baseline", score(result.quality() == null ? null : result.quality().score())
                + " vs " + (noBaseline ? NO_BASELINE : score(result.quality().baselineScore()))));
        rows.add(List.of("Availability", summary == null || summary.availability() == null ? NONE
                : Figures.percent(summary.availability()) + " (" + Figures.count(summary.answered()) + " of " + Figures.count(summary.exchanges()) + " answered)"));
        rows.add(List.of("p99 latency", millis(summary == null ? null : summary.latency(), Latency::p99Ms)));
        rows.add(List.of("TTFT p99", millis(summary == null ? null : summary.ttft(), Latency::p99Ms)));
        rows.add(List.of("Time to failover", worst(result.failover(), FailoverResult::timeToFailoverMs, "never failed over")));
        rows.add(List.of("Time to recover", worst(result.failover(), FailoverResult::timeToRecoverMs, "never recovered")));
        rows.add(List.of("Cost amplification", cost == null || cost.amplification() == null
                ? (noBaseline ? NO_BASELINE : NONE) : Figures.ratio(cost.amplification())));
        rows.add(List.of("Wasted spend", cost == null ? NONE : Figures.usd(cost.wastedUsd())
                + (cost.totalUsd() > 0 ? " (" + Figures.percent(cost.wastedUsd() / cost.totalUsd()) + " of "
                + Figures.usd(cost.totalUsd()) + ")" : "")));
        rows.add(List.of("Security findings", result.security() == null ? NONE : Figures.count(result.security().count())));
        rows.add(List.of("Conduct verdict", conductVerdict(result)));
        if (result.conduct() == null || result.conduct().judged()) {
            rows.add(List.of("Alive after the run", result.probe() == null ? ProbeResult.NOT_SENT
                    : result.probe().description()));
        }
        WorldSchedule world = result.world();
        if (world != null && world.worstP99Ms() != null) {
            rows.add(List.of("World lateness p99", Figures.millis(world.worstP99Ms()) + " (bound "
                    + Figures.millis(world.boundMs()) + (world.behind() ? "; the world fell behind)" : "; on schedule)")));
        }
        md.table(List.of("Figure", "Value"), rows);
    }

    /**
     * Goodput loss with its interval, and the baseline tasks the run never sent when there were some: the figure a
     * closed-model run's headline leads with, since IQ loss leaves those tasks out.
     */
    private static String goodputLoss(Goodput goodput, boolean noBaseline) {
        String loss = goodput.loss() == null ? (noBaseline ? NO_BASELINE : NONE) : estimate(goodput.loss());
        if (goodput.unsentBaselineTasks() == 0) {
            return loss;
        }
        return loss + "; " + Figures.count(goodput.unsentBaselineTasks()) + " of "
                + Figures.count(goodput.baselineTasks() == null ? goodput.unsentBaselineTasks() : goodput.baselineTasks())
                + " baseline tasks were never sent";
    }

    private static String conductVerdict(RunResult result) {
        if (result.conduct() == null) {
            return NONE;
        }
        return result.conduct().judged() ? result.conduct().verdict().label() : Conduct.NO_VERDICT;
    }

    private static void gates(Markdown md, GateReport gates) {
        md.heading(3, "Gates");
        if (gates.outcomes().isEmpty()) {
            md.paragraph("No gates were set.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (GateOutcome outcome : gates.outcomes()) {
            String result = switch (outcome.status()) {
                case GateOutcome.PASSED -> "✅ passed";
                case GateOutcome.FAILED -> "❌ failed";
                default -> "❌ unknown (fails)";
            };
            rows.add(List.of(outcome.gate().metric(), outcome.gate().written(), outcome.observedText(), result));
        }
        md.table(List.of("Metric", "Condition", "Observed", "Result"), rows);
        List<String> why = gates.failures().stream().map(GateOutcome::message).toList();
        if (!why.isEmpty()) {
            md.bullets(why);
        }
        if (gates.bound() == Bound.PESSIMISTIC) {
            md.paragraph("Gates on a figure with a 95% interval were judged on its worse end.");
        }
    }

    private static void phases(Markdown md, RunResult result) {
        if (result.phases().isEmpty()) {
            return;
        }
        md.heading(3, "Phases");
        boolean withGoodput = result.phases().stream().anyMatch(phase -> phase.goodput() != null);
        List<List<String>> rows = new ArrayList<>();
        for (PhaseResult phase : result.phases()) {
            List<String> row = new ArrayList<>(List.of(phase.name(), Figures.count(phase.exchanges()),
                    Figures.count(phase.answered()), score(phase.quality()),
                    phase.baselineQuality() == null ? NO_BASELINE : score(phase.baselineQuality()),
                    phase.iqLoss() == null ? (phase.baselineQuality() == null ? NO_BASELINE : NONE) : estimate(phase.iqLoss())));
            if (withGoodput) {
                row.add(phase.goodput() == null ? NONE : goodputLoss(phase.goodput(),
                        phase.goodput().baselineCorrect() == null));
            }
            row.add(millis(phase.latency(), Latency::p99Ms));
            rows.add(row);
        }
        md.table(withGoodput ? List.of("Phase", "Tasks", "Answered", "Quality", "Baseline", "IQ loss", "Goodput loss", "p99")
                : List.of("Phase", "Tasks", "Answered", "Quality", "Baseline", "IQ loss", "p99"), rows);
    }

    private static void attribution(Markdown md, RunResult result) {
        Attribution parts = result.attribution();
        Estimate loss = result.quality() == null ? null : result.quality().iqLoss();
        if (parts == null || loss == null) {
            return;
        }
        StringBuilder line = new StringBuilder("IQ loss " + Figures.percent(loss.value()) + " =");
        boolean first = true;
        for (Object[] part : new Object[][]{{parts.error(), "errors"}, {parts.timeout(), "timeouts"},
                {parts.downgrade(), "downgrade"}, {parts.degraded(), "degraded"}, {parts.other(), "other"}}) {
            double value = (double) part[0];
            if (Figures.percent(Math.abs(value)).equals("0%")) {
                continue;
            }
            String sign = value < 0 ? (first ? " −" : " − ") : (first ? " " : " + ");
            line.append(sign).append(Figures.percent(Math.abs(value))).append(' ').append(part[1]);
            first = false;
        }
        if (first) {
            line.append(" nothing attributable");
        }
        md.paragraph(line.toString());
    }

    /** The multi-step tool tasks as whole tasks, and the loops that broke: where, how, and what the agent did next. */
    private static void multiStep(Markdown md, RunResult result) {
        MultiStep tasks = result.multiStep();
        if (tasks == null) {
            return;
        }
        md.heading(3, "Multi-step tool tasks");
        boolean noBaseline = tasks.baselineScore() == null;
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Tasks", Figures.count(tasks.tasks())));
        rows.add(List.of("IQ loss over whole tasks", tasks.iqLoss() == null ? (noBaseline ? NO_BASELINE : NONE)
                : estimate(tasks.iqLoss())));
        rows.add(List.of("Final-answer quality vs baseline", score(tasks.score()) + " vs "
                + (noBaseline ? NO_BASELINE : score(tasks.baselineScore()))));
        rows.add(List.of("Model calls per task", perTask(tasks.modelCallsPerTask(), tasks.baselineModelCallsPerTask())));
        rows.add(List.of("Tool calls per task", mean(tasks.toolCallsPerTask())));
        rows.add(List.of("Wasted model calls", Figures.count(tasks.wastedCalls())));
        rows.add(List.of("Cost per task", Figures.usd(tasks.costPerTaskUsd())
                + (tasks.baselineCostPerTaskUsd() == null ? "" : " (baseline "
                + Figures.usd(tasks.baselineCostPerTaskUsd()) + ")")));
        rows.add(List.of("Broken loops", tasks.brokenLoops() == 0 ? "none" : Figures.count(tasks.brokenLoops())
                + " of " + Figures.count(tasks.tasks()) + ": " + Figures.count(tasks.resumed()) + " resumed, "
                + Figures.count(tasks.startedOver()) + " started over, " + Figures.count(tasks.gaveUp()) + " gave up"));
        md.table(List.of("Figure", "Value"), rows);
        List<List<String>> broken = new ArrayList<>();
        for (TaskLoop loop : tasks.loops()) {
            if (loop.broken() && broken.size() < MAX_BROKEN_LOOPS) {
                broken.add(List.of(loop.taskId(), loop.phase() == null ? NONE : loop.phase(),
                        "step " + loop.brokenAtStep(), loop.brokenBy(), loop.recovery().replace('_', ' '),
                        Figures.count(loop.modelCalls()), Figures.score(loop.score())));
            }
        }
        if (!broken.isEmpty()) {
            md.table(List.of("Task", "Phase", "Broke at", "By", "Then", "Model calls", "Score"), broken);
            if (tasks.brokenLoops() > broken.size()) {
                md.paragraph("The first " + broken.size() + " of " + tasks.brokenLoops()
                        + " broken loops; result.json has them all.");
            }
        }
    }

    private static String perTask(double value, Double baseline) {
        return mean(value) + (baseline == null ? "" : " (baseline " + mean(baseline) + ")");
    }

    private static String mean(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static void conduct(Markdown md, RunResult result) {
        if (result.conduct() == null) {
            return;
        }
        phaseVerdicts(md, result.conduct().phases());
        List<String> failed = new ArrayList<>();
        List<String> unscored = new ArrayList<>();
        for (CheckResult check : result.conduct().checks()) {
            if (check.scored() && check.failed()) {
                failed.add(check.name() + " (" + check.level().label() + "): expected "
                        + check.threshold() + ", observed " + check.observed()
                        + (check.detail() == null ? "" : ". " + check.detail()));
            } else if (!check.scored()) {
                unscored.add(check.name() + " (" + check.level().label() + ", " + check.status().label() + "): "
                        + (check.status() == CheckStatus.NOT_APPLICABLE ? "" : "expected " + check.threshold()
                        + ", observed " + check.observed() + ". ") + check.detail());
            }
        }
        if (!failed.isEmpty()) {
            md.heading(3, "Failed conduct checks").bullets(failed);
        }
        if (!unscored.isEmpty()) {
            md.heading(3, "Checks not scored").bullets(unscored);
        }
    }

    private static void phaseVerdicts(Markdown md, List<PhaseVerdict> phases) {
        if (phases.isEmpty()) {
            return;
        }
        md.heading(3, "Verdict per faulted phase");
        List<List<String>> rows = new ArrayList<>();
        for (PhaseVerdict phase : phases) {
            rows.add(List.of(phase.phase(), phase.expected(), phase.verdict() == null ? NONE : phase.verdict().label(),
                    phase.availability() == null ? NONE : Figures.percent(phase.availability()) + " of "
                            + Figures.count(phase.exchanges()),
                    phase.baselineAvailability() == null ? NO_BASELINE : Figures.percent(phase.baselineAvailability()),
                    phase.reason()));
        }
        md.table(List.of("Phase", "Expected", "Verdict", "Answered", "Baseline", "Why"), rows);
    }

    private static void security(Markdown md, RunResult result) {
        if (result.security() == null || result.security().findings().isEmpty()) {
            return;
        }
        List<String> findings = new ArrayList<>();
        for (Finding finding : result.security().findings()) {
            findings.add(finding.kind().label() + " at " + finding.where() + " (" + count(finding.count(), "time")
                    + "): " + finding.detail());
        }
        md.heading(3, "Security findings").bullets(findings);
    }

    private static void reproduce(Markdown md, RunResult result) {
        md.heading(3, "Reproduce");
        if (result.command().isEmpty()) {
            md.paragraph("The result does not record the command that produced it.");
            return;
        }
        md.code("sh", String.join(" ", result.command().stream().map(MarkdownSummary::quoted).toList()));
    }

    /** An argument as a POSIX shell reads it back: bare when safe, else in single quotes. */
    private static String quoted(String argument) {
        if (SAFE_ARGUMENT.matcher(argument).matches()) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    private static String estimate(Estimate estimate) {
        String value = Figures.percent(estimate.value());
        return estimate.low() == null || estimate.high() == null ? value
                : value + " (95% CI " + Figures.percent(estimate.low()) + " to " + Figures.percent(estimate.high()) + ")";
    }

    private static String score(Double value) {
        return value == null ? NONE : Figures.score(value);
    }

    private static String millis(Latency latency, Function<Latency, Double> figure) {
        Double millis = latency == null ? null : figure.apply(latency);
        return millis == null ? NONE : Figures.millis(millis);
    }

    private static String worst(List<FailoverResult> phases, Function<FailoverResult, Long> figure, String never) {
        if (phases.isEmpty()) {
            return NONE;
        }
        FailoverResult worst = null;
        for (FailoverResult phase : phases) {
            Long millis = figure.apply(phase);
            if (millis == null) {
                return never + " (" + phase.phase() + ")";
            }
            if (worst == null || millis > figure.apply(worst)) {
                worst = phase;
            }
        }
        return Figures.millis(figure.apply(worst)) + " (" + worst.phase() + ")";
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
