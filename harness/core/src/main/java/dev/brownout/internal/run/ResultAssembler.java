package dev.brownout.internal.run;

import dev.brownout.fakes.catalog.ModelCatalog;
import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.measure.ConductChecks;
import dev.brownout.internal.measure.ConductEvidence;
import dev.brownout.internal.measure.CostMeasure;
import dev.brownout.internal.measure.CostMeasurement;
import dev.brownout.internal.measure.FaultedPhase;
import dev.brownout.internal.measure.GoodputMeasure;
import dev.brownout.internal.measure.MultiStepMeasure;
import dev.brownout.internal.measure.NoiseFloor;
import dev.brownout.internal.measure.ProbeMeasure;
import dev.brownout.internal.measure.QualityMeasure;
import dev.brownout.internal.measure.QualityMeasurement;
import dev.brownout.internal.measure.Redactor;
import dev.brownout.internal.measure.SecurityFindings;
import dev.brownout.internal.measure.TruncatedAnswers;
import dev.brownout.internal.measure.VerdictContext;
import dev.brownout.internal.measure.WorldScheduleMeasure;
import dev.brownout.internal.measure.WorldSecrets;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.record.PhaseRecord;
import dev.brownout.internal.record.ProbeRecord;
import dev.brownout.reports.BaselineInfo;
import dev.brownout.reports.BaselineMode;
import dev.brownout.reports.Conduct;
import dev.brownout.reports.ExchangeResult;
import dev.brownout.reports.FailoverResult;
import dev.brownout.reports.GateSpec;
import dev.brownout.reports.Latency;
import dev.brownout.reports.PhaseResult;
import dev.brownout.reports.PhaseSpec;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResults;
import dev.brownout.reports.ScenarioInfo;
import dev.brownout.reports.SutInfo;
import dev.brownout.reports.Versions;
import dev.brownout.reports.WorldCpu;
import dev.brownout.reports.WorldSchedule;
import dev.brownout.reports.gate.Gate;
import dev.brownout.scenario.Phase;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.TargetFaults;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the runs a measured run played (read back from their folders) into its {@link RunResult}: quality
 * and IQ loss against the baseline, cost from the ledgers, conduct checks, security findings, and the
 * exchange log with the world's secrets redacted.
 */
final class ResultAssembler {

    private ResultAssembler() {
    }

    /** What a baseline contributes, whichever way it was obtained. */
    private record BaselineData(BaselineInfo info, List<ExchangeRecord> exchanges, Map<String, List<ProviderCall>> ledger,
                                List<String> warnings) {
    }

