package dev.brownout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.reports.BaselineMode;
import dev.brownout.reports.ExchangeResult;
import dev.brownout.reports.PhaseResult;
import dev.brownout.reports.RunResult;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLoader;
import dev.brownout.sut.SutReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run whose load another tool sends, driven by {@link OpenLoopTool} as Gatling would drive it: the tool's
 * exchanges are recorded and graded as {@code brownout run} records its own, the timeline plays from the first
 * measured task, a baseline population measures IQ loss, and a load or a set-up that falls short says so.
 * The scenario, {@code measure-down} at time scale 0.5: 40 tasks a second for 1.5 s, the primary (always right) down
 * in the middle half second, the backup always wrong.
 */
class LoadRunTest {

    @TempDir
    Path runs;

    private static Scenario measureDown() throws Exception {
        return ScenarioLoader.load(Path.of(Objects.requireNonNull(LoadRunTest.class.getResource("/run/measure-down.yaml")).toURI()));
    }

    private RunBuilder againstResilient() throws Exception {
        return Brownout.scenario(measureDown()).timeScale(0.5).against(Sut.reference("resilient")).outputTo(runs);
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                lines.add(Mappers.json().readTree(line));
            }
        }
        return lines;
    }

    @Test
    void everyTaskTheToolSentIsRecordedGradedAndJoinsTheLedger() throws Exception {
        LoadRun load = againstResilient().noBaseline().startLoadRun();
        List<String> sent = new OpenLoopTool().drive(load, load.measured());
        BrownoutRun run = load.finish();

        assertThat(run.completed()).as("the load lasted the timeline; stop reason %s", run.stopReason()).isTrue();
        List<JsonNode> exchanges = lines(run.folder().resolve("exchanges.jsonl"));
        assertThat(exchanges).extracting(e -> e.path("task_id").asText()).as("the tasks in exchanges.jsonl")
                .containsExactlyInAnyOrderElementsOf(sent);
        assertThat(exchanges).as("every exchange is graded: answered ones right (primary) or wrong (backup)")
                .allSatisfy(e -> assertThat(e.has("score")).isTrue());
        Set<String> inLedgers = new java.util.HashSet<>();
        try (var files = Files.list(run.folder())) {
            for (Path ledger : files.filter(f -> f.getFileName().toString().startsWith("ledger-")).toList()) {
                lines(ledger).forEach(call -> inLedgers.add(call.path("task_id").asText()));
            }
        }
        assertThat(inLedgers).as("the providers' ledgers saw every task the tool sent").containsAll(sent);
        assertThat(run.result().exchanges()).as("the result's exchanges").hasSize(sent.size());
        assertThat(List.of(run.resultJson(), run.reportHtml(), run.summaryMarkdown(), run.junitXml()))
                .as("result.json and every report").allSatisfy(file -> assertThat(file).exists());
    }

    @Test
    void theTimelinePlaysFromTheMeasuredPopulationsFirstTask() throws Exception {
        LoadRun load = againstResilient().noBaseline().startLoadRun();
        // the world has been up for a while when the load begins: the phases must count from the load, not from it
        Thread.sleep(700);
        new OpenLoopTool().drive(load, load.measured());
        RunResult result = load.finish().result();

        assertThat(result.phases()).as("the phases as they took effect").extracting(PhaseResult::name)
                .containsExactly("steady", "down", "recovery");
        assertThat(result.phases()).as("each phase set within 100 ms of its offset from the first task")
                .allSatisfy(phase -> assertThat(phase.startedAtMs()).as("phase %s started at", phase.name())
                        .isBetween(phase.plannedAtMs(), phase.plannedAtMs() + 100));
        List<ExchangeResult> down = result.exchanges().stream().filter(e -> e.phase().equals("down")).toList();
        assertThat(down).as("tasks due in the down phase (20, give or take one at the edges)").hasSizeBetween(19, 21);
        assertThat(down).as("the down phase's tasks were served by the always-wrong backup")
                .allSatisfy(e -> assertThat(e.score()).as("task %s score", e.taskId()).isZero());
    }

    @Test
    void aBaselinePopulationPlayedFirstMeasuresIqLossOnTheSameTasks() throws Exception {
        LoadRun load = againstResilient().baseline(Baseline.auto()).startLoadRun();
        LoadPopulation baseline = load.baseline().orElseThrow();
        List<String> baselineSent = new OpenLoopTool().drive(load, baseline);
        List<String> measuredSent = new OpenLoopTool().drive(load, load.measured());
        BrownoutRun run = load.finish();

        assertThat(measuredSent).as("the measured population sends the baseline's tasks again, in order")
                .isEqualTo(baselineSent);
        RunResult result = run.result();
        assertThat(run.completed()).as("complete; stop reason %s", run.stopReason()).isTrue();
        assertThat(result.baseline().mode()).as("baseline").isEqualTo(BaselineMode.AUTO);
        assertThat(result.baseline().completed()).as("the baseline population played its clean timeline").isTrue();
        assertThat(result.baseline().quality()).as("baseline quality: the always-right primary all along").isEqualTo(1.0);
        // from the down phase on, the always-wrong backup answers: the resilient gateway's breaker stays open for
        // 30 s, past the primary's return; every task of the baseline was right, so IQ loss is that share exactly
        List<ExchangeResult> exchanges = result.exchanges();
        long afterSteady = exchanges.stream().filter(e -> !e.phase().equals("steady")).count();
        assertThat(exchanges).filteredOn(e -> e.phase().equals("steady")).as("steady tasks, served by the primary")
                .isNotEmpty().allSatisfy(e -> assertThat(e.score()).as("task %s", e.taskId()).isEqualTo(1.0));
        assertThat(result.quality().iqLoss().value()).as("IQ loss: the share of tasks answered by the backup")
                .isCloseTo((double) afterSteady / exchanges.size(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(lines(run.folder().resolve("baseline/exchanges.jsonl"))).extracting(e -> e.path("task_id").asText())
                .as("the baseline population's exchanges, kept in baseline/").containsExactlyInAnyOrderElementsOf(baselineSent);
        Set<String> baselineLedgerTasks = lines(run.folder().resolve("baseline/ledger-primary.jsonl")).stream()
                .map(call -> call.path("task_id").asText()).collect(Collectors.toSet());
        assertThat(baselineLedgerTasks).as("the baseline's ledger holds the baseline's calls").containsAll(baselineSent);
        assertThat(lines(run.folder().resolve("baseline/ledger-primary.jsonl")))
                .as("and only its calls: one each, none of the measured population's")
                .hasSize(baselineSent.size());
    }

    @Test
    void aLoadThatEndsBeforeTheTimelineDoesIsIncompleteSayingWhichPhaseItMissed() throws Exception {
        LoadRun load = againstResilient().noBaseline().startLoadRun();
        new OpenLoopTool().drive(load, load.measured(), Duration.ofMillis(400));
        BrownoutRun run = load.finish();

        assertThat(run.completed()).as("a load of 0.4 s under a 1.5 s timeline").isFalse();
        assertThat(run.stopReason()).as("why it is incomplete").get().asString()
                .contains("before phase 'down'").contains("make the injection last the timeline's 1.5 s");
        assertThat(run.result().exchanges()).as("what was measured is kept").isNotEmpty();
    }

    @Test
    void anExchangeThatOutlivedItsBudgetIsRecordedAsATimeout() throws Exception {
        LoadRun load = againstResilient().noBaseline().startLoadRun();
        LoadTask task = load.measured().nextTask();
        long budget = task.timeout().toNanos();
        load.measured().record(LoadExchange.replied(task, task.takenNanos(), task.takenNanos() + budget + 1_000_000,
                SutReply.ok("too late", "m")));
        RunResult result = load.finish("the test sent one task").result();

        assertThat(result.exchanges()).singleElement().as("the late reply")
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("timeout"));
        assertThat(result.stopReason()).as("the reason given to finish").isEqualTo("the test sent one task");
    }

    @Test
    void aTaskJudgesAReplysCompletenessByTheRuleBrownoutRunApplies() throws Exception {
        try (LoadRun load = againstResilient().noBaseline().startLoadRun()) {
            LoadTask task = load.measured().nextTask();
            SutReply whole = new SutReply(200, "Working.\nANSWER: 42", "m", 1, false, "stop",
                    new SutReply.Usage(10L, 3L), SutReply.Ending.WHOLE_BODY, 0);
            SutReply cutAtTheLimit = new SutReply(200, "Working.\nANSWER: 4", "m", 1, false, "length",
                    new SutReply.Usage(10L, 3L), SutReply.Ending.WHOLE_BODY, 0);
            SutReply noAnswerLine = new SutReply(200, "Working on it", "m", 1, false, "stop",
                    new SutReply.Usage(10L, 3L), SutReply.Ending.TERMINATOR, 0);

            assertThat(task.truncation(whole)).as("a whole reply with its answer line").isEmpty();
            assertThat(task.truncation(cutAtTheLimit)).as("finish reason length").get().asString()
                    .contains("token limit");
            assertThat(task.truncation(noAnswerLine)).as("a canary answer without its final line")
                    .contains("no final ANSWER line");
        }
    }

    @Test
    void finishingTwiceReturnsTheSameRunAndClosingAFinishedRunChangesNothing() throws Exception {
        LoadRun load = againstResilient().noBaseline().startLoadRun();
        BrownoutRun first = load.finish("stopped at once");
        load.close();

        assertThat(load.finish()).as("a second finish").isSameAs(first);
        assertThat(load.finished()).as("finished").isTrue();
        assertThat(first.stopReason()).as("the first reason stands").contains("stopped at once");
    }

    /** A SUT file whose process is {@code sleep seconds}, with the world's primary itself as the gateway it stands for. */
    private Sut sleeperInFront(String seconds) throws IOException {
        return Sut.fromFile(Files.writeString(runs.resolve("sleeper-" + seconds + ".yaml"), """
                name: sleeper
                adapter: openai-chat
                base_url: "{{providers.primary.base_url}}"
                model: "{{providers.primary.model}}"
                api_key: "{{providers.primary.api_key}}"
                process:
                  command: [sleep, "%s"]
                """.formatted(seconds)));
    }

    @Test
    void aSutProcessStoppedByTheFinishDoesNotMakeTheRunIncomplete() throws Exception {
        LoadRun load = Brownout.scenario(measureDown()).timeScale(0.5).against(sleeperInFront("60")).outputTo(runs)
                .noBaseline()
                .startLoadRun();
        new OpenLoopTool().drive(load, load.measured());
        BrownoutRun run = load.finish();

        assertThat(run.completed()).as("the SUT process ended because the finish stopped it; stop reason %s",
                run.stopReason()).isTrue();
    }

    @Test
    void aSutProcessThatExitsWhileTheLoadRunsMakesTheRunIncompleteSayingSo() throws Exception {
        LoadRun load = Brownout.scenario(measureDown()).timeScale(0.5).against(sleeperInFront("0.5")).outputTo(runs)
                .noBaseline()
                .startLoadRun();
        new OpenLoopTool().drive(load, load.measured());
        BrownoutRun run = load.finish();

        assertThat(run.completed()).as("the SUT process exited half a second into the load").isFalse();
        assertThat(run.stopReason()).as("why").get().asString()
                .contains("the SUT process exited with code 0 while the load was running");
    }

    @Test
    void aSutThatSpeaksNoHttpDialectIsRefusedWithTheWorldClosed() throws Exception {
        List<URI> fakes = new ArrayList<>();
        Sut inJvm = Sut.inJvm("in-jvm", endpoints -> {
            endpoints.providers().forEach(provider -> fakes.add(URI.create(provider.baseUrl())));
            return request -> SutReply.ok("fine", "m");
        });

        assertThatThrownBy(() -> Brownout.scenario(measureDown()).against(inJvm).outputTo(runs).noBaseline().startLoadRun())
                .as("a load tool cannot send to code in this JVM")
                .isInstanceOf(RunNotStartedException.class)
                .hasMessageContaining("openai-chat or anthropic-messages")
                .satisfies(e -> assertThat(((RunNotStartedException) e).run().resultJson())
                        .as("the incomplete result is kept").exists());
        assertThat(fakes).as("the world had started").isNotEmpty().allSatisfy(uri -> assertThat(listening(uri))
                .as("%s still listening after the refusal", uri).isFalse());
    }

    @Test
    void aBaselinePopulationNeedsBaselineAutoAndTheNoiseFloorIsRefused() throws Exception {
        assertThatThrownBy(() -> againstResilient().withNoiseFloor().startLoadRun())
                .as("the noise floor needs two baselines").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one baseline population");
        try (LoadRun load = againstResilient().noBaseline().startLoadRun()) {
            assertThat(load.baseline()).as("no baseline population without Baseline.auto()").isEmpty();
            assertThat(load.sutAdapter()).as("the reference gateway's dialect").isEqualTo("openai-chat");
            assertThat(load.sutBaseUrl().getHost()).as("the SUT is on loopback").isEqualTo("127.0.0.1");
        }
    }

    private static boolean listening(URI uri) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
