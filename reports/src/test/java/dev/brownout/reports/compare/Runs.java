package dev.brownout.reports.compare;

import dev.brownout.reports.BaselineInfo;
import dev.brownout.reports.Conduct;
import dev.brownout.reports.Cost;
import dev.brownout.reports.Estimate;
import dev.brownout.reports.FailoverResult;
import dev.brownout.reports.Latency;
import dev.brownout.reports.PhaseResult;
import dev.brownout.reports.Quality;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResultFixtures;
import dev.brownout.reports.ScenarioInfo;
import dev.brownout.reports.Security;
import dev.brownout.reports.Summary;
import dev.brownout.reports.SutInfo;
import dev.brownout.reports.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built runs for the comparison tests: {@link #run()} starts from {@link RunResultFixtures#full()}, marked
 * complete, and each method changes one figure.
 */
final class Runs {

    private RunResult run;

    private Runs(RunResult run) {
        this.run = run;
    }

    /** The full fixture, as a run that played to its end. */
    static Runs run() {
        return new Runs(RunResultFixtures.full()).completed(true, null);
    }

    Runs completed(boolean completed, String stopReason) {
        RunResult r = run;
        run = new RunResult(r.schemaVersion(), r.scenario(), r.sut(), r.versions(), r.command(), r.startedAt(),
                r.endedAt(), completed, stopReason, r.baseline(), r.summary(), r.quality(), r.attribution(), r.phases(),
                r.timeline(), r.failover(), r.cost(), r.modelsServed(), r.conduct(), r.security(), r.gates(),
                r.exchanges(), r.warnings());
        return this;
    }

    Runs scenario(String name, long seed, double timeScale, double loadScale) {
        ScenarioInfo s = run.scenario();
        return with(new ScenarioInfo(name, s.description(), seed, timeScale, loadScale, s.durationMs(), s.timeline()),
                run.sut(), run.baseline(), run.summary(), run.quality(), run.phases(), run.failover(), run.cost(),
                run.conduct(), run.security());
    }

    Runs sut(String name) {
        return with(run.scenario(), new SutInfo(name, run.sut().baseUrl()), run.baseline(), run.summary(),
                run.quality(), run.phases(), run.failover(), run.cost(), run.conduct(), run.security());
    }

    Runs iqLoss(double value, Double low, Double high) {
        Quality q = run.quality();
        return quality(new Quality(q.score(), q.baselineScore(), new Estimate(value, low, high), q.noiseFloor()));
    }

    Runs noiseFloor(Double noiseFloor) {
        Quality q = run.quality();
        return quality(new Quality(q.score(), q.baselineScore(), q.iqLoss(), noiseFloor));
    }

    /** Quality {@code score} against {@code baselineScore}, with an IQ loss and interval that agree. */
    Runs qualityScore(double score, double baselineScore, double halfWidth) {
        double loss = 1 - score / baselineScore;
        double lossHalfWidth = halfWidth / baselineScore;
        return quality(new Quality(score, baselineScore,
                new Estimate(loss, loss - lossHalfWidth, loss + lossHalfWidth), run.quality().noiseFloor()));
    }

    /** No baseline: no baseline score, IQ loss, noise floor or cost amplification. */
    Runs noBaseline() {
        Cost c = run.cost();
        return with(run.scenario(), run.sut(), BaselineInfo.none(), run.summary(),
                new Quality(run.quality().score(), null, null, null), run.phases(), run.failover(),
                new Cost(c.totalUsd(), null, null, c.perCorrectAnswerUsd(), c.wastedUsd(), c.byModel()), run.conduct(),
                run.security());
    }

    /** {@code answered} of {@code exchanges} answered, none aborted. */
    Runs availability(long answered, long exchanges) {
        Summary s = run.summary();
        return summary(new Summary(exchanges, answered, exchanges - answered, 0, 0, s.truncated(), s.correct(),
                (double) answered / exchanges, s.latency(), s.ttft()));
    }

    Runs p50(Double ms) {
        Summary s = run.summary();
        Latency l = s.latency();
        return latency(new Latency(l.count(), ms, l.p90Ms(), l.p99Ms(), l.maxMs()), s.ttft());
    }

    Runs p99(Double ms) {
        Summary s = run.summary();
        Latency l = s.latency();
        return latency(new Latency(l.count(), l.p50Ms(), l.p90Ms(), ms, l.maxMs()), s.ttft());
    }

    Runs ttftP99(Double ms) {
        Summary s = run.summary();
        Latency t = s.ttft();
        return latency(s.latency(), new Latency(t.count(), t.p50Ms(), t.p90Ms(), ms, t.maxMs()));
    }

    Runs failover(FailoverResult... results) {
        return with(run.scenario(), run.sut(), run.baseline(), run.summary(), run.quality(), run.phases(),
                List.of(results), run.cost(), run.conduct(), run.security());
    }

    Runs totalCost(double usd) {
        Cost c = run.cost();
        return cost(new Cost(usd, c.baselineTotalUsd(), c.amplification(), c.perCorrectAnswerUsd(), c.wastedUsd(),
                c.byModel()));
    }

    Runs amplification(Double amplification) {
        Cost c = run.cost();
        return cost(new Cost(c.totalUsd(), c.baselineTotalUsd(), amplification, c.perCorrectAnswerUsd(),
                c.wastedUsd(), c.byModel()));
    }

    Runs securityFindings(int count) {
        return with(run.scenario(), run.sut(), run.baseline(), run.summary(), run.quality(), run.phases(),
                run.failover(), run.cost(), run.conduct(), new Security(count, run.security().findings()));
    }

    Runs verdict(Verdict verdict) {
        return with(run.scenario(), run.sut(), run.baseline(), run.summary(), run.quality(), run.phases(),
                run.failover(), run.cost(), new Conduct(verdict, run.conduct().checks()), run.security());
    }

    Runs verdict(Verdict verdict, String reason) {
        return with(run.scenario(), run.sut(), run.baseline(), run.summary(), run.quality(), run.phases(),
                run.failover(), run.cost(), new Conduct(verdict, run.conduct().checks(), reason, List.of()),
                run.security());
    }

    Runs phases(PhaseResult... phases) {
        return with(run.scenario(), run.sut(), run.baseline(), run.summary(), run.quality(), List.of(phases),
                run.failover(), run.cost(), run.conduct(), run.security());
    }

    /** Replaces the phase of the same name with {@code phase}, or adds it. */
    Runs phase(PhaseResult phase) {
        List<PhaseResult> phases = new ArrayList<>(run.phases());
        phases.removeIf(p -> p.name().equals(phase.name()));
        phases.add(phase);
        return phases(phases.toArray(PhaseResult[]::new));
    }

    RunResult build() {
        return run;
    }

    /** The fixture's outage phase under another name. */
    static PhaseResult outagePhaseNamed(String name) {
        PhaseResult p = RunResultFixtures.full().phases().get(1);
        return new PhaseResult(name, p.plannedAtMs(), p.startedAtMs(), p.endMs(), p.tookEffect(), p.exchanges(),
                p.answered(), p.availability(), p.quality(), p.baselineQuality(), p.iqLoss(), p.attribution(),
                p.latency(), p.ttft(), p.costUsd());
    }

    /** The fixture's outage phase with the given p99 latency, IQ loss and interval. */
    static PhaseResult outagePhase(double p99Ms, double iqLoss, double low, double high) {
        PhaseResult p = RunResultFixtures.full().phases().get(1);
        Latency l = p.latency();
        return new PhaseResult(p.name(), p.plannedAtMs(), p.startedAtMs(), p.endMs(), p.tookEffect(), p.exchanges(),
                p.answered(), p.availability(), p.baselineQuality() * (1 - iqLoss), p.baselineQuality(),
                new Estimate(iqLoss, low, high), p.attribution(), new Latency(l.count(), l.p50Ms(), l.p90Ms(), p99Ms,
                l.maxMs()), p.ttft(), p.costUsd());
    }

    private Runs quality(Quality quality) {
        return with(run.scenario(), run.sut(), run.baseline(), run.summary(), quality, run.phases(), run.failover(),
                run.cost(), run.conduct(), run.security());
    }

    private Runs summary(Summary summary) {
        return with(run.scenario(), run.sut(), run.baseline(), summary, run.quality(), run.phases(), run.failover(),
                run.cost(), run.conduct(), run.security());
    }

    private Runs latency(Latency latency, Latency ttft) {
        Summary s = run.summary();
        return summary(new Summary(s.exchanges(), s.answered(), s.errors(), s.timeouts(), s.aborted(), s.truncated(),
                s.correct(), s.availability(), latency, ttft));
    }

    private Runs cost(Cost cost) {
        return with(run.scenario(), run.sut(), run.baseline(), run.summary(), run.quality(), run.phases(),
                run.failover(), cost, run.conduct(), run.security());
    }

    private Runs with(ScenarioInfo scenario, SutInfo sut, BaselineInfo baseline, Summary summary, Quality quality,
                      List<PhaseResult> phases, List<FailoverResult> failover, Cost cost, Conduct conduct,
                      Security security) {
        RunResult r = run;
        run = new RunResult(r.schemaVersion(), scenario, sut, r.versions(), r.command(), r.startedAt(), r.endedAt(),
                r.completed(), r.stopReason(), baseline, summary, quality, r.attribution(), phases, r.timeline(),
                failover, cost, r.modelsServed(), conduct, security, r.gates(), r.exchanges(), r.warnings());
        return this;
    }
}
