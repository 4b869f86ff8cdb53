package dev.brownout.reports.html;

import dev.brownout.reports.Attribution;
import dev.brownout.reports.BaselineInfo;
import dev.brownout.reports.BaselineMode;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.CheckStatus;
import dev.brownout.reports.Conduct;
import dev.brownout.reports.Cost;
import dev.brownout.reports.CostLine;
import dev.brownout.reports.Estimate;
import dev.brownout.reports.ExchangeResult;
import dev.brownout.reports.FailoverResult;
import dev.brownout.reports.Finding;
import dev.brownout.reports.Latency;
import dev.brownout.reports.ModelServed;
import dev.brownout.reports.PhaseResult;
import dev.brownout.reports.ProbeResult;
import dev.brownout.reports.PhaseSpec;
import dev.brownout.reports.PhaseVerdict;
import dev.brownout.reports.Quality;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.ScenarioInfo;
import dev.brownout.reports.Summary;
import dev.brownout.reports.Timeline;
import dev.brownout.reports.Verdict;
import dev.brownout.reports.Window;
import dev.brownout.reports.WorldSchedule;
import dev.brownout.reports.gate.GateOutcome;
import dev.brownout.reports.gate.GateReport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a {@link RunResult} into what the template shows: every figure already written as text, every list in
 * the order the page gives it. Strings stay raw here; the template escapes them.
 */
final class ReportView {

    /** The most exchanges the page lists; the rest of the log stays in result.json. */
    static final int WORST_LIMIT = 20;
    static final int PROMPT_LIMIT = 600;
    static final int ANSWER_LIMIT = 600;
    static final int EXPECTED_LIMIT = 300;

    private static final String[] CAUSES = {"error", "timeout", "downgrade", "degraded", "other"};

    private final RunResult result;
    private final GateReport gateReport;

    private ReportView(RunResult result, GateReport gateReport) {
        this.result = result;
        this.gateReport = gateReport;
    }

    /** The world's worst p99 lateness against its bound, or null when the run has none to show. */
    private Map<String, Object> worldLateness() {
        WorldSchedule world = result.world();
        if (world == null || world.worstP99Ms() == null) {
            return null;
        }
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("p99", Format.millis(world.worstP99Ms()));
        figure.put("bound", Format.millis(world.boundMs()));
        figure.put("behind", world.behind());
        figure.put("verdict", world.behind() ? "the world fell behind its schedule" : "the world kept its schedule");
        return figure;
    }

    static Map<String, Object> of(RunResult result, GateReport gates, Assets assets) {
        return new ReportView(result, gates).build(assets);
    }

    private Map<String, Object> build(Assets assets) {
        Map<String, Object> view = new LinkedHashMap<>();
        ScenarioInfo scenario = result.scenario();
        view.put("scenarioName", scenario == null ? "unnamed scenario" : scenario.name());
        view.put("scenarioDescription", scenario == null ? null : scenario.description());
        view.put("sutName", result.sut() == null ? "an unnamed system" : result.sut().name());
        view.put("startedAt", Format.when(result.startedAt()));
        view.put("took", took());
        view.put("worldBehind", result.world() == null ? null : result.world().notice().orElse(null));
        view.put("worldLateness", worldLateness());
        view.put("incomplete", !result.completed());
        view.put("stopReason", result.stopReason() == null ? "the run stopped before its timeline ended"
                : result.stopReason());
        view.put("warnings", result.warnings());
        view.put("verdict", verdict());
        view.put("figures", figures());
        view.put("goodput", GoodputView.headline(result, hasBaseline()));
        view.put("hasPhaseGoodput", GoodputView.anyPhase(result));
        view.put("multiStep", MultiStepView.of(result));
        view.put("gates", gates());
        view.put("hasGates", !gateReport.outcomes().isEmpty());
        view.put("gatesPassed", gateReport.passed());
        view.put("checks", checks());
        view.put("hasChecks", result.conduct() != null && !result.conduct().checks().isEmpty());
        view.put("phaseVerdicts", phaseVerdicts());
        view.put("hasPhaseVerdicts", result.conduct() != null && !result.conduct().phases().isEmpty());
        view.put("probe", probe());
        view.put("hasWindows", result.timeline() != null && !result.timeline().windows().isEmpty());
        view.put("windowLength", result.timeline() == null ? Format.NONE : Format.millis(result.timeline().windowMs()));
        view.put("attribution", attribution());
        view.put("phases", phases());
        view.put("hasPhases", !result.phases().isEmpty());
        view.put("cost", cost());
        view.put("models", models());
        view.put("failover", failover());
        view.put("hasFailover", !result.failover().isEmpty());
        view.put("security", security());
        view.put("worst", worst());
        view.put("reproduce", reproduce());
        view.put("uplotVersion", assets.uplotVersion());
        view.put("uplotLicense", assets.uplotLicense());
        view.put("uplotCss", assets.uplotCss());
        view.put("uplotJs", assets.uplotJs());
        view.put("reportCss", assets.reportCss());
        view.put("reportJs", assets.reportJs());
        view.put("chartData", ScriptJson.write(ChartData.of(result)));
        return view;
    }

