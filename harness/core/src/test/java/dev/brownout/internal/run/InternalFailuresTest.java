package dev.brownout.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.internal.measure.SecretScan;
import dev.brownout.internal.measure.WorldSecrets;
import dev.brownout.internal.record.PhaseRecord;
import dev.brownout.internal.sut.SutFactory;
import dev.brownout.internal.sut.SutSpec;
import dev.brownout.internal.world.ProxiedWorld;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResults;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLoader;
import dev.brownout.sut.SutReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures of the harness itself or of a SUT adapter, not of the SUT's answers: each keeps its stack trace in the
 * run folder's {@code error.txt}, the run still cleans up and is marked incomplete, and a run in which no phase
 * was played has no conduct verdict.
 */
class InternalFailuresTest {

    @TempDir
    Path out;

    @Test
    void aSutFactoryThatThrowsKeepsItsStackTraceInErrorTxtWithTheWorldsKeysRedacted() throws Exception {
        AtomicReference<String> primaryKey = new AtomicReference<>();
        SutFactory explodes = SutFactory.inJvm("explodes", endpoints -> {
            primaryKey.set(endpoints.provider("primary").apiKey());
            throw new IllegalStateException("cannot build the client with key " + primaryKey.get());
        });

        RunRecord record = ScenarioRun.of(RunPlan.of(RunFixtures.shortOutage(), explodes).withOut(out)
                .withWarmup(Duration.ZERO)).play();

        assertThat(record.completed()).as("a run whose SUT never started is incomplete").isFalse();
        assertThat(record.phases()).as("phases played").isEmpty();
        assertThat(record.stopReason()).as("the stop reason says what failed and where its trace is")
                .contains("starting the system under test failed", "cannot build the client with key",
                        record.folder().resolve(ErrorFile.NAME).toString())
                .doesNotContain(primaryKey.get()).contains("[redacted:primary]");
        String errorTxt = Files.readString(record.folder().resolve(ErrorFile.NAME));
        assertThat(errorTxt.lines().findFirst()).as("error.txt's first line says what was being done")
                .hasValue("while starting the system under test:");
        assertThat(errorTxt).as("error.txt holds the whole stack trace, down to the factory that threw")
                .contains("java.lang.IllegalStateException: cannot build the client with key [redacted:primary]")
                .contains("\tat dev.brownout.internal.sut.SutFactory")
                .contains("\tat dev.brownout.internal.run.InternalFailuresTest");
        assertThat(errorTxt).as("error.txt shows the world's key").doesNotContain(primaryKey.get());
        assertThat(SecretScan.scan(WorldSecrets.of(List.of(new WorldSecrets.Secret(primaryKey.get(), "primary"))),
                record.folder())).as("files of the run folder holding the key the exception quoted").isEmpty();
        assertThat(RunFixtures.listeners(record)).as("addresses still accepting connections")
                .isNotEmpty().noneMatch(RunFixtures::accepts);
    }

    @Test
    void aProcessSutThatCannotStartGivesAResultWithNoVerdictAndItsCauseInErrorTxt() throws Exception {
        Path sutFile = out.resolve("broken.yaml");
        Files.writeString(sutFile, """
                name: broken
                adapter: openai-chat
                base_url: http://127.0.0.1:{{port}}/v1
                process:
                  command: [/nonexistent/brownout-test-gateway]
                """);
        RunPlan plan = RunPlan.of(RunFixtures.shortOutage(), SutSpec.load(sutFile)).withOut(out.resolve("runs"))
                .withWarmup(Duration.ZERO);

        MeasuredOutcome outcome = MeasuredRun.of(plan, BaselineChoice.none(), false).play();

        Path resultJson = outcome.folder().resolve(RunResults.FILE_NAME);
        RunResult result = outcome.result();
        assertThat(result.completed()).as("a run that never started is incomplete").isFalse();
        assertThat(result.conduct().verdict()).as("the conduct verdict of a run that never started").isNull();
        assertThat(result.conduct().checks()).as("checks judged on a run that never started").isEmpty();
        JsonNode verdict = RunFixtures.json(resultJson).path("conduct").path("verdict");
        assertThat(verdict.isNull()).as("result.json's conduct.verdict is null, not missing: %s", verdict).isTrue();
        assertThat(ResultSchemaCheck.problems(resultJson)).as("result.json against the published schema").isEmpty();
        assertThat(result.stopReason()).as("the result's stop reason")
                .contains("/nonexistent/brownout-test-gateway", ErrorFile.NAME);
        String errorTxt = Files.readString(outcome.folder().resolve(ErrorFile.NAME));
        assertThat(errorTxt).as("error.txt: what was being done, the exception, its frames and its cause")
                .startsWith("while starting the system under test:\n")
                .contains("SutStartException", "\tat dev.brownout.internal.sut.SutProcess", "Caused by: java.io.IOException");
        assertThat(RunFixtures.listeners(outcome.chaos())).as("addresses still accepting connections")
                .isNotEmpty().noneMatch(RunFixtures::accepts);
    }