    /**
     * @param chaos      the scenario's run, or null when it never started (a baseline failed or the run was stopped)
     * @param stopReason why the measured run was stopped, or null
     * @param secrets    the world's secrets, for the security scan and the redaction
     */
    static RunResult assemble(RunPlan plan, BaselineChoice choice, Path folder, RunRecord chaos, RunRecord baselineRun,
                              RunRecord noiseRun, String stopReason, WorldSecrets secrets) {
        Scenario scenario = plan.scenario();
        List<PhaseSpec> timeline = timeline(scenario);
        RunFolderData played = chaos == null ? null : RunFolderData.read(chaos);
        // judged once, from the reply and the ledgers, so every count, the check and the cost agree on what was truncated
        List<ExchangeRecord> exchanges = played == null ? List.of() : TruncatedAnswers.judged(played.exchanges(), played.calls());
        List<ProviderCall> calls = played == null ? List.of() : played.calls();
        BaselineData baseline = baseline(choice, baselineRun);

        Map<String, PhaseRecord> phasesPlayed = new LinkedHashMap<>();
        if (chaos != null) {
            chaos.phases().forEach(phase -> phasesPlayed.put(phase.name(), phase));
        }
        long durationMs = scenario.duration().toMillis();
        QualityMeasurement quality = QualityMeasure.measure(exchanges, baseline.exchanges(), QualityMeasure.byTask(calls),
                baseline.ledger(), QualityMeasure.capabilityIn(catalog(scenario)), timeline, phasesPlayed, durationMs,
                QualityMeasure.defaultWindowMs(durationMs));
        quality = GoodputMeasure.measure(exchanges, baseline.exchanges(), timeline,
                playedMs(chaos, durationMs, exchanges), baselinePlayedMs(baselineRun, baseline, durationMs)).applyTo(quality);
        if (noiseRun != null && baseline.exchanges() != null) {
            quality = quality.withNoiseFloor(NoiseFloor.between(baseline.exchanges(), RunFolderData.read(noiseRun).exchanges()));
        }
        CostMeasurement cost = CostMeasure.measure(calls, exchanges, baseline.info().costUsd());
        Instant origin = chaos == null || chaos.timelineStart() == null ? Instant.EPOCH : chaos.timelineStart();
        // a run in which no phase was played showed no conduct: it gets no verdict rather than one judged on nothing
        boolean anyPhasePlayed = chaos != null && !chaos.phases().isEmpty();
        ProbeRecord probe = played == null ? null : played.probe();
        Conduct conduct = anyPhasePlayed ? ConductChecks.evaluate(scenario.checks(),
                ConductEvidence.of(calls, exchanges, origin).withTimeToRecover(timeToRecover(quality.failover(), timeline))
                        .withProbe(probe).withConnections(ConnectionsFile.read(chaos.folder())),
                verdictContext(plan, baseline.exchanges())).conduct()
                : Conduct.neverStarted();
        Redactor redactor = new Redactor(secrets);

        List<String> warnings = new ArrayList<>();
        String reason = stopReason;
        if (chaos == null) {
            reason = reason != null ? reason : "the baseline did not complete"
                    + (baselineRun == null || baselineRun.stopReason() == null ? "" : ": " + baselineRun.stopReason());
        } else {
            warnings.addAll(chaos.warnings());
            reason = reason != null ? reason : chaos.stopReason();
        }
        warnings.addAll(baseline.warnings());
        warnings.addAll(quality.warnings());
        warnings.addAll(cost.warnings());
        boolean completed = reason == null && chaos != null && chaos.completed();

        return new RunResult(RunResult.SCHEMA_VERSION, scenarioInfo(scenario, timeline),
                new SutInfo(plan.sut().name(), chaos == null ? null : chaos.sutBaseUrl()), versions(), plan.command(),
                chaos == null ? Instant.now() : chaos.startedAt(), chaos == null ? Instant.now() : chaos.endedAt(),
                completed, completed ? null : reason, baseline.info(), quality.summary(), quality.quality(),
                quality.attribution(), withCost(quality.phases(), calls, exchanges), quality.timeline(),
                quality.failover(), cost.cost(), cost.modelsServed(), conduct,
                SecurityFindings.find(calls, secrets, folder), gates(scenario),
                quality.exchanges().stream().map(exchange -> redacted(exchange, redactor)).toList(), warnings,
                ProbeMeasure.result(probe, played == null ? List.of() : played.probeCalls()),
                world(chaos, calls, quality.summary() == null ? null : quality.summary().latency()),
                MultiStepMeasure.measure(exchanges, baseline.exchanges(), QualityMeasure.byTask(calls),
                        choice.mode() == BaselineMode.AUTO ? baseline.ledger() : null));
    }

    /** How well the world kept its schedule over the timeline; null when the timeline never began. */
    private static WorldSchedule world(RunRecord chaos, List<ProviderCall> calls, Latency runLatency) {
        if (chaos == null || chaos.timelineStart() == null) {
            return null;
        }
        return WorldScheduleMeasure.measure(List.copyOf(chaos.ledgerStart().keySet()), calls,
                ConnectionsFile.read(chaos.folder()), runLatency, cpu(chaos));
    }

    private static WorldCpu cpu(RunRecord chaos) {
        if (chaos.cpuSeconds() == null || chaos.endedAt() == null) {
            return null;
        }
        double wall = Duration.between(chaos.timelineStart(), chaos.endedAt()).toNanos() / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        return new WorldCpu(chaos.cpuSeconds(), wall, cores, wall > 0 ? chaos.cpuSeconds() / (wall * cores) : 0,
                "the JVM that ran the run: the fake world, its fault proxies and the driver or load tool (and the "
                        + "system under test, when it runs inside it)");
    }

