package dev.brownout.junit;

import dev.brownout.BrownoutRun;
import dev.brownout.reports.RunResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.brownout.junit.Fixtures.TWO_PROVIDERS;
import static dev.brownout.junit.Fixtures.failures;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link BrownoutTest}: a measured run before the test body, its result injected, its report on a failure. */
class MeasuredRunTest {

    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    @TempDir
    Path runs;

    @TempDir
    Path attachments;

    @BeforeEach
    void forgetWhatFixturesSaw() {
        SEEN.clear();
    }

    @Test
    void theRunAndItsResultAreInjectedAndItsFolderIsUnderTheConfiguredRoot() {
        SEEN.put("runs", runs);
        EngineExecutionResults results = run(Passing.class, "played");

        assertThat(failures(results)).as("failures of the fixture").isEmpty();
        BrownoutRun run = (BrownoutRun) SEEN.get("run");
        assertThat(run.completed()).as("the run played to its end before the body; stop reason %s", run.stopReason()).isTrue();
        assertThat(SEEN.get("result")).as("the injected RunResult is the run's").isSameAs(run.result());
        assertThat(run.folder()).as("the run folder, in a folder per class and method under brownout.output")
                .hasParent(runs.resolve(Passing.class.getName()).resolve("played"));
        assertThat(SEEN.get("a run folder existed in @BeforeEach")).as("the run plays after the @BeforeEach methods").isEqualTo(false);
    }

    @Test
    void aFailedTestNamesTheReportAndKeepsTheOriginalFailure() {
        EngineExecutionResults results = run(Failing.class, "losesAnswers");

        Throwable failure = Fixtures.firstFailure(results);
        Path report = Path.of(failure.getMessage().substring(failure.getMessage().indexOf("Brownout report: ") + 17).strip());
        assertThat(failure).as("the failure the test reports").isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("[the fixture's own assertion]")
                .hasMessageContaining("Brownout report: ");
        assertThat(report).as("the report the message names").isRegularFile().hasFileName("report.html");
        assertThat(failure.getCause()).as("the original failure, kept as the cause")
                .isInstanceOf(AssertionFailedError.class).hasMessageNotContaining("Brownout report");
        assertThat(Arrays.stream(failure.getStackTrace()).map(StackTraceElement::getMethodName))
                .as("the stack trace is the original's, down to the fixture's method").contains("losesAnswers");
        assertThat(((AssertionFailedError) failure).getExpected().getValue()).as("the expected value survives for IDE diffs")
                .isEqualTo(((AssertionFailedError) failure.getCause()).getExpected().getValue());
    }

    @Test
    void aFailureThatAlreadyNamesTheReportIsReportedAsItWasThrown() {
        EngineExecutionResults results = run(FailingNamingTheReport.class, "saysWhereTheReportIs");

        Throwable failure = Fixtures.firstFailure(results);
        assertThat(failure).as("a failure whose message names the report, as Brownout's AssertJ assertions' do")
                .isExactlyInstanceOf(AssertionError.class).hasMessageStartingWith("lost answers; see ")
                .hasMessageNotContaining("Brownout report: ");
        assertThat(failure.getMessage().split("report\\.html", -1)).as("the report's path, said once").hasSize(2);
    }

    @Test
    void aFailedTestPublishesTheReportAsAFileAndAReportEntry() {
        EngineExecutionResults results = run(Failing.class, "losesAnswers");

        Throwable failure = Fixtures.firstFailure(results);
        List<Event> published = results.testEvents().list();
        List<String> reportEntries = published.stream().filter(event -> event.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get(BrownoutExtension.REPORT_ENTRY))
                .toList();
        List<Path> files = published.stream().filter(event -> event.getType() == EventType.FILE_ENTRY_PUBLISHED)
                .map(event -> event.getRequiredPayload(FileEntry.class).getPath()).toList();

        assertThat(reportEntries).as("the report entry brownout.report").singleElement()
                .satisfies(path -> assertThat(failure.getMessage()).as("the failure message").contains(path));
        assertThat(files).as("the file entry").singleElement()
                .satisfies(file -> assertThat(file).hasFileName("report.html").startsWith(attachments).content().contains("<html"));
    }

    @Test
    void aRunThatNeverStartedFailsTheTestWithTheCauseAndItsErrorFile() {
        EngineExecutionResults results = run(SutCannotStart.class, "test");

        Throwable failure = Fixtures.firstFailure(results);
        assertThat(failure).as("the failure of a test whose SUT process cannot start, told as ours rather than as JUnit's "
                        + "failure to resolve the BrownoutRun parameter").isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("@BrownoutTest on " + SutCannotStart.class.getName() + ".test")
                .hasMessageContaining("never started")
                .hasMessageContaining("/nonexistent/brownout-test/gateway")
                .hasMessageContaining("error.txt");
        Matcher named = Pattern.compile("(/\\S+/error\\.txt)").matcher(failure.getMessage());
        assertThat(named.find()).as("the message names the path of an error.txt: %s", failure.getMessage()).isTrue();
        assertThat(Path.of(named.group(1))).as("the error.txt the message names").isRegularFile()
                .content().contains("/nonexistent/brownout-test/gateway");
        assertThat(SEEN).as("the test body never ran").doesNotContainKey("ran");
    }

