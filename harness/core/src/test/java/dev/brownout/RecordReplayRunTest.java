package dev.brownout;

import dev.brownout.fakes.AuthMode;
import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.ReplayPacing;
import dev.brownout.fakes.UpstreamConfig;
import dev.brownout.fakes.WorldConfig;
import dev.brownout.reports.ExchangeResult;
import dev.brownout.reports.RunResult;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLibrary;
import dev.brownout.scenario.ScenarioWorld;
import dev.brownout.scenario.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

/**
 * The proof of record and replay: a run's traffic recorded through upstream mode against a stand-in upstream
 * (a second fake world, so nothing leaves the machine), then the {@code provider-brownout} library scenario replayed
 * over the recording twice, offline, with the recording run as the baseline.
 */
class RecordReplayRunTest {

    /** 5 minutes played in 3 s, at a share of the load that keeps it to a few dozen tasks. */
    private static final double TIME_SCALE = 0.01;
    private static final double LOAD_SCALE = 0.01;

    @TempDir
    Path dir;

    /** How close to a phase change (on the played clock) a task races the change's admin call, in milliseconds. */
    private static final double PHASE_RACE_MS = 60;

    /**
     * The scenario with its providers changed and a client timeout long enough that a loaded machine's pauses are
     * not timeouts at this time scale (the brownout's own latency stays far below it).
     */
    private static Scenario withProviders(Scenario scenario, Function<ProviderConfig, ProviderConfig> change) {
        ScenarioWorld world = scenario.world();
        Workload workload = scenario.workload();
        return new Scenario(scenario.name(), scenario.description(), scenario.seed(),
                new ScenarioWorld(world.host(), world.catalog(), world.oauth(),
                        world.providers().stream().map(change).toList()),
                new Workload(workload.tasks(), workload.difficulty(), workload.rate(), workload.concurrency(),
                        workload.ramp(), workload.duration(), workload.stream(), Duration.ofMinutes(5), workload.pace()),
                scenario.timeline(), scenario.gates(), scenario.checks(), 1.0, 1.0, scenario.verdict());
    }

    /** Whether the exchange was in flight within {@link #PHASE_RACE_MS} of a phase change. */
    private static boolean nearAPhaseChange(ExchangeResult exchange, List<Double> changesMs) {
        return changesMs.stream().anyMatch(change -> exchange.startedMs() - PHASE_RACE_MS <= change
                && change <= exchange.endedMs() + PHASE_RACE_MS);
    }

    private static String outcome(ExchangeResult exchange) {
        return exchange.status() + " " + exchange.outcome() + " " + exchange.answer();
    }

    private Path cassette(ProviderConfig provider) {
        return dir.resolve(provider.name() + ".jsonl");
    }

    private BrownoutRun play(Scenario scenario, Baseline baseline, String folder) {
        return Brownout.scenario(scenario).against(Sut.reference("naive")).timeScale(TIME_SCALE).loadScale(LOAD_SCALE)
                .warmup(Duration.ZERO).baseline(baseline).outputTo(dir.resolve(folder)).run();
    }

    private static Map<String, String> answersByTask(RunResult result) {
        return result.exchanges().stream().filter(exchange -> exchange.answer() != null && exchange.status() == 200)
                .collect(Collectors.toMap(ExchangeResult::taskId, ExchangeResult::answer, (first, later) -> first));
    }

    private static boolean isMiss(ExchangeResult exchange) {
        return exchange.status() == 400 && exchange.answer() != null && exchange.answer().contains("Brownout replay");
    }

