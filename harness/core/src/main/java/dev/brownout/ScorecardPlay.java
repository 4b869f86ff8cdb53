package dev.brownout;

import dev.brownout.internal.run.StoredRun;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.CheckStatus;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResults;
import dev.brownout.reports.bundle.ReportBundle;
import dev.brownout.reports.gate.Bound;
import dev.brownout.reports.gate.GateEvaluation;
import dev.brownout.reports.scorecard.CellEvidence;
import dev.brownout.reports.scorecard.Scorecard;
import dev.brownout.reports.scorecard.ScorecardCell;
import dev.brownout.reports.scorecard.ScorecardScenario;
import dev.brownout.reports.AtomicFile;
import dev.brownout.reports.scorecard.ScorecardHtml;
import dev.brownout.reports.scorecard.ScorecardMarkdown;
import dev.brownout.reports.scorecard.Scorecards;
import dev.brownout.scenario.ExpectedOutcome;
import dev.brownout.scenario.Phase;
import dev.brownout.scenario.Scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Plays a scorecard (every scenario of the pack against every SUT, each a measured run kept at
 * {@code runs/<sut>/<scenario>}), and rescores a stored one from its run folders.
 */
final class ScorecardPlay {

    static final String RUNS = "runs";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private ScorecardPlay() {
    }

    private record Column(Sut sut, String name, List<String> otherNames) {
    }