    private static BaselineData baseline(BaselineChoice choice, RunRecord baselineRun) {
        return switch (choice.mode()) {
            case NONE -> new BaselineData(BaselineInfo.none(), null, null, List.of());
            case AUTO -> {
                if (baselineRun == null) {
                    yield new BaselineData(new BaselineInfo(BaselineMode.AUTO, null, false, null, null, null), null, null,
                            List.of());
                }
                RunFolderData data = RunFolderData.read(baselineRun);
                yield new BaselineData(new BaselineInfo(BaselineMode.AUTO, null, baselineRun.completed(),
                        baselineRun.totals().meanScore(), CostMeasure.totalUsd(data.calls()),
                        baselineRun.totals().availability()), data.exchanges(), QualityMeasure.byTask(data.calls()),
                        baselineRun.warnings().stream().map(w -> "baseline: " + w).toList());
            }
            case FILE -> {
                RunResult stored = RunResults.read(choice.file());
                yield new BaselineData(new BaselineInfo(BaselineMode.FILE, choice.file().toString(), stored.completed(),
                        stored.quality().score(), stored.cost().totalUsd(), stored.summary().availability()),
                        stored.exchanges().stream().map(ResultAssembler::exchangeRecord).toList(),
                        servingCalls(stored), List.of());
            }
        };
    }

    /** A stored result's exchange in the form the measurement reads. */
    private static ExchangeRecord exchangeRecord(ExchangeResult e) {
        return new ExchangeRecord(e.taskId(), e.kind(), e.phase(), e.intendedMs(), e.startedMs(), e.firstByteMs(),
                e.endedMs(), e.latencyMs(), e.outcome(), e.status(), e.errorClass(), e.claimedModel(), e.truncated(),
                e.score(), e.expected(), e.answer(), e.prompt(), e.truncation(), e.finishReason(), e.usage(), e.ending(),
                e.malformedEvents());
    }

    /**
     * A stored result keeps, per exchange, which provider and model served it ({@code served_by}); that is all the
     * measurement needs of a baseline's ledger (the serving model, for downgrades), so the calls are rebuilt
     * from it: status 200, complete, no cost (the stored total stands for the cost).
     */
    private static Map<String, List<ProviderCall>> servingCalls(RunResult stored) {
        Map<String, List<ProviderCall>> byTask = new HashMap<>();
        long seq = 0;
        for (ExchangeResult exchange : stored.exchanges()) {
            List<ProviderCall> calls = new ArrayList<>();
            for (String servedBy : exchange.servedBy()) {
                int slash = servedBy.indexOf('/');
                String provider = slash < 0 ? servedBy : servedBy.substring(0, slash);
                String model = slash < 0 ? null : servedBy.substring(slash + 1);
                calls.add(new ProviderCall(++seq, stored.startedAt(), provider, null, model, model, null, null, 200,
                        CallOutcome.COMPLETE, false, 0, 0, BigDecimal.ZERO, exchange.taskId(), null, null, null, null,
                        List.of(), null, 0, null, null));
            }
            byTask.put(exchange.taskId(), calls);
        }
        return byTask;
    }

    private static List<PhaseResult> withCost(List<PhaseResult> phases, List<ProviderCall> calls,
                                              List<ExchangeRecord> exchanges) {
        Map<String, String> phaseOfTask = new HashMap<>();
        exchanges.forEach(e -> phaseOfTask.put(e.taskId(), e.phase()));
        Map<String, BigDecimal> costByPhase = new HashMap<>();
        for (ProviderCall call : calls) {
            String phase = call.taskId() == null ? null : phaseOfTask.get(call.taskId());
            if (phase != null && call.costUsd() != null) {
                costByPhase.merge(phase, call.costUsd(), BigDecimal::add);
            }
        }
        return phases.stream().map(p -> new PhaseResult(p.name(), p.plannedAtMs(), p.startedAtMs(), p.endMs(),
                p.tookEffect(), p.exchanges(), p.answered(), p.availability(), p.quality(), p.baselineQuality(),
                p.iqLoss(), p.attribution(), p.latency(), p.ttft(),
                costByPhase.getOrDefault(p.name(), BigDecimal.ZERO).doubleValue(), p.goodput())).toList();
    }

