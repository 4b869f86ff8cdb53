package dev.brownout.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.internal.record.PhaseRecord;
import dev.brownout.internal.sut.SutFactory;
import dev.brownout.internal.sut.SutSpec;
import dev.brownout.internal.workload.Exchange;
import dev.brownout.internal.world.ProxiedWorld;
import dev.brownout.internal.world.WorldProbe;
import dev.brownout.scenario.Phase;
import dev.brownout.scenario.Scenario;
import dev.brownout.sut.SutReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole run against the real world, the real proxies and a reference gateway, on a three-second scenario. The
 * tests that only read a plain run of the resilient gateway share one, played by the first of them to ask, with a
 * listener that checks each phase's faults on the world as it enters (a listener that only looks changes nothing).
 */
class ScenarioRunTest {

    private static final String SUT_MARKER = "-Dbrownout.test.sut=true";

    @TempDir
    Path out;

    @TempDir
    static Path sharedOut;

    private static ProbedRun resilientRun;

    /** A run of the resilient gateway and what a listener found when it checked each phase's state on the world. */
    private record ProbedRun(Scenario scenario, RunRecord record, List<String> checked, List<AssertionError> failures) {
    }

    private static synchronized ProbedRun resilientRunProbedPhaseByPhase() {
        if (resilientRun == null) {
            Scenario scenario = RunFixtures.shortOutage();
            List<String> checked = Collections.synchronizedList(new ArrayList<>());
            List<AssertionError> failures = Collections.synchronizedList(new ArrayList<>());
            RunListener probe = new RunListener() {
                @Override
                public void phaseEntered(PhaseRecord phase, ProxiedWorld world) {
                    Phase planned = scenario.timeline().stream().filter(p -> p.name().equals(phase.name())).findFirst()
                            .orElseThrow();
                    try {
                        WorldProbe.assertExactly(world, planned);
                        checked.add(phase.name());
                    } catch (AssertionError e) {
                        failures.add(e);
                    }
                }
            };
            RunRecord record = ScenarioRun.of(plan(sharedOut, scenario, "reference:resilient").withListener(probe)).play();
            resilientRun = new ProbedRun(scenario, record, checked, failures);
        }
        return resilientRun;
    }

    private RunPlan plan(Scenario scenario, String sut) {
        return plan(out, scenario, sut);
    }

    private static RunPlan plan(Path out, Scenario scenario, String sut) {
        return RunPlan.of(scenario, SutSpec.fromArgument(sut)).withOut(out).withWarmup(Duration.ofMillis(500));
    }

    @Test
    void aRunPlaysItsWholeTimelineAndKeepsEveryExchange() {
        Scenario scenario = resilientRunProbedPhaseByPhase().scenario();

        RunRecord record = resilientRunProbedPhaseByPhase().record();

        assertThat(record.completed()).as("run completed; stop reason: %s", record.stopReason()).isTrue();
        assertThat(record.phases()).extracting(PhaseRecord::name).as("phases played, in order")
                .containsExactly("steady", "sick", "down");
        for (int i = 0; i < record.phases().size(); i++) {
            PhaseRecord played = record.phases().get(i);
            Phase planned = scenario.timeline().get(i);
            assertThat(played.plannedAt()).as("planned offset of %s", played.name()).isEqualTo(planned.at());
            assertThat(played.startedAt()).as("phase %s was not set before its time", played.name())
                    .isGreaterThanOrEqualTo(planned.at());
            assertThat(played.tookEffect()).as("targets set in phase %s", played.name())
                    .containsOnlyKeys("primary", "backup");
        }
        assertThat(record.totals().sent()).as("40 tasks a second for 3 s").isEqualTo(120);
        List<JsonNode> exchanges = RunFixtures.jsonLines(record.folder().resolve("exchanges.jsonl"));
        assertThat(exchanges).as("exchanges.jsonl has a line per exchange sent").hasSize(120);
        assertThat(exchanges).extracting(e -> e.path("phase").asText()).as("each exchange carries its phase")
                .containsOnly("steady", "sick", "down");
        assertThat(record.byPhase()).extracting(PhaseTotals::phase).containsExactly("steady", "sick", "down");
        assertThat(record.byPhase().stream().mapToLong(p -> p.totals().sent()).sum())
                .as("per-phase counts add up to the total").isEqualTo(120);
        for (String file : List.of("scenario.yaml", "world.json", "ledger-primary.jsonl", "ledger-backup.jsonl", "summary.json")) {
            assertThat(record.folder().resolve(file)).as("run folder file %s", file).isRegularFile();
        }
        assertThat(RunFixtures.json(record.folder().resolve("summary.json")).path("totals").path("sent").asLong())
                .as("summary.json holds the totals").isEqualTo(120);
    }

