package dev.brownout.internal.run;

import dev.brownout.reports.BaselineMode;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResults;
import dev.brownout.reports.ScenarioInfo;
import dev.brownout.scenario.Scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A run measured against its baseline: with {@code --baseline auto} the same scenario without faults plays
 * first (into {@code baseline/} inside the run folder; a second one into {@code baseline-2/} for the noise
 * floor), then the scenario itself, with the probe after it (baselines have none), then both are measured into
 * {@code result.json}. A stop during any of
 * them ends the whole run: what was played is measured and the result is marked incomplete.
 */
public final class MeasuredRun {

    static final String BASELINE_FOLDER = "baseline";
    static final String NOISE_FOLDER = "baseline-2";

    private final RunPlan plan;
    private final BaselineChoice baseline;
    private final boolean noiseFloor;
    private final Path exactFolder;
    private final CountDownLatch finished = new CountDownLatch(1);
    private ScenarioRun current;
    private String stopReason;
    private boolean done;

    private MeasuredRun(RunPlan plan, BaselineChoice baseline, boolean noiseFloor, Path exactFolder) {
        this.plan = plan;
        this.baseline = baseline;
        this.noiseFloor = noiseFloor;
        this.exactFolder = exactFolder;
    }

    /**
     * The same run kept in exactly {@code folder} (made if missing) instead of a new dated folder under the plan's
     * output folder: a scorecard keeps each cell's run at {@code runs/<sut>/<scenario>}.
     */
    public MeasuredRun inFolder(Path folder) {
        return new MeasuredRun(plan, baseline, noiseFloor, folder);
    }

    /**
     * @param noiseFloor also play a second baseline and measure one baseline against the other: the IQ loss a
     *                   run shows with no fault at all, below which a loss means nothing
     */
    public static MeasuredRun of(RunPlan plan, BaselineChoice baseline, boolean noiseFloor) {
        if (noiseFloor && baseline.mode() != BaselineMode.AUTO) {
            throw new IllegalArgumentException("the noise floor compares two baselines played now; it needs --baseline auto");
        }
        requireSameBaseline(plan.scenario(), baseline);
        return new MeasuredRun(plan, baseline, noiseFloor, null);
    }

    /**
     * Checks that a stored baseline played {@code scenario} as it will be played; any other baseline passes.
     *
     * @throws IllegalArgumentException saying what differs
     */
    public static void requireSameBaseline(Scenario scenario, BaselineChoice baseline) {
        if (baseline.mode() == BaselineMode.FILE) {
            requireSameRun(scenario, RunResults.read(baseline.file()).scenario(), baseline.file());
        }
    }

    /**
     * A stored baseline must have sent the same tasks at the same times: the same scenario, seed, clock and load.
     *
     * @throws IllegalArgumentException saying what differs
     */
    private static void requireSameRun(Scenario scenario, ScenarioInfo stored, Path file) {
        List<String> differences = new ArrayList<>();
        if (!stored.name().equals(scenario.name())) {
            differences.add("scenario " + stored.name() + ", not " + scenario.name());
        }
        if (stored.seed() != scenario.seed()) {
            differences.add("seed " + stored.seed() + ", not " + scenario.seed());
        }
        if (stored.timeScale() != scenario.timeScale()) {
            differences.add("time scale " + stored.timeScale() + ", not " + scenario.timeScale());
        }
        if (stored.loadScale() != scenario.loadScale()) {
            differences.add("load scale " + stored.loadScale() + ", not " + scenario.loadScale());
        }
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("the stored baseline " + file + " played " + String.join(", ", differences)
                    + "; a baseline must send the same tasks at the same times");
        }
    }

    /**
     * Plays and measures; never throws for what the SUT or the world did.
     *
     * @throws MeasurementFailedException when the played runs could not be measured; they stay in their folder
     */
    public MeasuredOutcome play() {
        try {
            SecretsCapture secrets = new SecretsCapture(plan.listener());
            RunPlan plan = this.plan.withListener(secrets);
            RunFolder runFolder = exactFolder != null ? RunFolder.at(exactFolder)
                    : RunFolder.create(plan.out(), plan.scenario().name(), plan.sut().name(), Instant.now());
            Path folder = runFolder.path();
            runFolder.writeJson(JudgementInputs.FILE, JudgementInputs.of(plan.sut()));
            RunRecord baselineRun = null;
            RunRecord noiseRun = null;
            if (baseline.mode() == BaselineMode.AUTO) {
                RunPlan faultFree = plan.withScenario(plan.scenario().withoutFaults());
                baselineRun = playStage(faultFree, folder.resolve(BASELINE_FOLDER));
                if (noiseFloor && completed(baselineRun)) {
                    noiseRun = playStage(faultFree, folder.resolve(NOISE_FOLDER));
                }
            }
            boolean baselinesComplete = baseline.mode() != BaselineMode.AUTO
                    || (completed(baselineRun) && (!noiseFloor || completed(noiseRun)));
            RunRecord chaos = baselinesComplete ? playStage(ScenarioRun.into(plan, folder).withAliveProbe()) : null;
            RunResult result;
            try {
                result = ResultAssembler.assemble(plan, baseline, folder, chaos, baselineRun, noiseRun, stopReason(),
                        secrets.secrets());
                RunResults.write(folder.resolve(RunResults.FILE_NAME), result);
            } catch (RuntimeException e) {
                // the world is clean and the raw runs are on disk; say where, so nothing measured is lost
                ErrorFile errors = new ErrorFile(runFolder);
                errors.redacting(secrets.secrets());
                throw new MeasurementFailedException(folder, errors.ended("measuring the played runs into "
                        + RunResults.FILE_NAME, e), e);
            }
            return new MeasuredOutcome(folder, result, chaos, baselineRun, noiseRun);
        } finally {
            synchronized (this) {
                done = true;
            }
            finished.countDown();
        }
    }

    /** Plays one stage, or nothing (null) once the run was stopped. */
    private RunRecord playStage(RunPlan stagePlan, Path folder) {
        return playStage(ScenarioRun.into(stagePlan, folder));
    }

    private RunRecord playStage(ScenarioRun run) {
        synchronized (this) {
            if (stopReason != null) {
                return null;
            }
            current = run;
        }
        return run.play();
    }

    private static boolean completed(RunRecord run) {
        return run != null && run.completed();
    }

    synchronized String stopReason() {
        return stopReason;
    }

    /** Ends the run early, whichever stage is playing; the first reason wins. Safe from any thread. */
    public void stop(String reason) {
        synchronized (this) {
            if (done) {
                return;
            }
            if (stopReason == null) {
                stopReason = reason;
            }
            if (current != null) {
                current.stop(reason);
            }
        }
    }

    /** Waits until every stage has cleaned up and the result is written. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
