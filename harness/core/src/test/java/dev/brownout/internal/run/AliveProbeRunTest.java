package dev.brownout.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.internal.sut.OpenAiChatSut;
import dev.brownout.internal.sut.SutFactory;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.ExchangeResult;
import dev.brownout.reports.ModelServed;
import dev.brownout.reports.ProbeResult;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResults;
import dev.brownout.reports.Verdict;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLoader;
import dev.brownout.sut.SutClient;
import dev.brownout.world.ProviderEndpoint;
import dev.brownout.world.WorldEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The probe after a measured run and the sequential workload, on real runs against the real world: a SUT still
 * alive after the faults answers the probe, one that died in the last phase does not, and the probe counts in
 * none of the run's figures. The scenario {@code probe-after} sends exactly 40 tasks (20 a second for 2 s), so
 * the counts below are known before the run.
 */
class AliveProbeRunTest {

    private static final int TASKS = 40;

    @TempDir
    Path out;

    private MeasuredOutcome play(String scenario, String name, Function<WorldEndpoints, SutClient> sut,
                                 BaselineChoice baseline) {
        Scenario played = ScenarioLoader.load(RunFixtures.resource("/run/" + scenario + ".yaml"));
        RunPlan plan = RunPlan.of(played, SutFactory.inJvm(name, sut)).withOut(out).withWarmup(Duration.ZERO);
        MeasuredOutcome outcome = MeasuredRun.of(plan, baseline, false).play();
        assertThat(ResultSchemaCheck.problems(outcome.folder().resolve(RunResults.FILE_NAME)))
                .as("result.json of %s against the published schema", name).isEmpty();
        return outcome;
    }

    private static SutClient primary(WorldEndpoints world) {
        ProviderEndpoint primary = world.provider("primary");
        return OpenAiChatSut.of(URI.create(primary.baseUrl()), primary.apiKey(), primary.models().getFirst(), Map.of());
    }

    /** A stand-in that answers through the primary until its {@code answers}-th request, then never again. */
    private static Function<WorldEndpoints, SutClient> diesAfter(int answers) {
        return world -> {
            SutClient primary = primary(world);
            AtomicInteger requests = new AtomicInteger();
            return request -> {
                if (requests.incrementAndGet() > answers) {
                    Thread.sleep(Duration.ofMinutes(5));
                }
                return primary.send(request);
            };
        };
    }

    private static CheckResult aliveAfter(RunResult result) {
        return result.conduct().checks().stream().filter(check -> check.name().equals("alive_after")).findFirst()
                .orElseThrow();
    }

    private static List<JsonNode> ledger(MeasuredOutcome outcome) {
        long start = outcome.chaos().ledgerStart().get("primary");
        return RunFixtures.jsonLines(outcome.folder().resolve("ledger-primary.jsonl")).stream()
                .filter(call -> call.path("seq").asLong() > start).toList();
    }

    @Test
    void aSutStillAliveAfterTheFaultsAnswersTheProbeAndPassesAliveAfter() {
        RunResult result = play("probe-after", "primary-only", AliveProbeRunTest::primary, BaselineChoice.none()).result();

        ProbeResult probe = result.probe();
        assertThat(probe).as("the probe after the run").isNotNull();
        assertThat(probe.outcome()).as("what became of the probe, the primary up again").isEqualTo("answered");
        assertThat(probe.correct()).as("the always-right model answered it correctly").isTrue();
        assertThat(probe.boundMs()).as("its bound: the scenario's alive_after").isEqualTo(1_000);
        assertThat(probe.sentAtMs()).as("it left after the 2s timeline").isGreaterThanOrEqualTo(2_000);
        assertThat(probe.servedBy()).as("the provider calls made for it").containsExactly("primary/perfect");
        assertThat(aliveAfter(result).passed()).as("alive_after: %s", aliveAfter(result).detail()).isTrue();
    }

