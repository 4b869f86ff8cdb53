package dev.brownout;

import dev.brownout.fakes.config.DurationText;
import dev.brownout.faultproxy.backend.FaultProxyBackend;
import dev.brownout.reports.BaselineMode;
import dev.brownout.internal.run.ExternalRun;
import dev.brownout.internal.run.ExternalRunNotStartedException;
import dev.brownout.internal.run.MeasuredOutcome;
import dev.brownout.internal.run.MeasuredRun;
import dev.brownout.internal.run.RunPlan;
import dev.brownout.internal.tasks.TaskSources;
import dev.brownout.internal.world.ProxiedWorld;
import dev.brownout.internal.world.RemoteWorld;
import dev.brownout.reports.bundle.ReportBundle;
import dev.brownout.reports.gate.Bound;
import dev.brownout.reports.gate.GateEvaluation;
import dev.brownout.reports.gate.GateReport;
import dev.brownout.scenario.Scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A measured run being set up: the scenario (given to {@link Brownout#scenario(String)}), its clock and load,
 * the system under test, the baseline and where the run folder goes. {@link #run()} plays it to its end.
 * Each setter returns this builder; nothing starts before {@link #run()} or {@link #prepare()}.
 */
public final class RunBuilder {

    private final ScenarioSource source;
    private double timeScale = 1;
    private double loadScale = 1;
    private Sut sut;
    private Baseline baseline = Baseline.auto();
    private boolean noiseFloor;
    private Duration warmup = RunPlan.DEFAULT_WARMUP;
    private Path out = RunPlan.DEFAULT_OUT;
    private Bound bound = Bound.POINT;
    private RunObserver observer;
    private Supplier<? extends FaultProxyBackend> faultProxy = FaultProxyBackend::embedded;
    private Path runFolder;
    private Path worldFile;
    private String tasks;

    RunBuilder(ScenarioSource source) {
        this.source = source;
    }

    /**
     * Plays the scenario on a clock {@code factor} times as long: 0.05 plays a 4-minute scenario in 12 s.
     * Offsets, durations, timeouts and the models' pace are multiplied by it, rates divided by it. Default 1.
     */
    public RunBuilder timeScale(double factor) {
        source.scenario().scaled(factor); // the scenario's own rule refuses a factor it cannot play on, and says why
        this.timeScale = factor;
        return this;
    }

    /**
     * Sends this share of the scenario's load on the same clock (arrival rate, agents, the providers' rate
     * limits); for a machine too small for the full load. Between 0 (exclusive) and 1; default 1.
     */
    public RunBuilder loadScale(double share) {
        source.scenario().loadScaled(share); // the scenario's own rule refuses a share it cannot play, and says why
        this.loadScale = share;
        return this;
    }

    /** The system under test. Required. */
    public RunBuilder against(Sut system) {
        this.sut = Objects.requireNonNull(system, "a system under test: Sut.openAiChat(url), Sut.reference(\"resilient\"), ...");
        return this;
    }

    /** What IQ loss is measured against; default {@link Baseline#auto()}. */
    public RunBuilder baseline(Baseline choice) {
        this.baseline = Objects.requireNonNull(choice, "a baseline: Baseline.auto(), Baseline.stored(path) or Baseline.none()");
        return this;
    }

    /** Measures against a stored {@code result.json} (or its run folder) of the same scenario, seed and scales. */
    public RunBuilder storedBaseline(Path result) {
        return baseline(Baseline.stored(result));
    }

    /** Measures no baseline: IQ loss, its attribution and cost amplification are reported unknown. */
    public RunBuilder noBaseline() {
        return baseline(Baseline.none());
    }

    /**
     * Also plays a second baseline and reports the IQ loss of one against the other: the loss a run shows with no
     * fault at all. Needs {@link Baseline#auto()}.
     */
    public RunBuilder withNoiseFloor() {
        this.noiseFloor = true;
        return this;
    }

    /**
     * Sends these tasks instead of the scenario's: a canary suite ({@code canary-chain} for multi-step tool tasks,
     * {@code canary-mixed}, ...) or the path of a JSONL task file (relative to the working directory), such as the
     * user's own prompts with their graders. The scenario's rate, timeline and faults stay as they are.
     *
     * @throws IllegalArgumentException for an unknown canary suite (naming the valid ones), or a task file that
     *                                  cannot be used (naming its line and field)
     */
    public RunBuilder tasks(String suiteOrFile) {
        Objects.requireNonNull(suiteOrFile, "tasks: a canary suite such as canary-chain, or the path of a .jsonl task file");
        Scenario scenario = source.scenario();
        TaskSources.of(suiteOrFile, scenario.workload().difficulty(), scenario.seed(), null);
        this.tasks = suiteOrFile;
        return this;
    }

    /** Unmeasured load sent before each timeline (wall-clock, not scaled); default 5 s, zero for none. */
    public RunBuilder warmup(Duration length) {
        Objects.requireNonNull(length, "a warm-up length; Duration.ZERO for none");
        if (length.isNegative()) {
            throw new IllegalArgumentException("a warm-up cannot be negative, was " + length);
        }
        this.warmup = length;
        return this;
    }

    /** The folder run folders are made in; default {@code brownout-runs} in the working directory. */
    public RunBuilder outputTo(Path folder) {
        this.out = Objects.requireNonNull(folder, "a folder for the run folders");
        return this;
    }

    /** Judges gates on the worse end of a figure's 95% interval instead of its point estimate. */
    public RunBuilder pessimisticGates() {
        this.bound = Bound.PESSIMISTIC;
        return this;
    }

    /**
     * Puts every world of the run (the baseline's and the scenario's) behind a fault proxy from {@code backends},
     * one per world, which the world closes with itself: {@code ContainerBackend::start} for the real Toxiproxy
     * image (artifact {@code brownout-fault-proxy-container}). Default: the embedded proxy.
     */
    public RunBuilder faultProxy(Supplier<? extends FaultProxyBackend> backends) {
        this.faultProxy = Objects.requireNonNull(backends, "a supplier of fault proxies, e.g. FaultProxyBackend::embedded");
        return this;
    }

    /** Tells {@code watcher} the run's progress (the command line's progress line is one). */
    /**
     * Drives a running world another process started ({@code brownout fakes --json}, its line in {@code file}) instead
     * of starting one: phases over its admin and Toxiproxy APIs, ledgers pulled over HTTP. The run leaves that world
     * running, with the faults it set cleared. Its fakes remember the tasks of earlier runs, so the baseline must be
     * {@link Baseline#none()} or {@link Baseline#stored(Path) stored}, not played in the same world.
     */
    public RunBuilder world(Path file) {
        this.worldFile = Objects.requireNonNull(file, "the file holding the JSON line of 'brownout fakes --json'");
        return this;
    }

    public RunBuilder observer(RunObserver watcher) {
        this.observer = Objects.requireNonNull(watcher, "an observer");
        return this;
    }

    /**
     * Plays the run to its end — the baseline first when it is {@code auto}, then the scenario — measures it,
     * writes {@code result.json} and every report into its folder and judges its gates. Never throws for what the
     * system under test did: a run that ended early is returned {@link BrownoutRun#completed() incomplete}.
     *
     * @throws RunNotStartedException when nothing of the scenario was played (the SUT or the world could not
     *                                start); the world is clean and the folder keeps the cause
     * @throws BrownoutException      when the played runs could not be measured; they stay in their folder
     */
    public BrownoutRun run() {
        return prepare().play();
    }

    /**
     * Checks the set-up and returns the run ready to play, so that it can be {@link PreparedRun#stop(String) stopped}
     * from another thread (a signal handler, a test's timeout).
     *
     * @throws IllegalArgumentException for a set-up that cannot play: no SUT, or a stored baseline of another
     *                                  scenario, seed or scale
     */
    public PreparedRun prepare() {
        RunPlan plan = plan();
        MeasuredRun measured = MeasuredRun.of(plan, baseline.choice(), noiseFloor);
        return new PreparedRun(runFolder == null ? measured : measured.inFolder(runFolder), bound);
    }

    /**
     * Starts a run whose load another tool sends (a Gatling simulation): the world behind its fault proxies and the
     * SUT start now, and the returned {@link LoadRun} hands out graded tasks, takes back what the tool saw, plays the
     * fault timeline from the measured population's first task, and measures everything on
     * {@link LoadRun#finish()}. With {@link Baseline#auto()} (the default) a baseline population is played first in
     * the same world with the timeline held clean. The warm-up does not apply: the load tool warms up as it likes.
     *
     * @throws IllegalArgumentException for a set-up that cannot play: no SUT, a stored baseline of another scenario,
     *                                  seed or scale, the noise floor (a load run plays one baseline)
     * @throws RunNotStartedException   when the world or the SUT could not start, or the SUT speaks no dialect a load
     *                                  tool can send (only {@code openai-chat}, {@code openai-responses},
     *                                  {@code anthropic-messages} and {@code gemini} over HTTP); the world is closed and the run folder keeps the cause
     */
    public LoadRun startLoadRun() {
        if (noiseFloor) {
            throw new IllegalArgumentException("the noise floor compares two baselines played one after the other; a "
                    + "load run plays one baseline population: drop withNoiseFloor()");
        }
        if (worldFile != null) {
            throw new IllegalArgumentException("a load run starts its own world; world(" + worldFile + ") is for "
                    + "runs whose load Brownout sends");
        }
        RunPlan plan = plan().withCommand(List.of());
        MeasuredRun.requireSameBaseline(plan.scenario(), baseline.choice());
        try {
            return new LoadRun(ExternalRun.start(plan, baseline.choice(), runFolder), bound);
        } catch (ExternalRunNotStartedException e) {
            MeasuredOutcome outcome = e.outcome();
            if (outcome == null) {
                throw new BrownoutException(e.getMessage(), e);
            }
            GateReport gates = GateEvaluation.evaluate(outcome.result(), bound);
            ReportBundle reports;
            try {
                reports = ReportBundle.write(outcome.result(), gates, outcome.folder());
            } catch (IOException unwritable) {
                throw new BrownoutException(e.getMessage() + "; its reports could not be written either ("
                        + unwritable.getMessage() + ")", e);
            }
            throw new RunNotStartedException(new BrownoutRun(outcome.folder(), outcome.result(), gates, reports));
        }
    }

    private RunPlan plan() {
        if (sut == null) {
            throw new IllegalArgumentException("a run needs a system under test: call against(Sut.openAiChat(url)), "
                    + "against(Sut.reference(\"resilient\")), against(Sut.fromFile(path)) or against(Sut.inJvm(...))");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot keep runs in " + out.toAbsolutePath() + ": " + e.getMessage());
        }
        Scenario chosen = tasks == null ? source.scenario()
                : source.scenario().withTasks(TaskSources.isCanarySuite(tasks) ? tasks : Path.of(tasks).toAbsolutePath().toString());
        Scenario played = chosen.scaled(timeScale).loadScaled(loadScale);
        RemoteWorld remote = null;
        if (worldFile != null) {
            if (baseline.choice().mode() == BaselineMode.AUTO || noiseFloor) {
                throw new IllegalArgumentException("a run on a running world (" + worldFile + ") cannot play its own "
                        + "baseline there: the fakes remember the tasks of every run they served; give --baseline none "
                        + "or --baseline FILE (a result.json of the same scenario played on a fresh world)");
            }
            remote = RemoteWorld.read(worldFile);
            ProxiedWorld.check(remote, played.worldConfig());
        }
        RunPlan plan = RunPlan.of(played, sut.factory())
                .withRemoteWorld(remote)
                .withOut(out)
                .withWarmup(warmup)
                .withFaultProxy(faultProxy)
                .withTasksDirectory(source.tasksDirectory())
                .withCommand(commandLine());
        if (observer != null) {
            plan = plan.withListener(new ObservingListener(observer));
        }
        return plan;
    }

    /** Keeps the run in exactly {@code folder} rather than a new dated folder: a scorecard's cells. */
    RunBuilder inFolder(Path folder) {
        this.runFolder = Objects.requireNonNull(folder, "a run folder");
        return this;
    }

    /** The launcher command that plays the same run, or empty when the scenario or SUT was built in code. */
    List<String> commandLine() {
        if (source.commandLineName().isEmpty() || sut.argument().isEmpty()) {
            return List.of();
        }
        List<String> line = new ArrayList<>(List.of("./brownout", "run", source.commandLineName().get(), "--sut",
                sut.argument().get()));
        if (tasks != null) {
            line.addAll(List.of("--tasks", tasks));
        }
        if (timeScale != 1) {
            line.addAll(List.of("--time-scale", Double.toString(timeScale)));
        }
        if (loadScale != 1) {
            line.addAll(List.of("--load-scale", Double.toString(loadScale)));
        }
        if (!warmup.equals(RunPlan.DEFAULT_WARMUP)) {
            line.addAll(List.of("--warmup", DurationText.format(warmup)));
        }
        if (!"auto".equals(baseline.toString())) {
            line.addAll(List.of("--baseline", baseline.toString()));
        }
        if (noiseFloor) {
            line.add("--noise-floor");
        }
        if (bound == Bound.PESSIMISTIC) {
            line.add("--pessimistic");
        }
        if (!out.equals(RunPlan.DEFAULT_OUT)) {
            line.addAll(List.of("--out", out.toString()));
        }
        return line;
    }
}