    @Test
    void aBadAttributeNamesItselfAndWhatIsValid() {
        EngineExecutionResults results = run(BadAttributes.class, "badTimeScale");

        assertThat(Fixtures.firstFailure(results)).as("timeScale = 0")
                .hasMessageContaining("@BrownoutTest on " + BadAttributes.class.getName() + ".badTimeScale")
                .hasMessageContaining("timeScale = \"0.0\"")
                .hasMessageContaining("time scale must be a number > 0");
    }

    @Test
    void aBadBaselineNamesTheValidChoices() {
        EngineExecutionResults results = run(BadAttributes.class, "badBaseline");

        assertThat(Fixtures.firstFailure(results)).as("baseline = sometimes")
                .hasMessageContaining("baseline = \"sometimes\"")
                .hasMessageContaining("auto");
    }

    @Test
    void aBadSutNamesTheValidForms() {
        EngineExecutionResults results = run(BadAttributes.class, "badSut");

        assertThat(Fixtures.firstFailure(results)).as("sut = reference:sturdy")
                .hasMessageContaining("sut = \"reference:sturdy\"")
                .hasMessageContaining("resilient");
    }

    @Test
    void theDefaultRootIsUnderTargetInAMavenModule(@TempDir Path module) throws IOException {
        assertThat(RunFolders.defaultRoot(module)).as("without a target folder").isEqualTo(module.resolve("brownout-runs"));

        Files.createDirectory(module.resolve("target"));

        assertThat(RunFolders.defaultRoot(module)).as("with a target folder").isEqualTo(module.resolve("target/brownout-runs"));
    }

    private EngineExecutionResults run(Class<?> fixture, String method) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(DiscoverySelectors.selectMethod(fixture, Arrays.stream(fixture.getDeclaredMethods())
                        .filter(declared -> declared.getName().equals(method)).findFirst().orElseThrow()))
                .configurationParameter(RunFolders.OUTPUT_PARAMETER, runs.toString())
                .outputDirectoryCreator(new OutputDirectoryCreator() {
                    @Override
                    public Path getRootDirectory() {
                        return attachments;
                    }

                    @Override
                    public Path createOutputDirectory(TestDescriptor test) throws IOException {
                        return Files.createDirectories(attachments.resolve(Integer.toHexString(test.getUniqueId().hashCode())));
                    }
                })
                .execute();
    }

    static class Passing {

        @BeforeEach
        void lookForTheRunFolder() {
            SEEN.put("a run folder existed in @BeforeEach", Files.exists(((Path) SEEN.get("runs")).resolve(Passing.class.getName())));
        }

        @BrownoutTest(scenario = TWO_PROVIDERS, sut = "reference:resilient", timeScale = 0.5, baseline = "none", warmup = "0s")
        void played(BrownoutRun run, RunResult result) {
            SEEN.put("run", run);
            SEEN.put("result", result);
        }
    }

    static class Failing {

        @BrownoutTest(scenario = TWO_PROVIDERS, sut = "reference:naive", timeScale = 0.5, baseline = "none", warmup = "0s")
        void losesAnswers() {
            assertThat(1).as("the fixture's own assertion").isEqualTo(2);
        }
    }

    static class FailingNamingTheReport {

        @BrownoutTest(scenario = TWO_PROVIDERS, sut = "reference:naive", timeScale = 0.5, baseline = "none", warmup = "0s")
        void saysWhereTheReportIs(BrownoutRun run) {
            throw new AssertionError("lost answers; see " + run.reportHtml().toAbsolutePath());
        }
    }

    static class SutCannotStart {

        @BrownoutTest(scenario = TWO_PROVIDERS, sut = "src/test/resources/scenarios/sut-that-cannot-start.yaml",
                timeScale = 0.5, baseline = "none", warmup = "0s")
        void test(BrownoutRun run) {
            SEEN.put("ran", true);
        }
    }

    static class BadAttributes {

        @BrownoutTest(scenario = TWO_PROVIDERS, sut = "reference:naive", timeScale = 0)
        void badTimeScale() {
            SEEN.put("ran", true);
        }

        @BrownoutTest(scenario = TWO_PROVIDERS, sut = "reference:naive", baseline = "sometimes")
        void badBaseline() {
            SEEN.put("ran", true);
        }

        @BrownoutTest(scenario = TWO_PROVIDERS, sut = "reference:sturdy")
        void badSut() {
            SEEN.put("ran", true);
        }
    }
}
