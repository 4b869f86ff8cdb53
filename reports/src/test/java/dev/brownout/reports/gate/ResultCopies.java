package dev.brownout.reports.gate;

import dev.brownout.reports.BaselineInfo;
import dev.brownout.reports.Cost;
import dev.brownout.reports.FailoverResult;
import dev.brownout.reports.GateSpec;
import dev.brownout.reports.ProbeResult;
import dev.brownout.reports.Quality;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.ScenarioInfo;
import dev.brownout.reports.Security;
import dev.brownout.reports.Summary;
import dev.brownout.reports.WorldSchedule;

import java.util.List;

/** Copies of a run result with one part changed, for the report tests. */
public final class ResultCopies {

    private ResultCopies() {
    }

    public static RunResult completed(RunResult r) {
        return new RunResult(r.schemaVersion(), r.scenario(), r.sut(), r.versions(), r.command(), r.startedAt(),
                r.endedAt(), true, null, r.baseline(), r.summary(), r.quality(), r.attribution(), r.phases(),
                r.timeline(), r.failover(), r.cost(), r.modelsServed(), r.conduct(), r.security(), r.gates(),
                r.exchanges(), r.warnings(), r.probe(), r.world());
    }

    public static RunResult withProbe(RunResult r, ProbeResult probe) {
        return new RunResult(r.schemaVersion(), r.scenario(), r.sut(), r.versions(), r.command(), r.startedAt(),
                r.endedAt(), r.completed(), r.stopReason(), r.baseline(), r.summary(), r.quality(), r.attribution(),
                r.phases(), r.timeline(), r.failover(), r.cost(), r.modelsServed(), r.conduct(), r.security(),
                r.gates(), r.exchanges(), r.warnings(), probe, r.world());
    }

    public static RunResult withScenario(RunResult r, ScenarioInfo scenario) {
        return new RunResult(r.schemaVersion(), scenario, r.sut(), r.versions(), r.command(), r.startedAt(),
                r.endedAt(), r.completed(), r.stopReason(), r.baseline(), r.summary(), r.quality(), r.attribution(),
                r.phases(), r.timeline(), r.failover(), r.cost(), r.modelsServed(), r.conduct(), r.security(),
                r.gates(), r.exchanges(), r.warnings(), r.probe(), r.world());
    }

    public static RunResult withBaseline(RunResult r, BaselineInfo baseline, Quality quality) {
        return new RunResult(r.schemaVersion(), r.scenario(), r.sut(), r.versions(), r.command(), r.startedAt(),
                r.endedAt(), r.completed(), r.stopReason(), baseline, r.summary(), quality, r.attribution(),
                r.phases(), r.timeline(), r.failover(), r.cost(), r.modelsServed(), r.conduct(), r.security(),
                r.gates(), r.exchanges(), r.warnings(), r.probe(), r.world());
    }

    public static RunResult withWorld(RunResult r, WorldSchedule world) {
        return new RunResult(r.schemaVersion(), r.scenario(), r.sut(), r.versions(), r.command(), r.startedAt(),
                r.endedAt(), r.completed(), r.stopReason(), r.baseline(), r.summary(), r.quality(), r.attribution(),
                r.phases(), r.timeline(), r.failover(), r.cost(), r.modelsServed(), r.conduct(), r.security(),
                r.gates(), r.exchanges(), r.warnings(), r.probe(), world);
    }

    public static RunResult withQuality(RunResult r, Quality quality) {
        return withBaseline(r, r.baseline(), quality);
    }

    public static RunResult withSummary(RunResult r, Summary summary) {
        return new RunResult(r.schemaVersion(), r.scenario(), r.sut(), r.versions(), r.command(), r.startedAt(),
                r.endedAt(), r.completed(), r.stopReason(), r.baseline(), summary, r.quality(), r.attribution(),
                r.phases(), r.timeline(), r.failover(), r.cost(), r.modelsServed(), r.conduct(), r.security(),
                r.gates(), r.exchanges(), r.warnings(), r.probe(), r.world());
    }

    public static RunResult withFailover(RunResult r, List<FailoverResult> failover) {
        return new RunResult(r.schemaVersion(), r.scenario(), r.sut(), r.versions(), r.command(), r.startedAt(),
                r.endedAt(), r.completed(), r.stopReason(), r.baseline(), r.summary(), r.quality(), r.attribution(),
                r.phases(), r.timeline(), failover, r.cost(), r.modelsServed(), r.conduct(), r.security(),
                r.gates(), r.exchanges(), r.warnings(), r.probe(), r.world());
    }

    public static RunResult withCost(RunResult r, Cost cost) {
        return new RunResult(r.schemaVersion(), r.scenario(), r.sut(), r.versions(), r.command(), r.startedAt(),
                r.endedAt(), r.completed(), r.stopReason(), r.baseline(), r.summary(), r.quality(), r.attribution(),
                r.phases(), r.timeline(), r.failover(), cost, r.modelsServed(), r.conduct(), r.security(),
                r.gates(), r.exchanges(), r.warnings(), r.probe(), r.world());
    }

    public static RunResult withSecurity(RunResult r, Security security) {
        return new RunResult(r.schemaVersion(), r.scenario(), r.sut(), r.versions(), r.command(), r.startedAt(),
                r.endedAt(), r.completed(), r.stopReason(), r.baseline(), r.summary(), r.quality(), r.attribution(),
                r.phases(), r.timeline(), r.failover(), r.cost(), r.modelsServed(), r.conduct(), security,
                r.gates(), r.exchanges(), r.warnings(), r.probe(), r.world());
    }

    public static RunResult withGates(RunResult r, List<GateSpec> gates) {
        return new RunResult(r.schemaVersion(), r.scenario(), r.sut(), r.versions(), r.command(), r.startedAt(),
                r.endedAt(), r.completed(), r.stopReason(), r.baseline(), r.summary(), r.quality(), r.attribution(),
                r.phases(), r.timeline(), r.failover(), r.cost(), r.modelsServed(), r.conduct(), r.security(),
                gates, r.exchanges(), r.warnings(), r.probe(), r.world());
    }
}