    @Test
    void everyProviderCallOfTheRunJoinsAnExchangeByItsTaskId() {
        RunRecord record = resilientRunProbedPhaseByPhase().record();

        Set<String> exchangeIds = new HashSet<>();
        RunFixtures.jsonLines(record.folder().resolve("exchanges.jsonl")).forEach(e -> exchangeIds.add(e.path("task_id").asText()));
        List<JsonNode> runCalls = new ArrayList<>();
        for (String provider : List.of("primary", "backup")) {
            long start = record.ledgerStart().get(provider);
            RunFixtures.jsonLines(record.folder().resolve("ledger-" + provider + ".jsonl")).stream()
                    .filter(call -> call.path("seq").asLong() > start).forEach(runCalls::add);
        }
        assertThat(runCalls).as("provider calls after the warm-up").isNotEmpty();
        assertThat(runCalls).extracting(call -> call.path("task_id").asText())
                .as("the task id of every provider call made during the run").allMatch(exchangeIds::contains);
    }

    @Test
    void eachPhaseHoldsExactlyItsFaultsWhileItRuns() {
        ProbedRun run = resilientRunProbedPhaseByPhase();

        assertThat(run.failures()).as("differences between a phase and the world's actual state during it").isEmpty();
        assertThat(run.checked()).as("phases whose state was checked on the proxy and the fakes")
                .containsExactly("steady", "sick", "down");
        assertThat(run.record().completed()).isTrue();
    }

    @Test
    void afterARunEveryPortOfTheWorldAndTheSutIsClosed() {
        RunRecord record = ScenarioRun.of(plan(RunFixtures.shortOutage(), "reference:naive")).play();

        List<String> listeners = RunFixtures.listeners(record);
        assertThat(listeners).as("proxies, fakes, the proxy control API and the SUT").hasSizeGreaterThanOrEqualTo(6);
        assertThat(listeners).as("addresses still accepting connections after the run").noneMatch(RunFixtures::accepts);
    }

    @Test
    void stoppingARunKeepsWhatItMeasuredAndLeavesACleanWorld() {
        AtomicReference<ScenarioRun> run = new AtomicReference<>();
        RunListener stopInSick = new RunListener() {
            @Override
            public void phaseEntered(PhaseRecord phase, ProxiedWorld world) {
                if (phase.name().equals("sick")) {
                    Thread.ofVirtual().start(() -> run.get().stop("stopped by the test"));
                }
            }
        };
        run.set(ScenarioRun.of(plan(RunFixtures.shortOutage(), "reference:resilient").withListener(stopInSick)));

        RunRecord record = run.get().play();

        assertThat(record.completed()).as("a stopped run is incomplete").isFalse();
        assertThat(record.stopReason()).isEqualTo("stopped by the test");
        assertThat(record.phases()).extracting(PhaseRecord::name).as("phases played before the stop")
                .containsExactly("steady", "sick");
        assertThat(record.totals().sent()).as("exchanges measured before the stop").isBetween(30L, 100L);
        assertThat(RunFixtures.jsonLines(record.folder().resolve("exchanges.jsonl")))
                .as("every measured exchange is kept, aborted ones included").hasSize((int) record.totals().sent());
        assertThat(RunFixtures.json(record.folder().resolve("summary.json")).path("completed").asBoolean(true))
                .as("summary.json says incomplete").isFalse();
        assertThat(RunFixtures.listeners(record)).as("addresses still accepting connections").noneMatch(RunFixtures::accepts);
    }

    @Test
    void aSutProcessThatDiesMidRunEndsTheRunCleanly() throws Exception {
        Path sutFile = writeNaiveGatewayProcess();
        List<ProcessHandle> killed = Collections.synchronizedList(new ArrayList<>());
        RunListener killInSick = new RunListener() {
            @Override
            public void phaseEntered(PhaseRecord phase, ProxiedWorld world) {
                if (phase.name().equals("sick")) {
                    sutProcesses().forEach(process -> {
                        killed.add(process);
                        process.destroyForcibly();
                    });
                }
            }
        };

        RunRecord record = ScenarioRun.of(RunPlan.of(RunFixtures.shortOutage(), SutSpec.load(sutFile))
                .withOut(out.resolve("runs")).withWarmup(Duration.ofMillis(500)).withListener(killInSick)).play();

        assertThat(killed).as("the gateway process the test killed in phase 'sick'").hasSize(1);
        assertThat(record.completed()).as("a run whose SUT died is incomplete").isFalse();
        assertThat(record.stopReason()).as("why the run ended").contains("SUT process exited with code");
        assertThat(record.totals().sent()).as("exchanges measured before the SUT died").isPositive();
        assertThat(record.folder().resolve("sut.stderr.log")).as("the SUT's own output is kept").isRegularFile();
        assertThat(sutProcesses()).as("SUT processes left running").isEmpty();
        assertThat(RunFixtures.listeners(record)).as("addresses still accepting connections").noneMatch(RunFixtures::accepts);
    }