    private String took() {
        if (result.startedAt() == null || result.endedAt() == null) {
            return Format.NONE;
        }
        return Format.millis((double) Duration.between(result.startedAt(), result.endedAt()).toMillis());
    }

    private Map<String, Object> verdict() {
        if (result.conduct() != null && !result.conduct().judged()) {
            return map("label", "NO VERDICT", "css", "none", "meaning", Conduct.NO_VERDICT
                    + ": no phase of the scenario was played, so there was no conduct to judge");
        }
        Verdict verdict = result.conduct() == null ? null : result.conduct().verdict();
        String label = verdict == null ? "unknown" : verdict.label();
        String meaning = verdict == null ? "the result holds no conduct verdict" : switch (verdict) {
            case PASS -> "the SUT answered through the faults and every required check held";
            case PARTIAL -> "the SUT answered, but an advisory check failed or an expected error was routed round";
            case SAFE -> "the SUT did not answer, but failed cleanly within the budget and every required check held";
            case FAIL -> "a required check failed, or tasks the SUT did not answer hung past the budget";
        };
        String reason = result.conduct() == null ? null : result.conduct().reason();
        return map("label", label.toUpperCase(Locale.ROOT), "css", label, "meaning", meaning, "reason",
                reason == null ? "No reason was recorded with this verdict." : reason);
    }

    private List<Map<String, Object>> phaseVerdicts() {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (result.conduct() == null) {
            return rows;
        }
        for (PhaseVerdict phase : result.conduct().phases()) {
            String verdict = phase.verdict() == null ? "none" : phase.verdict().label();
            rows.add(map("phase", phase.phase(), "expected", phase.expected(), "verdict", verdict,
                    "answered", phase.availability() == null ? Format.NONE : Format.percent(phase.availability())
                            + " of " + Format.count(phase.exchanges()),
                    "baseline", phase.baselineAvailability() == null ? "no baseline"
                            : Format.percent(phase.baselineAvailability()),
                    "reason", phase.reason()));
        }
        return rows;
    }

    private boolean hasBaseline() {
        BaselineInfo baseline = result.baseline();
        return baseline != null && baseline.mode() != BaselineMode.NONE;
    }