    @Test
    void aBaselineWhoseSutCannotStartLeavesTheScenarioUnplayedWithNoVerdict() throws Exception {
        SutFactory explodes = SutFactory.inJvm("explodes", endpoints -> {
            throw new IllegalStateException("no client today");
        });
        RunPlan plan = RunPlan.of(RunFixtures.shortOutage(), explodes).withOut(out).withWarmup(Duration.ZERO);

        MeasuredOutcome outcome = MeasuredRun.of(plan, BaselineChoice.auto(), false).play();

        assertThat(outcome.chaos()).as("the scenario's own run, never started after its baseline failed").isNull();
        assertThat(outcome.result().conduct().verdict()).as("the conduct verdict").isNull();
        assertThat(outcome.result().completed()).isFalse();
        Path baselineErrors = outcome.folder().resolve(MeasuredRun.BASELINE_FOLDER).resolve(ErrorFile.NAME);
        assertThat(outcome.result().stopReason()).as("the stop reason points at the baseline's error.txt")
                .contains("the baseline did not complete", "no client today", baselineErrors.toString());
        assertThat(Files.readString(baselineErrors)).as("the baseline's error.txt")
                .startsWith("while starting the system under test:\n").contains("java.lang.IllegalStateException: no client today");
        assertThat(ResultSchemaCheck.problems(outcome.folder().resolve(RunResults.FILE_NAME)))
                .as("result.json against the published schema").isEmpty();
    }

    @Test
    void aGraderThatThrowsEndsTheRunWithItsStackTraceInErrorTxt() throws Exception {
        // a regular expression whose alternation recurses once per character: on a long answer, the grader
        // overflows the stack, as a badly written pattern does
        Files.writeString(out.resolve("overflow.jsonl"), """
                {"id": "long-answer", "prompt": "answer at length", "grader": {"type": "regex", "pattern": "(a|b)*c"}}
                """);
        Path scenarioFile = out.resolve("overflow.yaml");
        Files.writeString(scenarioFile, """
                name: overflowing-grader
                description: A grader that overflows the stack on a long answer.
                seed: 3
                world:
                  catalog: %s
                  providers:
                    - { name: primary, dialect: openai, models: [mid], auth: api-key }
                workload: { tasks: overflow.jsonl, rate: 20/s, duration: 3s, stream: false, timeout: 2s }
                timeline:
                  - { at: 0s, phase: steady }
                """.formatted(RunFixtures.resource("/world/instant-catalog.yaml")));
        Scenario scenario = ScenarioLoader.load(scenarioFile);
        SutFactory verbose = SutFactory.inJvm("verbose", endpoints -> request -> SutReply.ok("a".repeat(200_000), "m"));

        RunRecord record = ScenarioRun.of(RunPlan.of(scenario, verbose).withOut(out.resolve("runs"))
                .withTasksDirectory(out).withWarmup(Duration.ZERO)).play();

        assertThat(record.completed()).as("a run whose grader failed is incomplete").isFalse();
        assertThat(record.stopReason()).as("the stop reason")
                .contains("grading and recording an exchange failed", ErrorFile.NAME, "could not be recorded");
        assertThat(record.totals().sent()).as("exchanges recorded: the run stopped at the first failure, not after 60")
                .isLessThan(60);
        assertThat(Files.readString(record.folder().resolve(ErrorFile.NAME))).as("error.txt")
                .startsWith("while grading and recording an exchange:\n").contains("java.lang.StackOverflowError");
        assertThat(RunFixtures.listeners(record)).as("addresses still accepting connections")
                .isNotEmpty().noneMatch(RunFixtures::accepts);
    }

