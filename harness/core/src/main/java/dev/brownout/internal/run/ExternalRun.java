package dev.brownout.internal.run;

import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.measure.WorldSecrets;
import dev.brownout.internal.sut.HttpDialectSut;
import dev.brownout.internal.sut.StartedSut;
import dev.brownout.internal.tasks.TaskSource;
import dev.brownout.internal.tasks.TaskSources;
import dev.brownout.internal.world.ProxiedWorld;
import dev.brownout.reports.BaselineMode;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResults;
import dev.brownout.scenario.Phase;
import dev.brownout.scenario.Scenario;
import dev.brownout.world.WorldEndpoints;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A measured run whose load another tool sends (a Gatling simulation): the world and the SUT are started at once,
 * the tool takes graded tasks from a population and reports each exchange, and the fault timeline plays from the
 * instant the measured population's first task is taken. With {@code --baseline auto} a baseline population is
 * played first in the same world against the same SUT with the timeline held clean; when the measured population
 * begins, the fakes forget the tasks they saw, so each measured task's calls draw as in a world started afresh
 * (the same draws {@code brownout run}'s chaos run gets). {@link #finish(String)} stops the timeline, keeps the
 * ledgers, cleans the world, stops the SUT and measures the populations into {@code result.json} with the same
 * {@link ResultAssembler} as {@code brownout run}.
 *
 * <p>The run folder: the measured population's {@code exchanges.jsonl}, ledgers, {@code connections.jsonl} and
 * {@code summary.json}; the baseline population's in {@code baseline/}, its ledgers holding only its own calls.
 */
public final class ExternalRun {

    private static final Duration RECORDER_DRAIN = Duration.ofSeconds(30);

    private final RunPlan plan;
    private final BaselineChoice baseline;
    private final RunFolder folder;
    private final ErrorFile errors;
    private final ProxiedWorld world;
    private final StartedSut sut;
    private final HttpDialectSut dialect;
    private final WorldSecrets secrets;
    private final Instant startedAt;
    private final ExternalPopulation measured;
    private final ExternalPopulation baselinePopulation;
    private final RunFolder baselineFolder;
    private final ErrorFile baselineErrors;
    private Map<String, Long> baselineLedgerStart = Map.of();
    private Map<String, Long> measuredLedgerStart = Map.of();
    private PhaseExecutor baselinePhases;
    private PhaseExecutor measuredPhases;
    private Instant baselineEndedAt;
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    private volatile MeasuredOutcome outcome;
    /** Set when the run starts finishing: a SUT exiting because the clean-up stops it is no reason to record. */
    private volatile boolean finishing;

    private ExternalRun(RunPlan plan, BaselineChoice baseline, RunFolder folder, ErrorFile errors, ProxiedWorld world,
                        StartedSut sut, HttpDialectSut dialect, Instant startedAt, TaskSource tasks) {
        this.plan = plan;
        this.baseline = baseline;
        this.folder = folder;
        this.errors = errors;
        this.world = world;
        this.sut = sut;
        this.dialect = dialect;
        this.secrets = WorldSecrets.of(world.endpoints());
        this.startedAt = startedAt;
        Scenario scenario = plan.scenario();
        boolean stream = scenario.workload().stream();
        Duration timeout = scenario.workload().timeout();
        if (baseline.mode() == BaselineMode.AUTO) {
            baselineFolder = RunFolder.at(folder.file(MeasuredRun.BASELINE_FOLDER));
            baselineFolder.writeText("scenario.yaml", scenario.withoutFaults().toYaml());
            baselineErrors = new ErrorFile(baselineFolder);
            baselineErrors.redacting(secrets);
            baselinePopulation = new ExternalPopulation("baseline", tasks, stream, timeout,
                    scenario.withoutFaults().timeline(), baselineFolder, baselineErrors, this::beginBaseline);
        } else {
            baselineFolder = null;
            baselineErrors = null;
            baselinePopulation = null;
        }
        measured = new ExternalPopulation("measured", tasks, stream, timeout, scenario.timeline(), folder, errors,
                this::beginMeasured);
    }

    /**
     * Starts the world behind its fault proxies and the SUT.
     *
     * @throws ExternalRunNotStartedException when either cannot start, or the SUT speaks no HTTP dialect a load tool
     *                                        can send; the world is closed and {@code error.txt} keeps the cause
     */
    public static ExternalRun start(RunPlan plan, BaselineChoice baseline, Path exactFolder) {
        Scenario scenario = plan.scenario();
        Instant startedAt = Instant.now();
        RunFolder folder = exactFolder != null ? RunFolder.at(exactFolder)
                : RunFolder.create(plan.out(), scenario.name(), plan.sut().name(), startedAt);
        folder.writeText("scenario.yaml", scenario.toYaml());
        folder.writeJson(JudgementInputs.FILE, JudgementInputs.of(plan.sut()));
        ErrorFile errors = new ErrorFile(folder);
        ProxiedWorld world = null;
        StartedSut sut = null;
        String doing = "reading the scenario's tasks";
        try {
            TaskSource tasks = TaskSources.of(scenario.workload().tasks(), scenario.workload().difficulty(),
                    scenario.seed(), plan.tasksDirectory());
            doing = "starting the world";
            world = ProxiedWorld.start(scenario.worldConfig(), plan.faultProxy().get());
            errors.redacting(WorldSecrets.of(world.endpoints()));
            doing = "listing the world in world.json";
            folder.writeJson("world.json", WorldListing.of(world));
            doing = "starting the system under test";
            sut = plan.sut().start(world.endpoints(), world.environment(), folder.path(), scenario.timeScale());
            if (!(sut.sut() instanceof HttpDialectSut dialect)) {
                throw new IllegalArgumentException("the SUT " + sut.name() + " is not reached over HTTP in a dialect a "
                        + "load tool can send (openai-chat or anthropic-messages); a command or in-JVM SUT is driven "
                        + "by brownout run alone");
            }
            ExternalRun run = new ExternalRun(plan, baseline, folder, errors, world, sut, dialect, startedAt, tasks);
            sut.exited().thenAccept(code -> run.stop("the SUT process exited with code " + code
                    + " while the load was running"));
            return run;
        } catch (RuntimeException e) {
            String reason = errors.ended(doing, e);
            WorldSecrets secrets = world == null ? WorldSecrets.of(List.of()) : WorldSecrets.of(world.endpoints());
            WorldCleanUp.keepAndClose(world, sut, folder, errors);
            throw new ExternalRunNotStartedException(reason, neverStarted(plan, baseline, folder, reason, secrets), e);
        }
    }

    public Path folder() {
        return folder.path();
    }

    public Scenario scenario() {
        return plan.scenario();
    }

    public WorldEndpoints endpoints() {
        return world.endpoints();
    }

    public String sutName() {
        return sut.name();
    }

    /** Where the SUT is reached: what an SDK of its dialect takes as its base URL. */
    public String sutBaseUrl() {
        return sut.baseUrl().orElseThrow();
    }

    public HttpDialectSut dialect() {
        return dialect;
    }

    public ExternalPopulation measured() {
        return measured;
    }

    /** The baseline population, or null without {@code --baseline auto}. */
    public ExternalPopulation baseline() {
        return baselinePopulation;
    }

    /**
     * Records why the run must count as incomplete; the first reason wins. Safe from any thread, and never waits
     * for the run's lock (a phase that cannot be set calls it from the timeline's thread while a finish waits for it).
     */
    public void stop(String reason) {
        if (!finishing) {
            stopReason.compareAndSet(null, reason);
        }
    }

    public boolean finished() {
        return outcome != null;
    }

    private synchronized void beginBaseline(long origin) {
        if (outcome != null || measured.begun()) {
            return;
        }
        baselineLedgerStart = WorldCleanUp.ledgerPositions(world);
        baselinePhases = PhaseExecutor.start(world, plan.scenario().withoutFaults().timeline(), origin,
                RunListener.NONE, baselineErrors, this::stop);
    }

    private synchronized void beginMeasured(long origin) {
        if (outcome != null) {
            return;
        }
        if (baselinePhases != null) {
            baselinePhases.stop();
            baselineEndedAt = Instant.now();
        }
        // each measured task's calls must be its first ones, as in the fresh world of brownout run's chaos run
        world.fakes().providers().forEach(FakeProvider::startAfresh);
        measuredLedgerStart = WorldCleanUp.ledgerPositions(world);
        measuredPhases = PhaseExecutor.start(world, plan.scenario().timeline(), origin, RunListener.NONE, errors,
                this::stop);
    }

    /**
     * Ends the run: no further phase, the recorders drained, the faults cleared, the ledgers kept, the SUT stopped,
     * the world closed; then measures the populations. Idempotent: later calls return the first outcome.
     *
     * @param reason why the run counts as incomplete, or null
     * @throws MeasurementFailedException when what was played could not be measured; it stays in the folder
     */
    public synchronized MeasuredOutcome finish(String reason) {
        if (outcome != null) {
            return outcome;
        }
        if (reason != null) {
            stopReason.compareAndSet(null, reason);
        }
        finishing = true;
        Instant endedAt = Instant.now();
        long endedNanos = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        if (measuredPhases != null) {
            measuredPhases.stop();
        }
        if (baselinePhases != null) {
            baselinePhases.stop();
        }
        if (baselinePopulation != null) {
            baselinePopulation.close(RECORDER_DRAIN);
        }
        measured.close(RECORDER_DRAIN);
        Map<String, List<ProviderCall>> ledgers = WorldCleanUp.keepAndClose(world, sut, folder, errors);

        RunRecord baselineRun = null;
        if (baselinePopulation != null && baselinePopulation.begun()) {
            Instant baselineEnd = baselineEndedAt != null ? baselineEndedAt : endedAt;
            for (Map.Entry<String, List<ProviderCall>> ledger : ledgers.entrySet()) {
                long until = measuredLedgerStart.getOrDefault(ledger.getKey(), Long.MAX_VALUE);
                try {
                    baselineFolder.writeJsonLines("ledger-" + RunFolder.slug(ledger.getKey()) + ".jsonl",
                            ledger.getValue().stream().filter(call -> call.seq() <= until).toList());
                } catch (RuntimeException e) {
                    baselineErrors.survived("keeping the baseline's ledger of " + ledger.getKey(), e);
                }
            }
            String baselineReason = populationEnd(baselinePopulation, baselinePhases, plan.scenario().withoutFaults(),
                    baselineEnd, measured.begun() ? null : stopReason.get());
            baselineRun = record(baselineFolder, baselinePopulation, baselinePhases, baselineLedgerStart, baselineEnd,
                    baselineReason, baselineErrors.survived());
            if (baselinePopulation.late() > 0) {
                warnings.add(baselinePopulation.late() + " baseline exchange(s) were reported after the run finished "
                        + "and are not measured");
            }
        }
        RunRecord chaos = null;
        if (measured.begun()) {
            String measuredReason = populationEnd(measured, measuredPhases, plan.scenario(), endedAt, stopReason.get());
            List<String> runWarnings = new ArrayList<>(errors.survived());
            runWarnings.addAll(warnings);
            if (measured.late() > 0) {
                runWarnings.add(measured.late() + " exchange(s) were reported after the run finished and are not measured");
            }
            Duration past = Duration.ofNanos(endedNanos - measured.origin()).minus(plan.scenario().duration());
            if (past.compareTo(plan.scenario().workload().timeout()) > 0) {
                runWarnings.add("the load went on " + past.toMillis() / 1000.0 + " s past the timeline's end; the "
                        + "exchanges sent after it count in the last phase");
            }
            chaos = record(folder, measured, measuredPhases, measuredLedgerStart, endedAt, measuredReason, runWarnings);
        } else {
            stopReason.compareAndSet(null, "the measured population never began: no task of it was taken");
        }
        RunResult result;
        try {
            result = ResultAssembler.assemble(plan, baseline, folder.path(), chaos, baselineRun, null,
                    chaos == null ? stopReason.get() : null, secrets);
            RunResults.write(folder.file(RunResults.FILE_NAME), result);
        } catch (RuntimeException e) {
            outcome = new MeasuredOutcome(folder.path(), null, chaos, baselineRun, null);
            throw new MeasurementFailedException(folder.path(), errors.ended("measuring the played populations into "
                    + RunResults.FILE_NAME, e), e);
        }
        outcome = new MeasuredOutcome(folder.path(), result, chaos, baselineRun, null);
        return outcome;
    }

    /**
     * Why a population's run is incomplete, or null: a stop, a recorder that failed, or a load that ended before its
     * timeline's last phase was due.
     */
    private static String populationEnd(ExternalPopulation population, PhaseExecutor phases, Scenario played,
                                        Instant endedAt, String stopReason) {
        if (stopReason != null) {
            return stopReason;
        }
        if (population.failure() != null) {
            return population.failure();
        }
        List<Phase> timeline = played.timeline();
        int entered = phases == null ? 0 : phases.played().size();
        if (entered < timeline.size()) {
            Phase missed = timeline.get(entered);
            long lastedMs = Duration.between(population.originInstant(), endedAt).toMillis();
            return "the " + population.name() + " load ended " + lastedMs / 1000.0 + " s after it began, before phase '"
                    + missed.name() + "' (due at " + missed.at().toMillis() / 1000.0 + " s): make the injection last "
                    + "the timeline's " + played.duration().toMillis() / 1000.0 + " s";
        }
        return null;
    }

    private RunRecord record(RunFolder where, ExternalPopulation population, PhaseExecutor phases,
                             Map<String, Long> ledgerStart, Instant endedAt, String reason, List<String> warnings) {
        Scenario scenario = plan.scenario();
        RunRecord record = new RunRecord(scenario.name(), plan.sut().name(), sut.baseUrl().orElse(null),
                scenario.seed(), scenario.timeScale(), scenario.loadScale(), startedAt, population.originInstant(),
                endedAt, reason == null, reason, where.path(), plan.command(), WarmupRecord.NONE, ledgerStart,
                phases == null ? List.of() : phases.played(), population.tally().totals(), population.tally().phases(),
                warnings, ProcessCpu.since(population.originCpuSeconds()));
        where.writeJson("summary.json", record);
        return record;
    }

    /** The result of a run that never started: nothing measured, the cause as its reason; null if even that failed. */
    private static MeasuredOutcome neverStarted(RunPlan plan, BaselineChoice baseline, RunFolder folder, String reason,
                                                WorldSecrets secrets) {
        try {
            RunResult result = ResultAssembler.assemble(plan, baseline, folder.path(), null, null, null, reason, secrets);
            RunResults.write(folder.file(RunResults.FILE_NAME), result);
            return new MeasuredOutcome(folder.path(), result, null, null, null);
        } catch (RuntimeException e) {
            new ErrorFile(folder).survived("writing the result of a run that never started", e);
            return null;
        }
    }
}