    /** How much of its timeline a played run covered, for the rates of goodput. */
    private static long playedMs(RunRecord run, long durationMs, List<ExchangeRecord> exchanges) {
        if (run == null) {
            return 0;
        }
        Long endedMs = run.timelineStart() == null || run.endedAt() == null ? null
                : Duration.between(run.timelineStart(), run.endedAt()).toMillis();
        return GoodputMeasure.playedMs(run.completed(), durationMs, endedMs, exchanges);
    }

    /** Likewise for the baseline: a played one by its record, a stored one by whether it completed and its exchanges. */
    private static long baselinePlayedMs(RunRecord baselineRun, BaselineData baseline, long durationMs) {
        if (baseline.exchanges() == null) {
            return 0;
        }
        return baselineRun != null ? playedMs(baselineRun, durationMs, baseline.exchanges())
                : GoodputMeasure.playedMs(baseline.info().completed(), durationMs, null, baseline.exchanges());
    }

    /** What the verdict is judged against: the faulted phases, the baseline, the margin and what the SUT lacks. */
    private static VerdictContext verdictContext(RunPlan plan, List<ExchangeRecord> baseline) {
        Scenario scenario = plan.scenario();
        List<FaultedPhase> faulted = scenario.timeline().stream().filter(phase -> !phase.faults().isEmpty())
                .map(phase -> new FaultedPhase(phase.name(), phase.at().toMillis(), scenario.endOf(phase).toMillis(),
                        phase.expect()))
                .toList();
        return new VerdictContext(faulted, baseline, scenario.verdict().availabilityMarginShare(), plan.sut().lacking(),
                scenario.workload().timeout());
    }

    /** The time to recover after the last faulted phase, the one "healthy after the fault" is about. */
    private static Duration timeToRecover(List<FailoverResult> failover, List<PhaseSpec> timeline) {
        String lastFaulted = null;
        for (PhaseSpec phase : timeline) {
            if (phase.faulted()) {
                lastFaulted = phase.name();
            }
        }
        String phase = lastFaulted;
        return failover.stream().filter(f -> f.phase().equals(phase)).findFirst()
                .map(FailoverResult::timeToRecoverMs).filter(Objects::nonNull).map(Duration::ofMillis).orElse(null);
    }

    private static ExchangeResult redacted(ExchangeResult e, Redactor redactor) {
        return new ExchangeResult(e.taskId(), e.kind(), e.phase(), e.intendedMs(), e.startedMs(), e.firstByteMs(),
                e.endedMs(), e.latencyMs(), e.outcome(), e.status(), e.errorClass(), e.claimedModel(), e.servedBy(),
                e.truncated(), e.score(), e.baselineScore(), e.cause(), e.expected(),
                e.prompt() == null ? null : redactor.redact(e.prompt()),
                e.answer() == null ? null : redactor.redact(e.answer()), e.truncation(), e.finishReason(), e.usage(),
                e.ending(), e.malformedEvents());
    }

    static List<PhaseSpec> timeline(Scenario scenario) {
        List<PhaseSpec> specs = new ArrayList<>();
        for (Phase phase : scenario.timeline()) {
            specs.add(new PhaseSpec(phase.name(), phase.at().toMillis(), scenario.endOf(phase).toMillis(),
                    phase.faults().stream().map(TargetFaults::target).toList()));
        }
        return specs;
    }

    private static ScenarioInfo scenarioInfo(Scenario scenario, List<PhaseSpec> timeline) {
        return new ScenarioInfo(scenario.name(), scenario.description(), scenario.seed(), scenario.timeScale(),
                scenario.loadScale(), scenario.duration().toMillis(), timeline);
    }

    private static List<GateSpec> gates(Scenario scenario) {
        return scenario.gates().stream().map(Gate::toSpec).toList();
    }

    private static ModelCatalog catalog(Scenario scenario) {
        String file = scenario.world().catalog();
        return file == null ? ModelCatalog.defaults() : ModelCatalog.defaults().with(ModelCatalog.load(Path.of(file)));
    }

    private static Versions versions() {
        String version = ResultAssembler.class.getPackage().getImplementationVersion();
        return new Versions(version == null ? "development build" : version, System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }
}