    @Test
    void aWatcherThatThrowsWhenAPhaseBeginsIsKeptInErrorTxtAndTheRunGoesOn() throws Exception {
        RunListener throwsOnSick = new RunListener() {
            @Override
            public void phaseEntered(PhaseRecord phase, ProxiedWorld world) {
                if (phase.name().equals("sick")) {
                    throw new IllegalStateException("the display broke");
                }
            }
        };

        RunRecord record = ScenarioRun.of(RunPlan.of(RunFixtures.shortOutage(), SutSpec.fromArgument("reference:naive"))
                .withOut(out).withWarmup(Duration.ZERO).withListener(throwsOnSick)).play();

        assertThat(record.completed()).as("a watcher's failure does not end the run; stop reason: %s", record.stopReason())
                .isTrue();
        assertThat(record.phases()).extracting(PhaseRecord::name).as("phases played")
                .containsExactly("steady", "sick", "down");
        assertThat(record.warnings()).as("the run's warnings").anySatisfy(warning -> assertThat(warning)
                .contains("phase 'sick' began failed: the display broke", ErrorFile.NAME));
        assertThat(Files.readString(record.folder().resolve(ErrorFile.NAME))).as("error.txt")
                .startsWith("while telling the run's listener that phase 'sick' began:\n")
                .contains("java.lang.IllegalStateException: the display broke", "\tat dev.brownout.internal.run.PhaseExecutor");
    }

    /** An in-JVM SUT the run closes after it. */
    private interface ClosableSut extends dev.brownout.sut.SutClient, AutoCloseable {
    }

    @Test
    void aSutThatFailsToStopIsAWarningWithItsStackTraceInErrorTxt() throws Exception {
        SutFactory stuck = SutFactory.inJvm("stuck", endpoints -> new ClosableSut() {
            @Override
            public SutReply send(dev.brownout.sut.SutRequest request) {
                return SutReply.ok("ANSWER: 0", "m");
            }

            @Override
            public void close() {
                throw new IllegalStateException("the client's pool would not shut down");
            }
        });

        RunRecord record = ScenarioRun.of(RunPlan.of(RunFixtures.shortOutage(), stuck).withOut(out)
                .withWarmup(Duration.ZERO)).play();

        assertThat(record.completed()).as("the timeline played; stop reason: %s", record.stopReason()).isTrue();
        assertThat(record.warnings()).as("the run's warnings").anySatisfy(warning -> assertThat(warning)
                .contains("stopping the SUT failed", "the client's pool would not shut down", ErrorFile.NAME));
        assertThat(Files.readString(record.folder().resolve(ErrorFile.NAME))).as("error.txt")
                .startsWith("while stopping the SUT:\n")
                .contains("Caused by: java.lang.IllegalStateException: the client's pool would not shut down");
        assertThat(RunFixtures.listeners(record)).as("addresses still accepting connections")
                .isNotEmpty().noneMatch(RunFixtures::accepts);
    }

    @Test
    void aRunThatCannotBeMeasuredKeepsTheStackTraceInErrorTxtBesideWhatThePlayedRunKeptThere() throws Exception {
        RunListener spoilsTheLogAndTheDisplay = new RunListener() {
            @Override
            public void phaseEntered(PhaseRecord phase, ProxiedWorld world) {
                if (phase.name().equals("down")) {
                    throw new IllegalStateException("the display broke");
                }
            }

            @Override
            public void finished(RunRecord record) {
                try {
                    Files.writeString(record.folder().resolve("exchanges.jsonl"), "not json\n",
                            java.nio.file.StandardOpenOption.APPEND);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        RunPlan plan = RunPlan.of(RunFixtures.shortOutage(), SutFactory.inJvm("answers", endpoints ->
                request -> SutReply.ok("ANSWER: 0", "m"))).withOut(out).withWarmup(Duration.ZERO)
                .withListener(spoilsTheLogAndTheDisplay);

        MeasurementFailedException failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                MeasurementFailedException.class, () -> MeasuredRun.of(plan, BaselineChoice.none(), false).play());

        assertThat(failure).as("the measurement failed").isNotNull();
        Path errorTxt = failure.folder().resolve(ErrorFile.NAME);
        assertThat(failure.getMessage()).as("the failure's message").contains(errorTxt.toString());
        assertThat(Files.readString(errorTxt)).as("error.txt")
                .startsWith("while telling the run's listener that phase 'down' began:\n")
                .contains("\nwhile measuring the played runs into result.json:\n", "exchanges.jsonl",
                        "\tat dev.brownout.internal.run.ResultAssembler");
    }
}
