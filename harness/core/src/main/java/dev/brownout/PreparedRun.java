package dev.brownout;

import dev.brownout.internal.run.MeasuredOutcome;
import dev.brownout.internal.run.MeasuredRun;
import dev.brownout.internal.run.MeasurementFailedException;
import dev.brownout.internal.run.RunRecord;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.bundle.ReportBundle;
import dev.brownout.reports.gate.Bound;
import dev.brownout.reports.gate.GateEvaluation;
import dev.brownout.reports.gate.GateReport;

import java.io.IOException;
import java.time.Duration;

/**
 * A measured run set up and ready to play: {@link #play()} plays it on the calling thread, {@link #stop(String)}
 * ends it early from any other. Made by {@link RunBuilder#prepare()}.
 */
public final class PreparedRun {

    private final MeasuredRun run;
    private final Bound bound;

    PreparedRun(MeasuredRun run, Bound bound) {
        this.run = run;
        this.bound = bound;
    }

    /**
     * Plays, measures, writes {@code result.json} and every report, and judges the gates; see {@link RunBuilder#run()}.
     *
     * @throws RunNotStartedException when nothing of the scenario was played
     * @throws BrownoutException      when the played runs could not be measured or the reports not written
     */
    public BrownoutRun play() {
        MeasuredOutcome outcome;
        try {
            outcome = run.play();
        } catch (MeasurementFailedException e) {
            throw new BrownoutException(e.getMessage(), e);
        }
        RunResult result = outcome.result();
        GateReport gates = GateEvaluation.evaluate(result, bound);
        ReportBundle reports;
        try {
            reports = ReportBundle.write(result, gates, outcome.folder());
        } catch (IOException e) {
            throw new BrownoutException("the reports could not be written (" + e.getMessage() + "); result.json is in "
                    + outcome.folder(), e);
        }
        BrownoutRun played = new BrownoutRun(outcome.folder(), result, gates, reports);
        if (!timelinePlayed(outcome.chaos()) && !timelinePlayed(outcome.baseline())) {
            throw new RunNotStartedException(played);
        }
        return played;
    }

    /**
     * Ends the run early, whichever stage is playing: the world is cleaned, what was measured is kept and the
     * result is marked incomplete with {@code reason}. The first reason wins. Safe from any thread.
     */
    public void stop(String reason) {
        run.stop(reason);
    }

    /** Waits until every stage has cleaned up and the result is written; true if that happened in time. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return run.awaitFinished(timeout);
    }

    private static boolean timelinePlayed(RunRecord record) {
        return record != null && record.timelineStart() != null;
    }
}