    @Test
    void anInJvmSutIsDrivenAndItsAnswersGradedPhaseByPhase() {
        // calls the primary directly: it answers while the primary is up and fails once its proxy is down
        SutFactory direct = SutFactory.inJvm("direct-to-primary", endpoints -> dev.brownout.internal.sut.OpenAiChatSut.of(
                java.net.URI.create(endpoints.provider("primary").baseUrl()), endpoints.provider("primary").apiKey(), "mid", java.util.Map.of()));

        RunRecord record = ScenarioRun.of(RunPlan.of(RunFixtures.shortOutage(), direct).withOut(out)
                .withWarmup(Duration.ofMillis(500))).play();

        ExchangeTotals steady = totals(record, "steady");
        ExchangeTotals down = totals(record, "down");
        assertThat(steady.availability()).as("share answered while the primary is healthy").isGreaterThanOrEqualTo(0.95);
        assertThat(steady.correct()).as("correct answers from 'mid' (capability 0.86), graded by the canary grader")
                .isBetween(Math.round(steady.answered() * 0.6), steady.answered());
        assertThat(steady.correct()).as("a model of capability 0.86 gets some wrong").isLessThan(steady.answered());
        assertThat(down.availability()).as("share answered while the primary's proxy is down").isLessThanOrEqualTo(0.2);
        assertThat(RunFixtures.jsonLines(record.folder().resolve("exchanges.jsonl")))
                .filteredOn(e -> e.path("outcome").asText().equals(Exchange.ANSWERED))
                .as("an answered exchange's score is 1 exactly when its answer is the expected one")
                .allSatisfy(e -> assertThat(e.path("score").asDouble())
                        .isEqualTo(e.path("answer").asText().contains("ANSWER: " + e.path("expected").asText()) ? 1.0 : 0.0));
    }

    @Test
    void aHungSutTimesOutEveryTaskAndTheRunStillEndsOnTime() {
        // answers nothing for a minute and ignores interrupts, like a call stuck in native code
        SutFactory hung = SutFactory.inJvm("hung", endpoints -> request -> {
            long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (System.nanoTime() < until) {
                java.util.concurrent.locks.LockSupport.parkNanos(until - System.nanoTime());
                Thread.interrupted();
            }
            return dev.brownout.sut.SutReply.ok("too late", "m");
        });
        long started = System.nanoTime();

        RunRecord record = ScenarioRun.of(RunPlan.of(RunFixtures.shortOutage(), hung).withOut(out)
                .withWarmup(Duration.ZERO)).play();

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(record.completed()).as("the run played its whole timeline; stop reason: %s", record.stopReason()).isTrue();
        assertThat(record.totals().timeouts()).as("every task timed out").isEqualTo(record.totals().sent()).isEqualTo(120);
        assertThat(took).as("3 s of timeline and a 2 s task timeout, plus start and clean-up")
                .isLessThan(Duration.ofSeconds(30));
        assertThat(RunFixtures.listeners(record)).as("addresses still accepting connections").noneMatch(RunFixtures::accepts);
    }

    @Test
    void aSutThatCannotStartLeavesAnIncompleteRecordAndACleanWorld() throws Exception {
        Path sutFile = out.resolve("broken.yaml");
        Files.writeString(sutFile, """
                name: broken
                adapter: openai-chat
                base_url: http://127.0.0.1:{{port}}/v1
                process:
                  command: [/nonexistent/brownout-test-gateway]
                """);

        RunRecord record = ScenarioRun.of(RunPlan.of(RunFixtures.shortOutage(), SutSpec.load(sutFile))
                .withOut(out.resolve("runs"))).play();

        assertThat(record.completed()).isFalse();
        assertThat(record.stopReason()).as("why the run never started").contains("/nonexistent/brownout-test-gateway");
        assertThat(record.totals().sent()).as("nothing was sent").isZero();
        assertThat(record.folder().resolve("summary.json")).as("the summary is written all the same").isRegularFile();
        assertThat(RunFixtures.listeners(record)).as("addresses still accepting connections").noneMatch(RunFixtures::accepts);
    }

