package dev.brownout.reports.compare;

import dev.brownout.reports.BaselineMode;
import dev.brownout.reports.Conduct;
import dev.brownout.reports.Cost;
import dev.brownout.reports.Estimate;
import dev.brownout.reports.FailoverResult;
import dev.brownout.reports.Latency;
import dev.brownout.reports.PhaseResult;
import dev.brownout.reports.Quality;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.ScenarioInfo;
import dev.brownout.reports.Summary;
import dev.brownout.reports.compare.ChangeRules.Interval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Two runs of the same scenario, before and after a change to the SUT, figure by figure.
 *
 * <p>Runs are <b>comparable</b> when they played the same scenario name, seed, time scale and load scale.
 * Runs that are not are still compared, and {@link #warnings()} names every difference; it also says when a
 * run is incomplete, has no baseline, or has a phase the other lacks.
 *
 * <p>A change is a <b>regression</b> when it is for the worse and beyond the noise, an <b>improvement</b> when
 * it is for the better and beyond the same noise, by these rules ({@code Δ} = after − before):
 * <ul>
 *   <li><b>IQ loss</b> (lower is better): {@code |Δ|} exceeds the noise floor, when either run measured one
 *       (the larger of the two), <em>and</em> the two runs' 95% intervals do not overlap, when both runs have
 *       one. For symmetric intervals the second test is {@code |Δ| > h_before + h_after}, the half-widths
 *       added. When neither a noise floor nor both intervals are known the change is unknown, never flagged.
 *       Per phase the same, with the phase's intervals and the run's noise floor.</li>
 *   <li><b>Goodput loss</b> (lower is better), beside IQ loss, whole run and per phase, when either run measured
 *       goodput: the two runs' 95% intervals do not overlap (there is no noise floor of goodput); without both
 *       intervals the change is unknown, never flagged.</li>
 *   <li><b>Quality</b> (higher is better): the same rule in score units. A run's quality interval is its IQ
 *       loss interval mapped through {@code Q = Q_baseline × (1 − IQ loss)}, and its noise floor is
 *       {@code noise_floor × Q_baseline}; without a baseline neither exists and the change is unknown.</li>
 *   <li><b>Availability</b> (higher is better): the Agresti–Caffo 95% interval for the difference of two
 *       proportions, over each run's exchanges (aborted ones left out), excludes zero.</li>
 *   <li><b>Latency</b> p50, p99, p99 time to first token, and <b>time to failover / recover</b> (the worst over
 *       the faulted phases; a phase that never got there counts as never; unknown without a baseline or without
 *       faulted phases): {@code |Δ| > 50 ms} and {@code |Δ| > 10%} of the figure before. A time that came
 *       in one run and never in the other always counts.</li>
 *   <li><b>Cost amplification, total cost, wasted spend</b>: {@code |Δ| > 10%} of the figure before, and
 *       above 0.05 (amplification) or $0.001 (dollars).</li>
 *   <li><b>Security findings</b>: any increase is a regression, any decrease an improvement.</li>
 *   <li><b>Conduct verdict</b>: any move down the order pass, partial, safe, fail is a regression; up it, an
 *       improvement.</li>
 * </ul>
 * A figure missing in either run (no baseline, nothing measured) compares as {@link Direction#UNKNOWN} with
 * {@link Significance#UNKNOWN}: never a regression nor an improvement.
 *
 * @param comparable whether both runs played the same scenario, seed and scales
 * @param warnings   what a reader must know before trusting the comparison, one sentence each
 * @param headline   the whole-run figures, in {@link Metric} order
 * @param phases     the phases present in both runs, in the order the run before played them
 */
public record RunComparison(ComparedRun before, ComparedRun after, boolean comparable, List<String> warnings,
                            List<MetricChange> headline, List<PhaseComparison> phases) {

    public RunComparison {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        warnings = List.copyOf(warnings);
        headline = List.copyOf(headline);
        phases = List.copyOf(phases);
    }

    /** Compares two runs, naming each by its SUT and start time. */
    public static RunComparison of(RunResult before, RunResult after) {
        return of(before, defaultLabel(before), after, defaultLabel(after));
    }

    /** Compares two runs, naming each as given (e.g. the result files they were read from). */
    public static RunComparison of(RunResult before, String beforeLabel, RunResult after, String afterLabel) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        List<String> warnings = new ArrayList<>();
        boolean comparable = sameScenario(before.scenario(), after.scenario(), warnings);
        runWarnings("before", before, warnings);
        runWarnings("after", after, warnings);
        return new RunComparison(side(before, beforeLabel), side(after, afterLabel), comparable, warnings,
                headline(before, after), phases(before, after, warnings));
    }

    /** Every change flagged as a regression, headline first, then phase by phase. */
    public List<MetricChange> regressions() {
        return all().filter(MetricChange::regression).toList();
    }

    /** Every change flagged as an improvement, headline first, then phase by phase. */
    public List<MetricChange> improvements() {
        return all().filter(MetricChange::improvement).toList();
    }

    public boolean hasRegression() {
        return all().anyMatch(MetricChange::regression);
    }

    /** The headline change of {@code metric}. */
    public MetricChange headline(Metric metric) {
        return headline.stream().filter(change -> change.metric() == metric).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(metric + " is not a headline metric"));
    }

    private Stream<MetricChange> all() {
        return Stream.concat(headline.stream(), phases.stream().flatMap(phase -> phase.changes().stream()));
    }

    private static String defaultLabel(RunResult run) {
        String sut = run.sut() == null || run.sut().name() == null ? "run" : run.sut().name();
        return run.startedAt() == null ? sut : sut + " at " + run.startedAt();
    }

    private static ComparedRun side(RunResult run, String label) {
        ScenarioInfo scenario = run.scenario();
        return new ComparedRun(label, scenario == null ? null : scenario.name(), scenario == null ? 0 : scenario.seed(),
                scenario == null ? 0 : scenario.timeScale(), scenario == null ? 0 : scenario.loadScale(),
                run.sut() == null ? null : run.sut().name(), run.startedAt(), run.completed(),
                run.conduct() == null ? null : run.conduct().verdict(), run.conduct() == null ? null : run.conduct().reason());
    }

    private static boolean sameScenario(ScenarioInfo before, ScenarioInfo after, List<String> warnings) {
        int found = warnings.size();
        if (before == null || after == null) {
            warnings.add("not comparable: a run does not say which scenario it played");
            return false;
        }
        if (!Objects.equals(before.name(), after.name())) {
            warnings.add("not the same scenario: '" + before.name() + "' before, '" + after.name() + "' after");
        }
        if (before.seed() != after.seed()) {
            warnings.add("not the same seed: " + before.seed() + " before, " + after.seed() + " after");
        }
        if (Double.compare(before.timeScale(), after.timeScale()) != 0) {
            warnings.add("not the same time scale: " + before.timeScale() + " before, " + after.timeScale()
                    + " after");
        }
        if (Double.compare(before.loadScale(), after.loadScale()) != 0) {
            warnings.add("not the same load scale: " + before.loadScale() + " before, " + after.loadScale()
                    + " after");
        }
        return warnings.size() == found;
    }

    private static void runWarnings(String side, RunResult run, List<String> warnings) {
        if (!run.completed()) {
            warnings.add("the run " + side + " is incomplete" + (run.stopReason() == null ? "" : " (" + run.stopReason()
                    + ")") + ": its figures cover only what was played");
        }
        if (run.conduct() != null && !run.conduct().judged()) {
            warnings.add("the run " + side + " has " + Conduct.NO_VERDICT + "; it has no figure to compare");
        }
        if (!hasBaseline(run)) {
            warnings.add("the run " + side + " has no baseline: its IQ loss, cost amplification, failover times "
                    + "and the noise of its quality are unknown");
        }
    }

    private static boolean hasBaseline(RunResult run) {
        return run.baseline() != null && run.baseline().mode() != BaselineMode.NONE;
    }

    private static List<MetricChange> headline(RunResult before, RunResult after) {
        Quality qb = before.quality();
        Quality qa = after.quality();
        Summary sb = before.summary();
        Summary sa = after.summary();
        Cost cb = before.cost();
        Cost ca = after.cost();
        Double noiseFloor = larger(noiseFloor(qb), noiseFloor(qa));
        return GoodputChanges.beside(List.of(
                ChangeRules.graded(Metric.IQ_LOSS, value(iqLoss(qb)), interval(iqLoss(qb)), value(iqLoss(qa)),
                        interval(iqLoss(qa)), noiseFloor),
                ChangeRules.graded(Metric.QUALITY, score(qb), qualityInterval(iqLoss(qb), baselineScore(qb)),
                        score(qa), qualityInterval(iqLoss(qa), baselineScore(qa)),
                        larger(scaled(noiseFloor(qb), baselineScore(qb)), scaled(noiseFloor(qa), baselineScore(qa)))),
                ChangeRules.proportion(Metric.AVAILABILITY, sb == null ? null : sb.availability(), measured(sb),
                        sa == null ? null : sa.availability(), measured(sa)),
                ChangeRules.timing(Metric.P50_LATENCY, latency(sb, Summary::latency, Latency::p50Ms),
                        latency(sa, Summary::latency, Latency::p50Ms)),
                ChangeRules.timing(Metric.P99_LATENCY, latency(sb, Summary::latency, Latency::p99Ms),
                        latency(sa, Summary::latency, Latency::p99Ms)),
                ChangeRules.timing(Metric.TTFT_P99, latency(sb, Summary::ttft, Latency::p99Ms),
                        latency(sa, Summary::ttft, Latency::p99Ms)),
                ChangeRules.timing(Metric.TIME_TO_FAILOVER, worst(before, FailoverResult::timeToFailoverMs),
                        worst(after, FailoverResult::timeToFailoverMs)),
                ChangeRules.timing(Metric.TIME_TO_RECOVER, worst(before, FailoverResult::timeToRecoverMs),
                        worst(after, FailoverResult::timeToRecoverMs)),
                ChangeRules.cost(Metric.COST_AMPLIFICATION, cb == null ? null : cb.amplification(),
                        ca == null ? null : ca.amplification()),
                ChangeRules.cost(Metric.TOTAL_COST, cb == null ? null : cb.totalUsd(), ca == null ? null : ca.totalUsd()),
                ChangeRules.cost(Metric.WASTED_SPEND, cb == null ? null : cb.wastedUsd(),
                        ca == null ? null : ca.wastedUsd()),
                ChangeRules.exact(Metric.SECURITY_FINDINGS,
                        before.security() == null ? null : (double) before.security().count(),
                        after.security() == null ? null : (double) after.security().count()),
                ChangeRules.exact(Metric.CONDUCT_VERDICT, verdictRank(before), verdictRank(after))),
                qb == null ? null : qb.goodput(), qa == null ? null : qa.goodput());
    }

    private static List<PhaseComparison> phases(RunResult before, RunResult after, List<String> warnings) {
        Map<String, PhaseResult> afterPhases = byName(after.phases());
        Map<String, PhaseResult> beforePhases = byName(before.phases());
        Double noiseFloor = larger(noiseFloor(before.quality()), noiseFloor(after.quality()));
        List<PhaseComparison> phases = new ArrayList<>();
        for (PhaseResult pb : beforePhases.values()) {
            PhaseResult pa = afterPhases.get(pb.name());
            if (pa == null) {
                warnings.add("phase '" + pb.name() + "' is only in the run before");
                continue;
            }
            phases.add(new PhaseComparison(pb.name(), GoodputChanges.beside(List.of(
                    ChangeRules.graded(Metric.QUALITY, pb.quality(), qualityInterval(pb.iqLoss(), pb.baselineQuality()),
                            pa.quality(), qualityInterval(pa.iqLoss(), pa.baselineQuality()),
                            larger(scaled(noiseFloor(before.quality()), pb.baselineQuality()),
                                    scaled(noiseFloor(after.quality()), pa.baselineQuality()))),
                    ChangeRules.graded(Metric.IQ_LOSS, value(pb.iqLoss()), interval(pb.iqLoss()), value(pa.iqLoss()),
                            interval(pa.iqLoss()), noiseFloor),
                    ChangeRules.proportion(Metric.AVAILABILITY, pb.availability(), pb.exchanges(), pa.availability(),
                            pa.exchanges()),
                    ChangeRules.timing(Metric.P99_LATENCY, pb.latency() == null ? null : pb.latency().p99Ms(),
                            pa.latency() == null ? null : pa.latency().p99Ms())), pb.goodput(), pa.goodput())));
        }
        for (String name : afterPhases.keySet()) {
            if (!beforePhases.containsKey(name)) {
                warnings.add("phase '" + name + "' is only in the run after");
            }
        }
        return phases;
    }

    private static Map<String, PhaseResult> byName(List<PhaseResult> phases) {
        Map<String, PhaseResult> byName = new LinkedHashMap<>();
        for (PhaseResult phase : phases) {
            byName.putIfAbsent(phase.name(), phase);
        }
        return byName;
    }

    private static Estimate iqLoss(Quality quality) {
        return quality == null ? null : quality.iqLoss();
    }

    private static Double score(Quality quality) {
        return quality == null ? null : quality.score();
    }

    private static Double baselineScore(Quality quality) {
        return quality == null ? null : quality.baselineScore();
    }

    private static Double noiseFloor(Quality quality) {
        return quality == null ? null : quality.noiseFloor();
    }

    private static Double value(Estimate estimate) {
        return estimate == null ? null : estimate.value();
    }

    private static Interval interval(Estimate estimate) {
        return estimate == null ? Interval.NONE : new Interval(estimate.low(), estimate.high());
    }

    /** IQ loss is 1 − Q / Q_baseline, so its interval [l, h] is Q's [Q_baseline (1 − h), Q_baseline (1 − l)]. */
    private static Interval qualityInterval(Estimate iqLoss, Double baselineScore) {
        if (iqLoss == null || iqLoss.low() == null || iqLoss.high() == null || baselineScore == null) {
            return Interval.NONE;
        }
        return new Interval(baselineScore * (1 - iqLoss.high()), baselineScore * (1 - iqLoss.low()));
    }

    private static Double scaled(Double noiseFloor, Double baselineScore) {
        return noiseFloor == null || baselineScore == null ? null : noiseFloor * baselineScore;
    }

    private static Double larger(Double a, Double b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }

    private static long measured(Summary summary) {
        return summary == null ? 0 : summary.exchanges() - summary.aborted();
    }

    private static Double latency(Summary summary, Function<Summary, Latency> which, Function<Latency, Double> figure) {
        if (summary == null || which.apply(summary) == null) {
            return null;
        }
        return figure.apply(which.apply(summary));
    }

    /** The worst time over the faulted phases; never (+∞) when a phase never got there; null when unknown. */
    private static Double worst(RunResult run, Function<FailoverResult, Long> time) {
        if (!hasBaseline(run) || run.failover().isEmpty()) {
            return null;
        }
        double worst = 0;
        for (FailoverResult result : run.failover()) {
            Long ms = time.apply(result);
            worst = Math.max(worst, ms == null ? Double.POSITIVE_INFINITY : ms);
        }
        return worst;
    }

    private static Double verdictRank(RunResult run) {
        return run.conduct() == null || run.conduct().verdict() == null ? null
                : (double) ChangeText.VERDICTS_BEST_FIRST.indexOf(run.conduct().verdict());
    }
}
