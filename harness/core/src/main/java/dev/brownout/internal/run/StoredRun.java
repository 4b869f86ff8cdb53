package dev.brownout.internal.run;

import dev.brownout.internal.measure.CellEvidenceMeasure;
import dev.brownout.internal.measure.TruncatedAnswers;
import dev.brownout.internal.measure.WorldSecrets;
import dev.brownout.internal.sut.StartedSut;
import dev.brownout.internal.sut.SutFactory;
import dev.brownout.internal.world.ProxiedWorld;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResults;
import dev.brownout.reports.scorecard.CellEvidence;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLoader;
import dev.brownout.scenario.SutCapability;
import dev.brownout.world.WorldEndpoints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A measured run's folder read back: its stored result, the scenario as played ({@code scenario.yaml}), the raw
 * record of each played stage ({@code summary.json}) and what judging needs besides ({@code judgement.json}).
 * From these it can be measured and judged again under the current rules without replaying it, and its
 * scorecard evidence read.
 */
public final class StoredRun {

    private static final String SUMMARY = "summary.json";
    private static final String SCENARIO = "scenario.yaml";

    private final Path folder;
    private final RunResult stored;

    private StoredRun(Path folder, RunResult stored) {
        this.folder = folder;
        this.stored = stored;
    }

    /**
     * The run in {@code folder}.
     *
     * @throws IllegalArgumentException when the folder holds no readable {@code result.json}
     */
    public static StoredRun at(Path folder) {
        Path result = folder.resolve(RunResults.FILE_NAME);
        if (!Files.isRegularFile(result)) {
            throw new IllegalArgumentException("the run folder " + folder + " has no " + RunResults.FILE_NAME);
        }
        return new StoredRun(folder.toAbsolutePath().normalize(), RunResults.read(result));
    }

    /** The run folder, absolute. */
    public Path folder() {
        return folder;
    }

    /** The result as it was written. */
    public RunResult stored() {
        return stored;
    }

    /** Whether the scenario's own stage played (its {@code summary.json} and {@code scenario.yaml} are there). */
    public boolean played() {
        return Files.isRegularFile(folder.resolve(SUMMARY)) && Files.isRegularFile(folder.resolve(SCENARIO));
    }

    /** The scenario as it was played, on its clock, from {@code scenario.yaml}. */
    public Scenario scenario() {
        try {
            return ScenarioLoader.parse(Files.readString(folder.resolve(SCENARIO)), folder.resolve(SCENARIO).toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder.resolve(SCENARIO) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The run measured and judged again from its folder under the current rules: quality, conduct verdict, checks
     * and reason, cost, security, as {@link MeasuredRun} measures a run it has just played. The world's secrets
     * (for the security scan and the redaction) are derived from the scenario's seed, so its world is started
     * for a moment, with no traffic, to learn them.
     *
     * @throws IllegalStateException when the scenario's stage never played, so there is nothing to judge again
     */
    public RunResult rejudged() {
        if (!played()) {
            throw new IllegalStateException("the run in " + folder + " never played its scenario; there is nothing to "
                    + "judge again");
        }
        Scenario scenario = scenario();
        JudgementInputs inputs = judgementInputs();
        RunRecord chaos = record(folder);
        RunPlan plan = RunPlan.of(scenario, storedSut(inputs.sut() != null ? inputs.sut() : stored.sut().name(),
                        inputs.lacking()))
                .withCommand(stored.command()).withOut(folder.getParent());
        BaselineChoice choice = switch (stored.baseline().mode()) {
            case AUTO -> BaselineChoice.auto();
            case NONE -> BaselineChoice.none();
            case FILE -> BaselineChoice.file(Path.of(stored.baseline().source()));
        };
        RunRecord baseline = record(folder.resolve(MeasuredRun.BASELINE_FOLDER));
        RunRecord noise = record(folder.resolve(MeasuredRun.NOISE_FOLDER));
        return ResultAssembler.assemble(plan, choice, folder, chaos, baseline, noise, stored.stopReason(),
                secrets(scenario));
    }

    /**
     * What a scorecard shows of this run judged as {@code result}: attempts, retries, elapsed times, truncations,
     * hangs, the first failing check; null when the scenario's stage never played.
     */
    public CellEvidence evidence(RunResult result) {
        if (!played()) {
            return null;
        }
        RunRecord chaos = record(folder);
        RunFolderData data = RunFolderData.read(chaos);
        return CellEvidenceMeasure.measure(data.calls(), TruncatedAnswers.judged(data.exchanges(), data.calls()),
                chaos.timelineStart() == null ? java.time.Instant.EPOCH : chaos.timelineStart(),
                ConnectionsFile.read(folder), result, scenario().checks());
    }

    private JudgementInputs judgementInputs() {
        Path file = folder.resolve(JudgementInputs.FILE);
        if (!Files.isRegularFile(file)) {
            // a folder from before judgement.json was kept: its SUT is taken to lack nothing
            return new JudgementInputs(null, null);
        }
        try {
            return RunFolder.JSON.readValue(file.toFile(), JudgementInputs.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A stage's record, with its folder wherever the run folder is now; null when the stage did not play. */
    private static RunRecord record(Path stage) {
        Path file = stage.resolve(SUMMARY);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            RunRecord read = RunFolder.JSON.readValue(file.toFile(), RunRecord.class);
            return new RunRecord(read.scenario(), read.sut(), read.sutBaseUrl(), read.seed(), read.timeScale(),
                    read.loadScale(), read.startedAt(), read.timelineStart(), read.endedAt(), read.completed(),
                    read.stopReason(), stage.toAbsolutePath().normalize(), read.command(), read.warmup(),
                    read.ledgerStart(), read.phases(), read.totals(), read.byPhase(), read.warnings(),
                    read.cpuSeconds());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static WorldSecrets secrets(Scenario scenario) {
        try (ProxiedWorld world = ProxiedWorld.start(scenario)) {
            return WorldSecrets.of(world.endpoints());
        }
    }

    /** The SUT as judging sees it: its name and what it lacks; it is never started again. */
    private static SutFactory storedSut(String name, Set<SutCapability> lacking) {
        return new SutFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public StartedSut start(WorldEndpoints endpoints, Map<String, String> worldEnvironment, Path runDir,
                                    double timeScale) {
                throw new IllegalStateException("a stored run is judged again, never played again");
            }

            @Override
            public Set<SutCapability> lacking() {
                return lacking;
            }
        };
    }
}