    @Test
    void aSutThatDiesInTheLastPhaseFailsAliveAfterAndTheVerdict() {
        RunResult result = play("probe-after", "dies-after-30", diesAfter(30), BaselineChoice.none()).result();

        ProbeResult probe = result.probe();
        assertThat(probe.outcome()).as("what became of the probe sent to a SUT that stopped answering")
                .isEqualTo("timeout");
        assertThat(probe.latencyMs()).as("how long the probe was waited for: its 1s bound, not the SUT's silence")
                .isGreaterThanOrEqualTo(1_000).isLessThan(5_000);
        assertThat(probe.servedBy()).as("provider calls made for the probe").isEmpty();
        assertThat(aliveAfter(result).passed()).as("alive_after").isFalse();
        assertThat(aliveAfter(result).detail()).as("why alive_after failed").contains("got no answer within 1s");
        assertThat(result.conduct().verdict()).as("verdict with the required alive_after failed").isEqualTo(Verdict.FAIL);
        assertThat(result.summary().timeouts()).as("the run's own tasks after the 30th, left unanswered")
                .isEqualTo(TASKS - 30);
    }

    @Test
    void theProbeCountsInNoneOfTheRunsFiguresAndOnlyTheChaosRunSendsOne() {
        MeasuredOutcome outcome = play("probe-after", "primary-only", AliveProbeRunTest::primary, BaselineChoice.auto());
        RunResult result = outcome.result();
        List<JsonNode> calls = ledger(outcome);
        List<JsonNode> probeCalls = calls.stream().filter(call -> call.path("task_id").asText().equals("alive-probe")).toList();
        List<JsonNode> runCalls = calls.stream().filter(call -> !probeCalls.contains(call)).toList();

        assertThat(probeCalls).as("calls the primary's ledger holds for the probe").hasSize(1);
        assertThat(result.summary().exchanges()).as("exchanges counted: 20 a second for 2s, the probe not among them")
                .isEqualTo(TASKS);
        assertThat(result.exchanges()).as("exchanges listed").hasSize(TASKS)
                .extracting(ExchangeResult::taskId).doesNotContain("alive-probe");
        assertThat(result.phases().stream().mapToLong(phase -> phase.exchanges()).sum()).as("exchanges over the phases")
                .isEqualTo(TASKS);
        assertThat(result.modelsServed()).as("calls per model served, from the ledger without the probe's")
                .extracting(ModelServed::calls).containsExactly((long) runCalls.size());
        BigDecimal runCost = runCalls.stream().map(call -> call.path("cost_usd").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(result.cost().totalUsd()).as("total cost: the run's calls, without the probe's")
                .isCloseTo(runCost.doubleValue(), within(1e-9));
        assertThat(result.warnings()).as("warnings").noneMatch(warning -> warning.contains("task id"));
        assertThat(outcome.folder().resolve(AliveProbe.FILE)).as("the chaos run's probe.json").isRegularFile();
        assertThat(outcome.folder().resolve(MeasuredRun.BASELINE_FOLDER).resolve(AliveProbe.FILE))
                .as("the baseline's probe.json: a baseline sends no probe").doesNotExist();
    }

    @Test
    void aSequentialWorkloadSendsOneTaskAtATimeAtMostOnePerPace() {
        RunResult result = play("sequential", "primary-only", AliveProbeRunTest::primary, BaselineChoice.none()).result();

        List<ExchangeResult> exchanges = result.exchanges();
        assertThat(exchanges).as("tasks one agent started in 1.5s, at least 200ms apart").hasSizeBetween(2, 8);
        for (int i = 1; i < exchanges.size(); i++) {
            ExchangeResult previous = exchanges.get(i - 1);
            ExchangeResult next = exchanges.get(i);
            assertThat(next.startedMs()).as("task %d started after task %d ended: one in flight at a time", i, i - 1)
                    .isGreaterThanOrEqualTo(previous.endedMs());
            // times are kept to the microsecond; the driver's own gap is at least the pace to the nanosecond
            assertThat(next.startedMs() - previous.startedMs()).as("ms between the starts of tasks %d and %d", i - 1, i)
                    .isGreaterThanOrEqualTo(200 - 0.002);
        }
        assertThat(exchanges).as("outcomes while the primary flapped, then healthy")
                .extracting(ExchangeResult::phase).contains("flapping", "healthy");
    }
}