    private Map<String, Object> figures() {
        Quality quality = result.quality() == null ? new Quality(null, null, null, null) : result.quality();
        Summary summary = result.summary();
        Estimate loss = quality.iqLoss();
        String lossText;
        String lossDetail;
        if (loss != null) {
            lossText = Format.percent(loss.value());
            lossDetail = loss.low() != null && loss.high() != null
                    ? "95% interval " + Format.percent(loss.low()) + " to " + Format.percent(loss.high())
                    : "interval unknown: too few exchanges";
        } else if (!hasBaseline() || quality.baselineScore() == null) {
            lossText = "unknown — no baseline";
            lossDetail = "IQ loss needs a fault-free baseline run";
        } else {
            lossText = "unknown";
            lossDetail = "no exchange could be graded against the baseline";
        }
        Latency latency = summary == null || summary.latency() == null ? Latency.EMPTY : summary.latency();
        Latency ttft = summary == null || summary.ttft() == null ? Latency.EMPTY : summary.ttft();
        Cost cost = result.cost();
        Double baselineAvailability = result.baseline() == null ? null : result.baseline().availability();
        return map(
                "iqLoss", lossText,
                "iqLossDetail", lossDetail,
                "iqLossHigh", loss != null && loss.value() > 0.05,
                "noiseFloor", quality.noiseFloor() == null ? null : Format.percent(quality.noiseFloor()),
                "quality", Format.score(quality.score()),
                "baselineQuality", Format.score(quality.baselineScore()),
                "availability", summary == null ? Format.NONE : Format.percent(summary.availability()),
                "baselineAvailability", Format.percent(baselineAvailability),
                "p99", Format.millis(latency.p99Ms()),
                "p50", Format.millis(latency.p50Ms()),
                "ttftP99", Format.millis(ttft.p99Ms()),
                "ttftP50", Format.millis(ttft.p50Ms()),
                "cost", cost == null ? Format.NONE : Format.usd(cost.totalUsd()),
                "amplification", cost == null ? Format.NONE : Format.ratio(cost.amplification()),
                "exchanges", summary == null ? Format.NONE : Format.count(summary.exchanges()),
                "answered", summary == null ? Format.NONE : Format.count(summary.answered()),
                "errors", summary == null ? Format.NONE : Format.count(summary.errors()),
                "timeouts", summary == null ? Format.NONE : Format.count(summary.timeouts()),
                "aborted", summary == null ? Format.NONE : Format.count(summary.aborted()),
                "truncated", summary == null ? Format.NONE : Format.count(summary.truncated()),
                "correct", summary == null ? Format.NONE : Format.count(summary.correct()));
    }

