package dev.brownout.internal.run;

import dev.brownout.internal.measure.WorldSecrets;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.record.ProbeRecord;
import dev.brownout.internal.sut.StartedSut;
import dev.brownout.internal.tasks.Task;
import dev.brownout.internal.tasks.TaskSource;
import dev.brownout.internal.tasks.TaskSources;
import dev.brownout.internal.workload.ArrivalSchedule;
import dev.brownout.internal.workload.ClosedLoopDriver;
import dev.brownout.internal.workload.DriverRun;
import dev.brownout.internal.workload.Exchange;
import dev.brownout.internal.workload.ExchangeListener;
import dev.brownout.internal.workload.OpenLoopDriver;
import dev.brownout.internal.world.ProxiedWorld;
import dev.brownout.reports.ReplyUsage;
import dev.brownout.scenario.Phase;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.Workload;
import dev.brownout.sut.SutRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Plays one scenario against one system under test: starts the world behind its proxies, starts the SUT,
 * sets each phase's faults at its time while the driver sends graded tasks, then leaves a clean world and a
 * run folder ({@code scenario.yaml}, {@code exchanges.jsonl} written as exchanges end, the providers'
 * ledgers, the fault proxy's {@code connections.jsonl}, {@code summary.json}).
 *
 * <p>{@link #stop(String)} (Ctrl-C), a SUT process that exits, or a phase that cannot be set ends the run
 * early the same way: faults cleared, SUT stopped, ports closed, everything measured kept, the summary
 * marked incomplete with the reason. A failure of the harness itself or of a SUT adapter (the world or the SUT
 * not starting, a grader or the exchange log throwing) ends it the same way too, and keeps its stack trace in
 * {@code error.txt}; so does a failure the run goes on after (a clean-up step, a watcher), as a warning.
 *
 * <p>A run {@linkplain #withAliveProbe() with the alive probe} also sends, once its timeline has played and every
 * exchange ended, one healthy request through the SUT with every fault cleared, and keeps it in {@code probe.json}
 * (see {@link AliveProbe}); a run stopped or failed before that sends none.
 */
public final class ScenarioRun {

    private static final Duration PROGRESS_EVERY = Duration.ofMillis(250);
    private static final String WARMUP_TASKS = "canary-arithmetic";

    private enum State { NEW, STARTING, DRIVING, CLEANING, DONE }

    private final RunPlan plan;
    private final Path folder;
    private final boolean aliveProbe;
    private final CountDownLatch finished = new CountDownLatch(1);
    private State state = State.NEW;
    private Thread player;
    private String stopReason;

    private ScenarioRun(RunPlan plan, Path folder) {
        this(plan, folder, false);
    }

    private ScenarioRun(RunPlan plan, Path folder, boolean aliveProbe) {
        this.plan = plan;
        this.folder = folder;
        this.aliveProbe = aliveProbe;
    }

    /** A run whose folder is made fresh under the plan's {@code out}. */
    public static ScenarioRun of(RunPlan plan) {
        return new ScenarioRun(plan, null);
    }

    /** A run kept in exactly {@code folder} (a measured run's baseline goes inside its chaos run's folder). */
    static ScenarioRun into(RunPlan plan, Path folder) {
        return new ScenarioRun(plan, folder);
    }

    /**
     * This run, sending the probe after its timeline: a measured run's chaos run does, its baselines do not (the
     * probe asks whether the faults left the SUT alive, and a baseline has none).
     */
    ScenarioRun withAliveProbe() {
        synchronized (this) {
            if (state != State.NEW) {
                throw new IllegalStateException("the probe is chosen before the run plays");
            }
        }
        return new ScenarioRun(plan, folder, true);
    }

    /** Plays the run to its end, or until stopped; never throws for what the SUT or the world did. */
    public RunRecord play() {
        synchronized (this) {
            if (state != State.NEW) {
                throw new IllegalStateException("a run plays once");
            }
            state = State.STARTING;
            player = Thread.currentThread();
        }
        try {
            return playOnce();
        } finally {
            synchronized (this) {
                state = State.DONE;
            }
            finished.countDown();
        }
    }

    /**
     * Ends the run early: no more tasks are sent, and the run cleans up and records {@code reason}. The first
     * reason given wins; stopping a run that is already cleaning up or finished does nothing. Safe from any
     * thread, a shutdown hook included.
     */
    public void stop(String reason) {
        synchronized (this) {
            // once the run is cleaning up, its end is decided; the SUT exiting because it is being stopped
            // is not a reason
            if (state == State.CLEANING || state == State.DONE) {
                return;
            }
            if (stopReason == null) {
                stopReason = reason;
            }
            if (state == State.STARTING || state == State.DRIVING) {
                player.interrupt();
            }
        }
    }

    /** Waits until the world is clean and every file written; true if that happened in time. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private RunRecord playOnce() {
        Scenario scenario = plan.scenario();
        RunListener listener = plan.listener();
        Instant startedAt = Instant.now();
        RunFolder folder = this.folder == null
                ? RunFolder.create(plan.out(), scenario.name(), plan.sut().name(), startedAt)
                : RunFolder.at(this.folder);
        folder.writeText("scenario.yaml", scenario.toYaml());
        listener.started(folder.path(), scenario.name(), plan.sut().name());

        List<String> warnings = new ArrayList<>();
        ErrorFile errors = new ErrorFile(folder);
        Tally tally = new Tally(scenario.timeline().stream().map(Phase::name).toList());
        String failure = null;
        ProxiedWorld world = null;
        StartedSut sut = null;
        PhaseExecutor phases = null;
        ExchangeLog log = null;
        Thread ticker = null;
        DriverRun run = null;
        WarmupRecord warmup = WarmupRecord.NONE;
        String sutBaseUrl = null;
        ProbeRecord probe = null;
        Instant timelineStart = null;
        Map<String, Long> ledgerStart = Map.of();
        Double cpuAtStart = null;
        String doing = "reading the scenario's tasks";
        try {
            TaskSource tasks = TaskSources.of(scenario.workload().tasks(), scenario.workload().difficulty(),
                    scenario.seed(), plan.tasksDirectory());
            // a run stopped before it started (Ctrl-C during an earlier stage) starts nothing
            if (!stopRequested()) {
                doing = "starting the world";
                world = plan.openWorld(scenario.worldConfig());
                errors.redacting(WorldSecrets.of(world.endpoints()));
                doing = "listing the world in world.json";
                folder.writeJson("world.json", WorldListing.of(world));
                doing = "telling the run's listener that the world started";
                listener.worldStarted(world);
                doing = "starting the system under test";
                sut = plan.sut().start(world.endpoints(), world.environment(), folder.path(), scenario.timeScale());
                sutBaseUrl = sut.baseUrl().orElse(null);
                sut.exited().thenAccept(code -> stop("the SUT process exited with code " + code + " while the run was playing"));
                doing = "warming up the system under test";
                warmup = warmUp(scenario, sut);
                doing = "starting the timeline";
                ledgerStart = WorldCleanUp.ledgerPositions(world);
                log = new ExchangeLog(folder.file("exchanges.jsonl"));
                if (enter(State.DRIVING)) {
                    long origin = System.nanoTime();
                    timelineStart = Instant.now();
                    // An attached world runs in another process, on another host maybe: this JVM's CPU is not its.
                    cpuAtStart = world.attached() ? null : ProcessCpu.seconds();
                    phases = PhaseExecutor.start(world, scenario.timeline(), origin, listener, errors, this::stop);
                    ticker = startTicker(phases, tally, origin, scenario.duration(), listener, errors);
                    Map<String, Task> sent = new ConcurrentHashMap<>();
                    ExchangeLog exchangeLog = log;
                    ExchangeListener recorder = exchange -> {
                        ExchangeRecord record = record(exchange, sent.remove(exchange.taskId()), scenario.timeline());
                        tally.add(record);
                        exchangeLog.append(record);
                    };
                    doing = "driving the workload";
                    run = drive(scenario.workload(), requests(tasks, scenario.workload(), sent), sut, recorder, origin);
                    if (run.listenerFailure() != null) {
                        failure = errors.ended("grading and recording an exchange", run.listenerFailure()) + "; "
                                + run.unrecorded() + " exchange(s) could not be recorded";
                    } else if (aliveProbe && timelineOver(origin, scenario.duration())) {
                        doing = "clearing the faults for the probe after the run";
                        phases.stop();
                        world.phases().clear();
                        doing = "probing the system under test after the run";
                        probe = AliveProbe.send(scenario, sut.sut(), origin, WorldCleanUp.ledgerPositions(world));
                    }
                }
            }
        } catch (RuntimeException e) {
            failure = errors.ended(doing, e);
        } finally {
            enter(State.CLEANING);
            // a stop may have interrupted this thread; the clean-up below must run uninterrupted
            Thread.interrupted();
            if (ticker != null) {
                ticker.interrupt();
            }
            if (phases != null) {
                phases.stop();
            }
            WorldCleanUp.keepAndClose(world, sut, folder, errors);
            if (probe != null) {
                try {
                    folder.writeJson(AliveProbe.FILE, probe);
                } catch (RuntimeException e) {
                    errors.survived("keeping the probe after the run in " + AliveProbe.FILE, e);
                }
            }
            if (log != null) {
                try {
                    log.close();
                } catch (RuntimeException e) {
                    errors.survived("closing exchanges.jsonl", e);
                }
            }
        }
        warnings.addAll(errors.survived());
        String reason;
        synchronized (this) {
            reason = stopReason != null ? stopReason : failure;
        }
        if (reason == null && (run == null || !run.completed())) {
            reason = "the last exchanges did not end within their timeout";
        }
        RunRecord record = new RunRecord(scenario.name(), plan.sut().name(), sutBaseUrl, scenario.seed(),
                scenario.timeScale(), scenario.loadScale(), startedAt, timelineStart, Instant.now(), reason == null,
                reason, folder.path(), plan.command(), warmup, ledgerStart,
                phases == null ? List.of() : phases.played(), tally.totals(), tally.phases(), warnings,
                ProcessCpu.since(cpuAtStart));
        folder.writeJson("summary.json", record);
        listener.finished(record);
        return record;
    }

    /**
     * Brings a cold SUT (and this JVM) up to speed before anything is measured: the workload's own load,
     * ramped up from zero over the warm-up, with canary tasks of another seed so no warm-up id is a run id.
     */
    private WarmupRecord warmUp(Scenario scenario, StartedSut sut) {
        Duration length = plan.warmup();
        if (length.isZero()) {
            return WarmupRecord.NONE;
        }
        Workload workload = scenario.workload();
        TaskSource tasks = TaskSources.of(WARMUP_TASKS, 1, scenario.seed() + 1, plan.tasksDirectory());
        LongFunction<SutRequest> requests = index -> {
            Task task = tasks.task(index);
            return task.request(workload.stream(), workload.timeout());
        };
        DriverRun run = workload.rate() != null
                ? new OpenLoopDriver(new ArrivalSchedule(workload.rate().perSecond(), length, length), workload.timeout())
                        .run(requests, sut.sut())
                : new ClosedLoopDriver(workload.concurrency(), length, workload.timeout(), pace(workload))
                        .run(requests, sut.sut());
        return new WarmupRecord(length.toMillis(), run.exchanges().size(),
                run.exchanges().stream().filter(Exchange::answered).count());
    }

    /**
     * Waits for the end of the timeline (the last phase holds until then, even when the last exchange ended
     * sooner); false when the run was stopped before or meanwhile.
     */
    private boolean timelineOver(long origin, Duration duration) {
        long remaining;
        while ((remaining = origin + duration.toNanos() - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(remaining);
        }
        return !Thread.currentThread().isInterrupted() && !stopRequested();
    }

    private synchronized boolean stopRequested() {
        return stopReason != null;
    }

    private synchronized boolean enter(State next) {
        if (next == State.DRIVING && stopReason != null) {
            return false;
        }
        state = next;
        return true;
    }

    private static LongFunction<SutRequest> requests(TaskSource tasks, Workload workload, Map<String, Task> sent) {
        return index -> {
            Task task = tasks.task(index);
            sent.put(task.id(), task);
            return task.request(workload.stream(), workload.timeout());
        };
    }

    private static DriverRun drive(Workload workload, LongFunction<SutRequest> requests, StartedSut sut,
                                   ExchangeListener recorder, long origin) {
        if (workload.rate() != null) {
            ArrivalSchedule schedule = new ArrivalSchedule(workload.rate().perSecond(), workload.ramp(), workload.duration());
            return new OpenLoopDriver(schedule, workload.timeout()).run(requests, sut.sut(), recorder, origin);
        }
        return new ClosedLoopDriver(workload.concurrency(), workload.duration(), workload.timeout(), pace(workload))
                .run(requests, sut.sut(), recorder, origin);
    }

    private static Duration pace(Workload workload) {
        return workload.pace() == null ? Duration.ZERO : workload.pace();
    }

    static ExchangeRecord record(Exchange exchange, Task task, List<Phase> timeline) {
        double score = task != null && exchange.answered() ? task.grader().score(exchange.answer()) : 0;
        return new ExchangeRecord(exchange.taskId(), task == null ? null : task.kind(),
                phaseAt(timeline, exchange.intended()), millis(exchange.intended()), millis(exchange.started()),
                exchange.firstByte() < 0 ? null : millis(exchange.firstByte()), millis(exchange.ended()),
                millis(exchange.ended() - exchange.intended()), exchange.outcome(), exchange.status(),
                exchange.errorClass(), exchange.model(), exchange.truncated(), score,
                task == null ? null : task.expected(), exchange.answer(), task == null ? null : task.prompt(),
                exchange.truncation(), exchange.finishReason(), exchange.usage() == null ? null
                : new ReplyUsage(exchange.usage().inputTokens(), exchange.usage().outputTokens()),
                exchange.ending() == null ? null : exchange.ending().label(), exchange.malformedEvents());
    }

    /** The phase whose planned span holds {@code nanos}: the last one that starts at or before it. */
    static String phaseAt(List<Phase> timeline, long nanos) {
        String phase = timeline.getFirst().name();
        for (Phase candidate : timeline) {
            if (candidate.at().toNanos() <= nanos) {
                phase = candidate.name();
            }
        }
        return phase;
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }

    private static Thread startTicker(PhaseExecutor phases, Tally tally, long origin, Duration total, RunListener listener,
                                      ErrorFile errors) {
        return Thread.ofVirtual().name("run-progress").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Duration elapsed = Duration.ofNanos(System.nanoTime() - origin);
                    listener.progress(new RunStatus(phases.current(), elapsed.compareTo(total) > 0 ? total : elapsed,
                            total, tally.ok(), tally.failed()));
                    Thread.sleep(PROGRESS_EVERY);
                }
            } catch (InterruptedException ended) {
                // the run is over
            } catch (RuntimeException e) {
                // a display's failure never touches the run; its cause is kept all the same
                errors.survived("showing the run's progress", e);
            }
        });
    }
}