    @Test
    void providerBrownoutReplayedTwiceOverARecordingGivesTheSameAnswersAndIqLoss() {
        Scenario library = ScenarioLibrary.load("provider-brownout");
        BrownoutRun recording;
        try (FakeWorld standIn = FakeWorld.start(new WorldConfig(7L, WorldConfig.LOOPBACK, null, List.of(
                ProviderConfig.of("real-anthropic", DialectKind.ANTHROPIC, "frontier").withAuth(AuthMode.NONE),
                ProviderConfig.of("real-openai", DialectKind.OPENAI, "mid").withAuth(AuthMode.NONE)),
                null, TIME_SCALE))) {
            Map<DialectKind, String> upstreams = Map.of(
                    DialectKind.ANTHROPIC, standIn.provider("real-anthropic").baseUrl(),
                    DialectKind.OPENAI, standIn.provider("real-openai").baseUrl());
            Scenario recorder = withProviders(library, provider -> provider.withUpstream(
                    UpstreamConfig.at(upstreams.get(provider.dialect()), null), cassette(provider))).withoutFaults();
            recording = play(recorder, Baseline.none(), "recording");
        }
        Scenario replayed = withProviders(library,
                provider -> provider.withReplay(cassette(provider), ReplayPacing.RECORDED));

        RunResult first = play(replayed, Baseline.stored(recording.resultJson()), "first").result();
        RunResult second = play(replayed, Baseline.stored(recording.resultJson()), "second").result();

        Map<String, String> recorded = answersByTask(recording.result());
        assertThat(recorded).as("tasks the stand-in upstream answered while recording").isNotEmpty();
        assertThat(first.exchanges()).as("replayed exchanges of tasks the recording answered that the cassette missed")
                .noneMatch(exchange -> recorded.containsKey(exchange.taskId()) && isMiss(exchange));
        assertThat(first.exchanges()).as("the brownout's errors, applied on top of the replay")
                .anyMatch(exchange -> exchange.status() >= 500);
        List<Double> changesMs = library.timeline().stream()
                .map(phase -> phase.at().toNanos() * TIME_SCALE / 1e6).filter(at -> at > 0).toList();
        Map<String, ExchangeResult> secondByTask = second.exchanges().stream()
                .collect(Collectors.toMap(ExchangeResult::taskId, exchange -> exchange, (a, b) -> a));
        List<ExchangeResult> clearOfChanges = first.exchanges().stream()
                .filter(exchange -> secondByTask.containsKey(exchange.taskId()))
                .filter(exchange -> !nearAPhaseChange(exchange, changesMs)
                        && !nearAPhaseChange(secondByTask.get(exchange.taskId()), changesMs))
                .toList();
        assertThat(clearOfChanges).as("tasks both replays played clear of a phase change").hasSizeGreaterThan(10);
        for (ExchangeResult exchange : clearOfChanges) {
            assertThat(outcome(secondByTask.get(exchange.taskId()))).as("the second replay's outcome of task "
                    + exchange.taskId() + " (" + exchange.phase() + ")").isEqualTo(outcome(exchange));
        }
        assertThat(first.quality().iqLoss()).as("IQ loss of the first replay against the recording").isNotNull();
        // Only a task racing a phase change may score differently; each moves IQ loss (1 - mean / baseline mean) by
        // at most 1 / (tasks x baseline mean).
        int racing = first.exchanges().size() - clearOfChanges.size();
        double tolerance = racing / (first.exchanges().size() * first.quality().baselineScore()) + 1e-9;
        assertThat(second.quality().iqLoss().value()).as("IQ loss of the second replay; %d of %d tasks raced a phase "
                        + "change", racing, first.exchanges().size())
                .isCloseTo(first.quality().iqLoss().value(), offset(tolerance));
        Map<String, String> firstAnswers = answersByTask(first);
        List<String> answeredInBoth = firstAnswers.keySet().stream().filter(recorded::containsKey).sorted().toList();
        assertThat(answeredInBoth).as("tasks answered both while recording and in the replay").isNotEmpty();
        for (String task : answeredInBoth) {
            assertThat(firstAnswers.get(task)).as("replayed answer to task " + task).isEqualTo(recorded.get(task));
        }
    }

    @Test
    void aRunWhoseCassetteIsOfAnotherSchemaVersionDoesNotStartAndSaysWhy() throws IOException {
        Path old = dir.resolve("old.jsonl");
        Files.writeString(old, "{\"format\":\"brownout-cassette\",\"schema_version\":0}\n");
        Scenario replayed = withProviders(ScenarioLibrary.load("provider-brownout"),
                provider -> provider.withReplay(old, ReplayPacing.RECORDED));

        assertThatThrownBy(() -> play(replayed, Baseline.none(), "refused")).as("a run over an old cassette")
                .isInstanceOf(RunNotStartedException.class).hasMessageContaining(old.toString())
                .hasMessageContaining("line 1").hasMessageContaining("schema_version");
    }
}