    private List<Map<String, Object>> gates() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (GateOutcome outcome : gateReport.outcomes()) {
            rows.add(map("metric", outcome.gate().metric(), "written", outcome.gate().written(),
                    "status", outcome.passed() ? "passed" : "FAILED", "passed", outcome.passed(),
                    "message", outcome.message()));
        }
        return rows;
    }


    private List<Map<String, Object>> checks() {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (result.conduct() == null) {
            return rows;
        }
        for (CheckResult check : result.conduct().checks()) {
            rows.add(map("name", check.name(), "kind", check.level().label(),
                    "threshold", check.threshold(), "observed", check.observed(),
                    "result", check.status().label(), "css", check.status() == CheckStatus.NOT_APPLICABLE ? "na"
                            : check.status().label(), "detail", check.detail()));
        }
        return rows;
    }

    /** The probe after the run in one line; null (not shown) for a run that never started. */
    private Map<String, Object> probe() {
        if (result.conduct() != null && !result.conduct().judged()) {
            return null;
        }
        ProbeResult probe = result.probe();
        if (probe == null) {
            return map("answered", false, "text", ProbeResult.NOT_SENT, "bound", null, "servedBy", null);
        }
        return map("answered", probe.answered(), "text", probe.description(), "bound", Format.millis(probe.boundMs()),
                "servedBy", probe.servedBy().isEmpty() ? null : String.join(", ", probe.servedBy()));
    }

    private Map<String, Object> attribution() {
        Attribution whole = result.attribution();
        List<Map<String, Object>> rows = new ArrayList<>();
        if (whole != null) {
            rows.add(attributionRow("whole run", whole));
        }
        for (PhaseResult phase : result.phases()) {
            if (phase.attribution() != null) {
                rows.add(attributionRow(phase.name(), phase.attribution()));
            }
        }
        List<Map<String, Object>> bar = new ArrayList<>();
        if (whole != null) {
            double[] parts = parts(whole);
            double positive = 0;
            for (double part : parts) {
                positive += Math.max(0, part);
            }
            for (int i = 0; i < parts.length; i++) {
                if (positive > 0 && parts[i] > 0) {
                    bar.add(map("cause", CAUSES[i], "width", String.format(Locale.ROOT, "%.2f", parts[i] / positive * 100),
                            "value", Format.percent(parts[i])));
                }
            }
        }
        return map("known", whole != null, "rows", rows, "bar", bar, "hasBar", !bar.isEmpty());
    }

    private static double[] parts(Attribution a) {
        return new double[] {a.error(), a.timeout(), a.downgrade(), a.degraded(), a.other()};
    }

    private static Map<String, Object> attributionRow(String name, Attribution a) {
        return map("name", name, "error", Format.percent(a.error()), "timeout", Format.percent(a.timeout()),
                "downgrade", Format.percent(a.downgrade()), "degraded", Format.percent(a.degraded()),
                "other", Format.percent(a.other()), "total", Format.percent(a.total()));
    }

    private PhaseSpec spec(String phase) {
        if (result.scenario() == null || phase == null) {
            return null;
        }
        return result.scenario().timeline().stream().filter(s -> phase.equals(s.name())).findFirst().orElse(null);
    }

    private static String targets(PhaseSpec spec) {
        return spec == null ? Format.NONE : spec.faulted() ? String.join(", ", spec.targets()) : "none (healthy)";
    }

    private List<Map<String, Object>> phases() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PhaseResult phase : result.phases()) {
            PhaseSpec spec = spec(phase.name());
            Estimate loss = phase.iqLoss();
            Latency latency = phase.latency() == null ? Latency.EMPTY : phase.latency();
            Latency ttft = phase.ttft() == null ? Latency.EMPTY : phase.ttft();
            Map<String, Object> row = map("name", phase.name(),
                    "faulted", spec != null && spec.faulted(),
                    "targets", targets(spec),
                    "window", clock(phase.plannedAtMs()) + "–" + clock(phase.endMs()),
                    "started", phase.startedAtMs() == null ? "never began" : clock(phase.startedAtMs()),
                    "exchanges", Format.count(phase.exchanges()),
                    "answered", Format.count(phase.answered()),
                    "availability", Format.percent(phase.availability()),
                    "quality", Format.score(phase.quality()),
                    "baselineQuality", Format.score(phase.baselineQuality()),
                    "iqLoss", loss == null ? Format.NONE : Format.percent(loss.value()),
                    "iqLossInterval", loss == null || loss.low() == null || loss.high() == null ? ""
                            : Format.percent(loss.low()) + " to " + Format.percent(loss.high()),
                    "p99", Format.millis(latency.p99Ms()),
                    "ttftP99", Format.millis(ttft.p99Ms()),
                    "cost", Format.usd(phase.costUsd()));
            row.putAll(GoodputView.phase(phase));
            rows.add(row);
        }
        return rows;
    }

    private Map<String, Object> cost() {
        Cost cost = result.cost();
        if (cost == null) {
            return map("known", false);
        }
        Map<String, double[]> byProvider = new LinkedHashMap<>();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (CostLine line : cost.byModel()) {
            lines.add(map("provider", line.provider(), "model", line.model(), "calls", Format.count(line.calls()),
                    "inputTokens", Format.count(line.inputTokens()), "outputTokens", Format.count(line.outputTokens()),
                    "cost", Format.usd(line.costUsd()), "wasted", Format.usd(line.wastedUsd())));
            double[] sums = byProvider.computeIfAbsent(line.provider(), p -> new double[3]);
            sums[0] += line.calls();
            sums[1] += line.costUsd();
            sums[2] += line.wastedUsd();
        }
        List<Map<String, Object>> providers = new ArrayList<>();
        byProvider.forEach((provider, sums) -> providers.add(map("provider", provider,
                "calls", Format.count((long) sums[0]), "cost", Format.usd(sums[1]), "wasted", Format.usd(sums[2]),
                "share", cost.totalUsd() > 0 ? Format.percent(sums[1] / cost.totalUsd()) : Format.NONE)));
        return map("known", true,
                "total", Format.usd(cost.totalUsd()),
                "baselineTotal", Format.usd(cost.baselineTotalUsd()),
                "amplification", cost.amplification() == null ? "unknown — no baseline" : Format.ratio(cost.amplification()),
                "perCorrect", cost.perCorrectAnswerUsd() == null ? "no correct answer" : Format.usd(cost.perCorrectAnswerUsd()),
                "wasted", Format.usd(cost.wastedUsd()),
                "wastedShare", cost.totalUsd() > 0 ? Format.percent(cost.wastedUsd() / cost.totalUsd()) : Format.NONE,
                "lines", lines, "hasLines", !lines.isEmpty(),
                "providers", providers);
    }

    private Map<String, Object> models() {
        long calls = result.modelsServed().stream().mapToLong(ModelServed::calls).sum();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ModelServed served : result.modelsServed()) {
            rows.add(map("provider", served.provider(), "model", served.model(), "calls", Format.count(served.calls()),
                    "share", calls > 0 ? Format.percent(served.calls() / (double) calls) : Format.NONE));
        }
        // the gateway's own word against the ledgers: an answer that names a model other than the one that served it
        long misnamed = 0;
        String example = null;
        for (ExchangeResult exchange : result.exchanges()) {
            if (exchange.claimedModel() == null || exchange.servedBy().isEmpty()) {
                continue;
            }
            String last = exchange.servedBy().get(exchange.servedBy().size() - 1);
            String model = last.substring(last.indexOf('/') + 1);
            if (!model.equals(exchange.claimedModel())) {
                misnamed++;
                if (example == null) {
                    example = "task " + exchange.taskId() + " named " + exchange.claimedModel() + " but was served by "
                            + last;
                }
            }
        }
        String misnamedText = misnamed == 0 ? null : Format.count(misnamed)
                + (misnamed == 1 ? " answer named a model" : " answers named a model")
                + " other than the one whose call ended it, for example " + example + ".";
        return map("rows", rows, "hasRows", !rows.isEmpty(), "misnamed", misnamed > 0, "misnamedText", misnamedText);
    }

    private List<Map<String, Object>> failover() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FailoverResult failover : result.failover()) {
            PhaseSpec spec = spec(failover.phase());
            Long toFailover = failover.timeToFailoverMs();
            Long toRecover = failover.timeToRecoverMs();
            rows.add(map("phase", failover.phase(), "targets", targets(spec),
                    "window", spec == null ? Format.NONE : clock(spec.atMs()) + "–" + clock(spec.endMs()),
                    "failover", toFailover == null ? "never: the phase ended below the baseline's availability"
                            : toFailover == 0 ? "0 (availability never fell below the baseline's)" : Format.millis(toFailover),
                    "failoverBad", toFailover == null,
                    "recover", toRecover == null ? "never: quality did not come back within the run" : Format.millis(toRecover),
                    "recoverBad", toRecover == null));
        }
        return rows;
    }

    private Map<String, Object> security() {
        List<Map<String, Object>> rows = new ArrayList<>();
        int count = 0;
        if (result.security() != null) {
            count = result.security().count();
            for (Finding finding : result.security().findings()) {
                rows.add(map("kind", finding.kind() == null ? Format.NONE : finding.kind().label().replace('_', ' '),
                        "where", finding.where(), "detail", finding.detail(), "count", Format.count(finding.count())));
            }
        }
        return map("countText", Format.count(count) + (count == 1 ? " finding" : " findings"),
                "clean", count == 0 && rows.isEmpty(), "rows", rows);
    }

    /**
     * The exchanges worth a reader's time: every error or timeout, and every answer that scored below its baseline
     * twin; the biggest drop first, then the earliest. Aborted exchanges are the run's stop, not the SUT's doing.
     */
    static List<ExchangeResult> worstOf(List<ExchangeResult> exchanges) {
        return exchanges.stream()
                .filter(e -> !"aborted".equals(e.outcome()))
                .filter(e -> "error".equals(e.outcome()) || "timeout".equals(e.outcome())
                        || (e.baselineScore() != null && e.score() < e.baselineScore()))
                .sorted(Comparator.comparingDouble(ReportView::drop).reversed()
                        .thenComparingDouble(ExchangeResult::intendedMs))
                .limit(WORST_LIMIT)
                .toList();
    }

    private static double drop(ExchangeResult exchange) {
        return (exchange.baselineScore() == null ? 1.0 : exchange.baselineScore()) - exchange.score();
    }

    private Map<String, Object> worst() {
        List<ExchangeResult> worst = worstOf(result.exchanges());
        long candidates = result.exchanges().stream()
                .filter(e -> !"aborted".equals(e.outcome()))
                .filter(e -> "error".equals(e.outcome()) || "timeout".equals(e.outcome())
                        || (e.baselineScore() != null && e.score() < e.baselineScore()))
                .count();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ExchangeResult e : worst) {
            String outcome = e.outcome();
            if (e.errorClass() != null) {
                outcome += " (" + e.errorClass() + ")";
            } else if (e.status() != 0 && e.status() != 200) {
                outcome += " (HTTP " + e.status() + ")";
            }
            rows.add(map("taskId", e.taskId(), "kind", e.kind(), "phase", e.phase(), "at", clock((long) e.intendedMs()),
                    "outcome", outcome, "score", Format.score(e.score()), "baselineScore", Format.score(e.baselineScore()),
                    "cause", e.cause() == null ? Format.NONE : e.cause().label(),
                    "latency", Format.millis(e.latencyMs()),
                    "servedBy", e.servedBy().isEmpty() ? "no provider call" : String.join(" → ", e.servedBy()),
                    "claimedModel", e.claimedModel() == null ? "none named" : e.claimedModel(),
                    "truncated", e.truncated(),
                    "prompt", orNone(Format.truncate(e.prompt(), PROMPT_LIMIT), "(not recorded)"),
                    "expected", orNone(Format.truncate(e.expected(), EXPECTED_LIMIT), "(not recorded)"),
                    "answer", orNone(Format.truncate(e.answer(), ANSWER_LIMIT), "(no answer)")));
        }
        return map("rows", rows, "any", !rows.isEmpty(), "shown", Format.count(rows.size()),
                "of", Format.count(candidates), "more", candidates > rows.size(),
                "total", Format.count(result.exchanges().size()));
    }

    private Map<String, Object> reproduce() {
        ScenarioInfo scenario = result.scenario();
        BaselineInfo baseline = result.baseline();
        String baselineText;
        if (baseline == null || baseline.mode() == BaselineMode.NONE) {
            baselineText = "none";
        } else if (baseline.mode() == BaselineMode.FILE) {
            baselineText = "stored result " + Objects.toString(baseline.source(), "(path not recorded)");
        } else {
            baselineText = "played just before, same workload and seed";
        }
        if (baseline != null && baseline.mode() != BaselineMode.NONE && !baseline.completed()) {
            baselineText += " (incomplete)";
        }
        var versions = result.versions();
        return map("command", result.command().isEmpty() ? null : Format.shell(result.command()),
                "seed", scenario == null ? Format.NONE : Long.toString(scenario.seed()),
                "timeScale", scenario == null ? Format.NONE : Format.number(scenario.timeScale()),
                "loadScale", scenario == null ? Format.NONE : Format.number(scenario.loadScale()),
                "duration", scenario == null ? Format.NONE : Format.millis(scenario.durationMs()),
                "baseline", baselineText,
                "sut", result.sut() == null ? Format.NONE : result.sut().name()
                        + (result.sut().baseUrl() == null ? "" : " at " + result.sut().baseUrl()),
                "brownout", versions == null ? Format.NONE : versions.brownout(),
                "java", versions == null ? Format.NONE : versions.java(),
                "os", versions == null ? Format.NONE : versions.os(),
                "schema", result.schemaVersion(),
                "started", Format.when(result.startedAt()),
                "ended", Format.when(result.endedAt()));
    }

    private static String orNone(String text, String none) {
        return text == null ? none : text;
    }

    /** A moment of the run as {@code m:ss.s} from its start. */
    static String clock(long ms) {
        long tenths = Math.round(ms / 100.0);
        return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10);
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The timeline's windows in time order, for the charts. */
    static List<Window> windows(Timeline timeline) {
        if (timeline == null) {
            return List.of();
        }
        return timeline.windows().stream().sorted(Comparator.comparingLong(Window::startMs)).toList();
    }
}