    static BrownoutScorecard play(ScorecardBuilder config, PreparedScorecard control) {
        if (config.suts.isEmpty()) {
            throw new IllegalArgumentException("a scorecard needs a system under test: against(Sut.reference(\"naive\"), "
                    + "Sut.fromFile(path), ...); on the command line --sut");
        }
        List<Column> columns = columns(config.suts);
        List<String> scenarioNames = config.pack.entries().stream().map(PackSource.Entry::name).toList();
        CellRequirements requirements = CellRequirements.of(config.required, scenarioNames, sutNames(columns));
        Instant created = Instant.now();
        Path folder = (config.out != null ? config.out
                : Path.of("brownout-runs", "scorecard-" + slug(config.pack.label()) + "-" + STAMP.format(created)))
                .toAbsolutePath().normalize();
        if (Files.exists(folder.resolve(Scorecards.FILE_NAME))) {
            throw new IllegalArgumentException(folder + " already holds a scorecard; rescore it (--rescore) or choose "
                    + "another folder");
        }
        List<ScorecardScenario> scenarios = new ArrayList<>();
        for (PackSource.Entry entry : config.pack.entries()) {
            Scenario scenario = entry.source().scenario();
            scenario.scaled(config.timeScale).loadScaled(config.loadScale); // refuses a scale it cannot play, saying why
            scenarios.add(new ScorecardScenario(entry.name(), scenario.summary(), expected(scenario)));
        }
        try {
            Files.createDirectories(folder.resolve(RUNS));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot keep the scorecard in " + folder + ": " + e.getMessage());
        }

        List<ScorecardCell> cells = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(config.parallelism, runnable -> {
            Thread thread = new Thread(runnable, "brownout-scorecard");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<ScorecardCell>> pending = new ArrayList<>();
            for (PackSource.Entry entry : config.pack.entries()) {
                for (Column column : columns) {
                    boolean required = requirements.required(entry.name(), column.name(), column.otherNames());
                    pending.add(pool.submit(() -> playCell(config, control, folder, entry, column, required)));
                }
            }
            for (Future<ScorecardCell> cell : pending) {
                cells.add(cell.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrownoutException("the scorecard was interrupted; the cells played so far are in " + folder, e);
        } catch (ExecutionException e) {
            throw new BrownoutException("a scorecard cell failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Scorecard scorecard = Scorecard.of(config.pack.label(), created, version(), config.timeScale, config.loadScale,
                columns.stream().map(Column::name).toList(), scenarios, cells);
        write(folder, scorecard);
        return new BrownoutScorecard(folder, scorecard, List.of(), List.of());
    }

    private static ScorecardCell playCell(ScorecardBuilder config, PreparedScorecard control, Path folder,
                                          PackSource.Entry entry, Column column, boolean required) {
        Path cellFolder = folder.resolve(RUNS).resolve(slug(column.name())).resolve(slug(entry.shortName()));
        String relative = relative(folder, cellFolder);
        RunBuilder run = new RunBuilder(entry.source())
                .timeScale(config.timeScale)
                .loadScale(config.loadScale)
                .against(column.sut())
                .baseline(config.baseline)
                .warmup(config.warmup)
                .outputTo(folder.resolve(RUNS))
                .inFolder(cellFolder);
        ScorecardCell cell;
        PreparedRun prepared = null;
        try {
            prepared = run.prepare();
            if (!control.starting(prepared)) {
                cell = new ScorecardCell(entry.name(), column.name(), null, "not played: the scorecard stopped first ("
                        + control.stopReason() + ")", required, relative, false, false, null);
                config.observer.cellFinished(cell);
                return cell;
            }
            config.observer.cellStarted(entry.name(), column.name());
            BrownoutRun played = prepared.play();
            cell = cell(entry.name(), column.name(), required, relative, played.folder(), played.result());
        } catch (RunNotStartedException e) {
            cell = cell(entry.name(), column.name(), required, relative, e.run().folder(), e.run().result());
        } catch (RuntimeException e) {
            cell = new ScorecardCell(entry.name(), column.name(), null, "the run could not be measured: "
                    + e.getMessage(), required, relative, false, false, null);
        } finally {
            if (prepared != null) {
                control.finished(prepared);
            }
        }
        config.observer.cellFinished(cell);
        return cell;
    }

    /** A cell from a run's result and its folder's evidence. */
    static ScorecardCell cell(String scenario, String sut, boolean required, String relative, Path runFolder,
                              RunResult result) {
        CellEvidence evidence;
        try {
            evidence = StoredRun.at(runFolder).evidence(result);
        } catch (RuntimeException e) {
            evidence = null; // the verdict stands without it; the run folder says what could not be read
        }
        String reason = result.conduct().reason();
        if (!result.conduct().judged() && result.stopReason() != null) {
            reason = result.stopReason();
        }
        List<CheckResult> checks = result.conduct().checks();
        boolean notApplicable = !checks.isEmpty() && checks.stream().allMatch(c -> c.status() == CheckStatus.NOT_APPLICABLE);
        return new ScorecardCell(scenario, sut, result.conduct().verdict(), reason, required, relative,
                result.completed(), notApplicable, evidence);
    }

    /**
     * Judges every cell's run again from its folder under the current rules, rewrites each run's result.json and
     * reports and the scorecard files, and says which verdicts changed.
     *
     * @param require when not empty, replaces which cells are required
     * @throws IllegalArgumentException for a folder with no scorecard, or a pattern naming no scenario or SUT
     */
    static BrownoutScorecard rescore(Path folder, List<String> require) {
        Path dir = folder.toAbsolutePath().normalize();
        Scorecard stored = Scorecards.read(dir);
        Map<String, List<String>> sutNames = new LinkedHashMap<>();
        stored.suts().forEach(sut -> sutNames.put(sut, List.of()));
        CellRequirements requirements = CellRequirements.of(require,
                stored.scenarios().stream().map(ScorecardScenario::name).toList(), sutNames);
        List<ScorecardCell> cells = new ArrayList<>();
        List<BrownoutScorecard.Change> changes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (ScorecardCell before : stored.cells()) {
            boolean required = requirements.isEmpty() ? before.required()
                    : requirements.required(before.scenario(), before.sut(), List.of());
            ScorecardCell after;
            try {
                after = rejudged(dir, before).withRequired(required);
            } catch (RuntimeException e) {
                // one unreadable run folder must not cost the other cells their rescore
                warnings.add(before.scenario() + " @ " + before.sut() + " kept as it was: its run folder could not be "
                        + "judged again (" + e.getMessage() + ")");
                after = before.withRequired(required);
            }
            if (before.verdict() != after.verdict() || !before.mark().equals(after.mark())) {
                changes.add(new BrownoutScorecard.Change(after.scenario(), after.sut(), before.verdict(), after.verdict(),
                        after.reason()));
            }
            cells.add(after);
        }
        Scorecard rescored = Scorecard.of(stored.pack(), Instant.now(), version(), stored.timeScale(),
                stored.loadScale(), stored.suts(), stored.scenarios(), cells);
        write(dir, rescored);
        return new BrownoutScorecard(dir, rescored, changes, warnings);
    }

    private static ScorecardCell rejudged(Path dir, ScorecardCell cell) {
        if (cell.runFolder() == null) {
            return cell;
        }
        Path runFolder = dir.resolve(cell.runFolder()).normalize();
        if (!Files.isRegularFile(runFolder.resolve(RunResults.FILE_NAME))) {
            return cell;
        }
        StoredRun run = StoredRun.at(runFolder);
        if (!run.played()) {
            return cell(cell.scenario(), cell.sut(), cell.required(), cell.runFolder(), runFolder, run.stored());
        }
        RunResult result = run.rejudged();
        RunResults.write(runFolder.resolve(RunResults.FILE_NAME), result);
        try {
            ReportBundle.write(result, GateEvaluation.evaluate(result, Bound.POINT), runFolder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the reports of " + runFolder + ": " + e.getMessage(), e);
        }
        return cell(cell.scenario(), cell.sut(), cell.required(), cell.runFolder(), runFolder, result);
    }

    private static void write(Path folder, Scorecard scorecard) {
        Scorecards.write(folder.resolve(Scorecards.FILE_NAME), scorecard);
        try {
            AtomicFile.write(folder.resolve(Scorecards.MARKDOWN_FILE), ScorecardMarkdown.render(scorecard));
            AtomicFile.write(folder.resolve(Scorecards.HTML_FILE), ScorecardHtml.render(scorecard));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scorecard's reports in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static List<Column> columns(List<Sut> suts) {
        List<Column> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Sut sut : suts) {
            String name = sut.factory().name();
            if (!names.add(name)) {
                throw new IllegalArgumentException("two systems under test are both named '" + name + "'; a scorecard "
                        + "needs one column per SUT, each with its own name");
            }
            columns.add(new Column(sut, name, sut.argument().map(List::of).orElse(List.of())));
        }
        return columns;
    }

    private static Map<String, List<String>> sutNames(List<Column> columns) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        columns.forEach(c -> names.put(c.name(), c.otherNames()));
        return names;
    }

    private static String expected(Scenario scenario) {
        List<Phase> faulted = scenario.timeline().stream().filter(p -> !p.faults().isEmpty()).toList();
        if (faulted.isEmpty()) {
            return null;
        }
        return faulted.stream().anyMatch(p -> p.expect() == ExpectedOutcome.ERROR) ? ExpectedOutcome.ERROR.label()
                : ExpectedOutcome.ANSWER.label();
    }

    private static String relative(Path folder, Path cell) {
        return folder.relativize(cell).toString().replace('\\', '/');
    }

    static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "run" : slug;
    }

    private static String version() {
        String version = Brownout.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }
}