    @Test
    void aCommandSutAnswersEachTaskFromAProcessOfItsOwn() throws Exception {
        Path sutFile = out.resolve("agent.yaml");
        Files.writeString(sutFile, """
                name: canary-agent
                adapter: command
                command:
                  argv: %s
                  prompt: stdin
                """.formatted(flowList(javaCommand(CanaryAgent.class.getName(), "mid"))));
        // a JVM per task: on a clock three times as long (a 6 s timeout) and a tenth of the load, 1.3 tasks a
        // second give each JVM time to start on a busy 2-core machine
        Scenario scenario = RunFixtures.shortOutage().scaled(3).loadScaled(0.1);

        RunRecord record = ScenarioRun.of(RunPlan.of(scenario, SutSpec.load(sutFile)).withOut(out.resolve("runs"))
                .withWarmup(Duration.ZERO)).play();

        assertThat(record.completed()).as("run completed; stop reason: %s", record.stopReason()).isTrue();
        ExchangeTotals steady = totals(record, "steady");
        assertThat(steady.answered()).as("tasks the agent answered while the primary was healthy; first exchange: %s",
                RunFixtures.jsonLines(record.folder().resolve("exchanges.jsonl")).getFirst()).isPositive();
        assertThat(steady.correct()).as("answers graded correct").isPositive();
        Set<String> answered = new HashSet<>();
        RunFixtures.jsonLines(record.folder().resolve("exchanges.jsonl")).stream()
                .filter(e -> e.path("outcome").asText().equals(Exchange.ANSWERED))
                .forEach(e -> answered.add(e.path("task_id").asText()));
        assertThat(RunFixtures.jsonLines(record.folder().resolve("ledger-primary.jsonl")))
                .extracting(call -> call.path("task_id").asText())
                .as("the provider saw each answered task's id: the agent's calls join the ledger")
                .containsAll(answered);
    }

    @Test
    void aGatewayStartedAsAProcessPlaysTheWholeRunAndIsGoneAfterIt() throws Exception {
        Path sutFile = writeNaiveGatewayProcess();

        RunRecord record = ScenarioRun.of(RunPlan.of(RunFixtures.shortOutage(), SutSpec.load(sutFile))
                .withOut(out.resolve("runs")).withWarmup(Duration.ofMillis(500))).play();

        assertThat(record.completed()).as("run completed; stop reason: %s", record.stopReason()).isTrue();
        assertThat(totals(record, "steady").availability()).as("share answered through the gateway process while healthy")
                .isGreaterThanOrEqualTo(0.9);
        assertThat(totals(record, "down").availability()).as("the naive gateway does not fail over: share answered while the primary is down")
                .isLessThanOrEqualTo(0.2);
        assertThat(record.folder().resolve("naive.yaml")).as("the rendered config, which holds the world's keys, stays out of the run folder")
                .doesNotExist();
        assertThat(Files.readString(record.folder().resolve("sut.stdout.log"))).as("the gateway's own output")
                .contains(record.sutBaseUrl());
        assertThat(sutProcesses()).as("SUT processes left running").isEmpty();
        assertThat(RunFixtures.listeners(record)).as("addresses still accepting connections").noneMatch(RunFixtures::accepts);
    }

    /** A SUT file that starts the naive reference gateway as a process, its config rendered from the world. */
    private Path writeNaiveGatewayProcess() throws java.io.IOException {
        Path sutFile = out.resolve("naive-process.yaml");
        Files.writeString(out.resolve("naive.yaml.mustache"), """
                host: 127.0.0.1
                port: {{port}}
                upstreams:
                {{#provider_list}}
                  - name: {{name}}
                    dialect: {{dialect}}
                    base_url: "{{base_url}}"
                    api_key: "{{api_key}}"
                    model: {{model}}
                {{/provider_list}}
                """);
        Files.writeString(sutFile, """
                name: naive-process
                adapter: openai-chat
                base_url: http://127.0.0.1:{{port}}/v1
                process:
                  command: %s
                  config_template: naive.yaml.mustache
                  ready: { http: "http://127.0.0.1:{{port}}/v1/models", timeout: 60s }
                  stop_grace: 5s
                """.formatted(flowList(javaCommand("dev.brownout.gateways.naive.NaiveGateway", "{{config_file}}"))));
        return sutFile;
    }

    private static List<ProcessHandle> sutProcesses() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(SUT_MARKER)).toList();
    }

    private static ExchangeTotals totals(RunRecord record, String phase) {
        return record.byPhase().stream().filter(p -> p.phase().equals(phase)).findFirst().orElseThrow().totals();
    }

    /**
     * A java command for a class of the tests. The marker comes first: Linux shows a process's command line
     * only up to 4096 characters, and the class path is longer.
     */
    private static List<String> javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                SUT_MARKER, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static String flowList(List<String> items) {
        return items.stream().map(item -> new com.fasterxml.jackson.databind.node.TextNode(item).toString())
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }
}
