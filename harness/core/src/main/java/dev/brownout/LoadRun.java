package dev.brownout;

import dev.brownout.internal.run.ExternalRun;
import dev.brownout.internal.run.MeasuredOutcome;
import dev.brownout.internal.run.MeasurementFailedException;
import dev.brownout.internal.sut.UnreadableReplyException;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.bundle.ReportBundle;
import dev.brownout.reports.gate.Bound;
import dev.brownout.reports.gate.GateEvaluation;
import dev.brownout.reports.gate.GateReport;
import dev.brownout.scenario.Scenario;
import dev.brownout.sut.GatewayRequest;
import dev.brownout.sut.ReplyStream;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;
import dev.brownout.world.WorldEndpoints;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A measured run whose load another tool sends — a Gatling simulation, say — made by
 * {@link RunBuilder#startLoadRun()}. The world and the SUT are up from the start; the tool takes graded tasks from a
 * {@linkplain #measured() population}, sends each to {@link #sutBaseUrl()} as {@link #request(LoadTask)} says, reads
 * the reply with {@link #readReply} or {@link #readStream()}, and {@linkplain LoadPopulation#record records} what it
 * saw. The fault timeline plays from the instant the measured population's first task is taken.
 * {@link #finish()} ends the run and measures it as {@code brownout run} measures its own: {@code result.json}, the
 * reports and the gates in {@link #folder()}.
 *
 * <p>With {@link Baseline#auto()} the {@linkplain #baseline() baseline population} is played first, in the same world
 * against the same SUT, with the timeline held clean; when the measured population begins, the fakes forget the
 * tasks they saw, so each measured task's calls draw exactly as in a world started afresh.
 */
public final class LoadRun implements AutoCloseable {

    private final ExternalRun run;
    private final Bound bound;
    private final LoadPopulation measured;
    private final LoadPopulation baseline;
    private BrownoutRun finished;
    private BrownoutException failure;

    LoadRun(ExternalRun run, Bound bound) {
        this.run = run;
        this.bound = bound;
        this.measured = new LoadPopulation(run.measured());
        this.baseline = run.baseline() == null ? null : new LoadPopulation(run.baseline());
    }

    /** The run folder: {@code result.json}, {@code report.html}, {@code summary.md}, {@code junit.xml} once finished. */
    public Path folder() {
        return run.folder();
    }

    /** The scenario as played: scaled by the run's time and load scales. */
    public Scenario scenario() {
        return run.scenario();
    }

    /** What an SDK of the SUT's dialect takes as its base URL, e.g. {@code http://127.0.0.1:41234/v1}. */
    public URI sutBaseUrl() {
        return URI.create(run.sutBaseUrl());
    }

    /** The SUT's dialect: {@code openai-chat}, {@code openai-responses}, {@code anthropic-messages} or {@code gemini}. */
    public String sutAdapter() {
        return run.dialect().adapterName();
    }

    /** The addresses of the world's fakes and OAuth server. */
    public WorldEndpoints world() {
        return run.endpoints();
    }

    /** The length of the scaled timeline: the measured population's load should last at least this long. */
    public Duration timeline() {
        return run.scenario().duration();
    }

    /** Each task's budget on the scaled clock. */
    public Duration taskTimeout() {
        return run.scenario().workload().timeout();
    }

    /** Whether the scenario's workload streams its answers. */
    public boolean streams() {
        return run.scenario().workload().stream();
    }

    /** The population the fault timeline plays under. */
    public LoadPopulation measured() {
        return measured;
    }

    /** The baseline population, present with {@link Baseline#auto()}. */
    public Optional<LoadPopulation> baseline() {
        return Optional.ofNullable(baseline);
    }

    /** The request for {@code task} exactly as {@code brownout run}'s adapter sends it (always a POST). */
    public GatewayRequest request(LoadTask task) {
        Objects.requireNonNull(task, "a task");
        return run.dialect().request(new SutRequest(task.id(), task.prompt(), task.stream(), task.timeout()));
    }

    /**
     * Reads a reply that was not streamed as the adapter reads it: a status other than 2xx keeps its body as the answer.
     *
     * @param arrivedNanos {@code System.nanoTime()} when the body had arrived
     * @throws IllegalArgumentException when a 2xx body is not the dialect's JSON: record the exchange as
     *                                  {@link LoadExchange#failed failed} with {@link LoadExchange#UNREADABLE}
     */
    public SutReply readReply(int status, String body, long arrivedNanos) {
        try {
            return run.dialect().readWhole(status, body == null ? "" : body, arrivedNanos);
        } catch (UnreadableReplyException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A reader for one streamed reply, as the adapter reads its own streams. */
    public ReplyStream readStream() {
        return run.dialect().readStream();
    }

    /**
     * Ends the run and measures it; see {@link #finish(String)}.
     */
    public BrownoutRun finish() {
        return finish(null);
    }

    /**
     * Ends the run: no further phase, every exchange handed over so far written, the faults cleared, the ledgers
     * kept, the SUT stopped, the world closed; then measures it into {@code result.json} and writes every report and
     * judges the gates. A load that ended before the timeline's last phase, a phase that could not be set or a SUT
     * that exited makes the result incomplete, saying why. Idempotent: later calls return the same run.
     *
     * @param incompleteReason why the run must count as incomplete (the load tool failed), or null
     * @throws BrownoutException when what was played could not be measured or the reports not written; it stays in
     *                           the folder
     */
    public synchronized BrownoutRun finish(String incompleteReason) {
        if (finished != null) {
            return finished;
        }
        if (failure != null) {
            throw failure;
        }
        MeasuredOutcome outcome;
        try {
            outcome = run.finish(incompleteReason);
        } catch (MeasurementFailedException e) {
            failure = new BrownoutException(e.getMessage(), e);
            throw failure;
        }
        RunResult result = outcome.result();
        GateReport gates = GateEvaluation.evaluate(result, bound);
        try {
            finished = new BrownoutRun(outcome.folder(), result, gates, ReportBundle.write(result, gates, outcome.folder()));
        } catch (IOException e) {
            failure = new BrownoutException("the reports could not be written (" + e.getMessage() + "); result.json is in "
                    + outcome.folder(), e);
            throw failure;
        }
        return finished;
    }

    /** Whether {@link #finish} ran. */
    public boolean finished() {
        return run.finished();
    }

    /** Finishes the run, marked incomplete, unless it was finished already. */
    @Override
    public void close() {
        finish("the load run was closed before it was finished");
    }

    @Override
    public String toString() {
        return "load run of " + run.scenario().name() + " against " + run.sutName() + " in " + run.folder();
    }
}
