package dev.brownout.gatling;

import dev.brownout.BrownoutRun;
import dev.brownout.LoadPopulation;
import dev.brownout.LoadRun;
import dev.brownout.LoadTask;
import dev.brownout.scenario.Workload;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * A Gatling simulation's handle on a running Brownout load run, made by {@link BrownoutGatling#start}: the world and
 * the SUT are up; this gives the simulation the protocol, the task feeders, the {@code ask} chain and the injection
 * profiles, and measures the run in {@link #after()}.
 *
 * <p>The fault timeline is played on Gatling's clock: it starts when the first measured task is fed (the first user
 * of the population fed by {@link #tasks()}), and each phase follows at its offset from that instant.
 *
 * <p>Streamed requests that break off mid-way are re-sent by Gatling's SSE support three seconds later (EventSource
 * semantics), so the SUT and the providers see one request more than Brownout handed out. Such an exchange is
 * recorded as broken off at the first stream's last event, the second stream is closed as soon as it is seen, and
 * {@link #after()} finishes the run incomplete, saying how many requests Gatling re-sent ({@link #resentRequests()}).
 */
public final class BrownoutLoad {

    /** The reason a run is marked incomplete when Gatling ends without calling {@link #after()}. */
    public static final String GATLING_ENDED_EARLY = "Gatling ended before after() ran";

    private final LoadRun run;
    private final AtomicLong resends = new AtomicLong();
    private final Thread finishOnExit;
    private BrownoutRun result;
    private boolean finishing;

    BrownoutLoad(LoadRun run) {
        this.run = run;
        this.finishOnExit = new Thread(() -> finish(GATLING_ENDED_EARLY), "brownout-gatling-finish-on-exit");
        Runtime.getRuntime().addShutdownHook(finishOnExit);
        watchForCrash(Thread.currentThread());
    }

    /**
     * When Gatling's run crashes (its injection fails, a feeder runs dry, its stats engine cannot start), Gatling
     * 3.15 rethrows out of {@code main} without calling {@code after()} or {@code System.exit}; the world's threads
     * would keep that JVM alive for ever. So a daemon thread waits for the thread that constructed the simulation
     * (Gatling's main thread) to end and then finishes the run, marked incomplete; a run that ended normally was
     * finished by {@code after()} already.
     */
    private void watchForCrash(Thread gatlingMain) {
        Thread watcher = new Thread(() -> {
            try {
                gatlingMain.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            finish(GATLING_ENDED_EARLY);
        }, "brownout-gatling-crash-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** The underlying load run: its folder, scenario as played, SUT address and populations. */
    public LoadRun run() {
        return run;
    }

    /**
     * Gatling's HTTP protocol for the SUT: its base URL, connections shared between virtual users (as an SDK's
     * connection pool and {@code brownout run}'s driver share theirs; a user of an open workload sends one task and
     * leaves, so per-user connections would measure a TCP handshake per task), and no warm-up request. Customise it
     * further as you like.
     */
    public HttpProtocolBuilder httpProtocol() {
        return http.baseUrl(run.sutBaseUrl().toString())
                .shareConnections()
                .disableWarmUp();
    }

    /**
     * An infinite feeder of the measured population's graded tasks, in the scenario's deterministic order; each
     * record holds {@link SessionKeys#TASK}, {@link SessionKeys#TASK_ID} and {@link SessionKeys#PROMPT}. The first
     * task fed begins the measured population and its fault timeline.
     */
    public Iterator<Map<String, Object>> tasks() {
        return feeder(run.measured());
    }

    /**
     * An infinite feeder of the baseline population's tasks, played first with the timeline held clean
     * ({@code baseline.injectOpen(...).andThen(chaos.injectOpen(...))}).
     *
     * @throws IllegalStateException when the run has no baseline population: start it with
     *                               {@code .baseline(Baseline.auto())}
     */
    public Iterator<Map<String, Object>> baselineTasks() {
        LoadPopulation baseline = run.baseline().orElseThrow(() -> new IllegalStateException(
                "brownout.baselineTasks() needs a baseline population, played in this simulation before the measured "
                        + "one; this run's baseline is not Baseline.auto(). Start it with "
                        + "BrownoutGatling.start(Brownout.scenario(...).baseline(Baseline.auto())...), or feed only "
                        + "brownout.tasks()"));
        return feeder(baseline);
    }

    private static Iterator<Map<String, Object>> feeder(LoadPopulation population) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                LoadTask task = population.nextTask();
                return Map.of(SessionKeys.TASK, task, SessionKeys.TASK_ID, task.id(), SessionKeys.PROMPT, task.prompt());
            }
        };
    }

    /** {@link #ask(Ask)} with {@link Ask#defaults()}: requests named {@value Ask#DEFAULT_NAME}. */
    public ChainBuilder ask() {
        return ask(Ask.defaults());
    }

    /** {@link #ask(Ask)} with requests named {@code requestName}. */
    public ChainBuilder ask(String requestName) {
        return ask(Ask.named(requestName));
    }

    /**
     * A chain that sends the session's task (fed by {@link #tasks()} or {@link #baselineTasks()}) to the SUT exactly
     * as {@code brownout run}'s adapter sends it, streamed when the scenario's workload streams, and hands the
     * exchange to Brownout, which grades it and writes it to {@code exchanges.jsonl}. The results are left in the
     * session under {@link SessionKeys}.
     *
     * <ul>
     *   <li>Plain: one request named {@code options.name()}, with the task's budget as its timeout; every status
     *       is recorded, and one other than 2xx fails the request (KO) without stopping the user.</li>
     *   <li>Streamed: Gatling's {@code sse} connect named {@code options.name()} (KO for a status other than 200),
     *       a check named {@code "<name> stream"} on the stream's end (KO for an error event, a broken-off stream or
     *       the budget running out), and {@code "<name> close"}. Each event is read as it arrives, timed on arrival.</li>
     * </ul>
     */
    public ChainBuilder ask(Ask options) {
        return new AskChain(run, options, resends).build();
    }

    /**
     * The scenario's open workload as Gatling injection steps: {@code rampUsersPerSec(0).to(rate).during(ramp)}
     * when it ramps, then {@code constantUsersPerSec(rate)} for the rest of its duration, on the scaled clock. One
     * user sends one task.
     *
     * @throws IllegalStateException for a closed workload (a number of agents): use {@link #closedInjection()}
     */
    public OpenInjectionStep[] openInjection() {
        Workload workload = run.scenario().workload();
        if (workload.rate() == null) {
            throw new IllegalStateException("scenario " + run.scenario().name() + " has a closed workload ("
                    + workload.concurrency() + " agents), not an arrival rate: inject it with "
                    + "scenario(...).injectClosed(brownout.closedInjection())");
        }
        double perSecond = workload.rate().perSecond();
        List<OpenInjectionStep> steps = new ArrayList<>();
        Duration ramp = workload.ramp();
        if (!ramp.isZero()) {
            steps.add(rampUsersPerSec(0).to(perSecond).during(ramp));
        }
        Duration rest = workload.duration().minus(ramp);
        if (rest.isPositive()) {
            steps.add(constantUsersPerSec(perSecond).during(rest));
        }
        return steps.toArray(OpenInjectionStep[]::new);
    }

    /**
     * The scenario's closed workload as Gatling injection steps: {@code rampConcurrentUsers(0).to(n).during(ramp)}
     * when it ramps, then {@code constantConcurrentUsers(n)} for the rest of its duration. Gatling starts a new user
     * as soon as one ends; the workload's {@code pace} is not reproduced.
     *
     * @throws IllegalStateException for an open workload (an arrival rate): use {@link #openInjection()}
     */
    public ClosedInjectionStep[] closedInjection() {
        Workload workload = run.scenario().workload();
        if (workload.concurrency() == null) {
            throw new IllegalStateException("scenario " + run.scenario().name() + " has an open workload ("
                    + workload.rate() + "), not a number of agents: inject it with "
                    + "scenario(...).injectOpen(brownout.openInjection())");
        }
        int agents = workload.concurrency();
        List<ClosedInjectionStep> steps = new ArrayList<>();
        Duration ramp = workload.ramp();
        if (!ramp.isZero()) {
            steps.add(rampConcurrentUsers(0).to(agents).during(ramp));
        }
        Duration rest = workload.duration().minus(ramp);
        if (rest.isPositive()) {
            steps.add(constantConcurrentUsers(agents).during(rest));
        }
        return steps.toArray(ClosedInjectionStep[]::new);
    }

    /**
     * For {@code Simulation.before()}: the world is up since construction, so this only prints where the run folder
     * is. The fault timeline begins with the first measured task, not here.
     */
    public void before() {
        System.out.println("Brownout load run of " + run.scenario().name() + " against " + run.sutBaseUrl()
                + "; run folder " + run.folder().toAbsolutePath());
    }

    /**
     * For {@code Simulation.after()}: finishes the run ({@link LoadRun#finish()}, or marked incomplete when Gatling
     * re-sent streamed requests), prints the run folder, {@code report.html}, the IQ loss and each gate's verdict,
     * and writes the run folder's path to {@code target/brownout-gatling/last-run.txt} (relative to the directory
     * Gatling runs in) for {@link VerifyBrownoutGates}. Never throws: Gatling skips its own report when
     * {@code after()} throws; a run that could not be measured is reported on standard error.
     */
    public void after() {
        finish(null);
        try {
            Runtime.getRuntime().removeShutdownHook(finishOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook finds the run finished and does nothing
        }
    }

    /** The finished run, after {@link #after()}. */
    public synchronized BrownoutRun result() {
        if (result == null) {
            throw new IllegalStateException("the load run is not measured yet: result() is available after after() "
                    + "(or after a failed measurement, never; see the run folder " + run.folder() + ")");
        }
        return result;
    }

    /** How many streamed requests Gatling re-sent after their stream broke off (see the class comment). */
    public long resentRequests() {
        return resends.get();
    }

    private synchronized void finish(String gatlingFailure) {
        if (finishing) {
            return;
        }
        finishing = true;
        String reason = incompleteReason(gatlingFailure, resends.get());
        try {
            result = reason == null ? run.finish() : run.finish(reason);
            RunSummary.print(System.out, result);
            RunSummary.writeLastRun(result.folder(), result.gates().bound().name());
        } catch (RuntimeException e) {
            System.err.println("Brownout could not measure the load run: " + e.getMessage() + "; what was recorded is in "
                    + run.folder().toAbsolutePath());
            RunSummary.writeLastRun(run.folder(), null);
        }
    }

    static String incompleteReason(String gatlingFailure, long resent) {
        String resentReason = resent == 0 ? null : resent + " streamed request" + (resent == 1 ? "" : "s")
                + " broke off and Gatling re-sent " + (resent == 1 ? "it" : "them")
                + " (its SSE reconnect), so the SUT saw more requests than Brownout handed out";
        if (gatlingFailure == null) {
            return resentReason;
        }
        return resentReason == null ? gatlingFailure : gatlingFailure + "; " + resentReason;
    }
}
