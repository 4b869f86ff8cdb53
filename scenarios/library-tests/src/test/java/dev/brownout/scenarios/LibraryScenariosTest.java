package dev.brownout.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.brownout.internal.record.PhaseRecord;
import dev.brownout.internal.run.BaselineChoice;
import dev.brownout.internal.run.ExchangeTotals;
import dev.brownout.internal.run.MeasuredOutcome;
import dev.brownout.internal.run.MeasuredRun;
import dev.brownout.internal.run.RunPlan;
import dev.brownout.internal.run.RunRecord;
import dev.brownout.internal.sut.SutSpec;
import dev.brownout.reports.Conduct;
import dev.brownout.reports.PhaseVerdict;
import dev.brownout.reports.RunResultSchema;
import dev.brownout.reports.RunResults;
import dev.brownout.reports.Verdict;
import dev.brownout.scenario.Phase;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLibrary;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped scenario (the {@code scenarios/library} folder, as the brownout-scenarios jar ships it) plays to its end against both reference gateways, on a
 * clock 20 times as fast and at a quarter of its load (a 2-core machine runs gateway, proxies and fakes at
 * once). Where failover can help, the resilient gateway must answer measurably more than the naive one. Every run
 * has a conduct verdict with its reason and a verdict for each faulted phase; where {@link #VERDICTS} names the
 * verdicts, the scenario is played against a baseline and the verdicts must be those. The two gateways play at
 * the same time, each in a world and a folder of its own: the runs mostly wait on the clock, so this halves the
 * wall time without taking anything from either run's figures.
 */
class LibraryScenariosTest {

    private static final double TIME_SCALE = 0.05;
    private static final double LOAD_SCALE = 0.25;
    /** Scenarios whose faults a failover to the backup provider can get round. */
    private static final Set<String> FAILOVER_HELPS = Set.of("oauth-outage", "provider-brownout", "rate-limit-storm",
            "primary-hard-down");
    /**
     * The verdict each gateway must get, judged against a played baseline (which doubles a scenario's time, so only
     * these have one). In oauth-outage the naive gateway loses most answers while it cannot get a token, but each
     * comes back at once as an error: a clean, bounded failure. The resilient one fails over to the backup.
     */
    private static final Map<String, Map<String, Verdict>> VERDICTS = Map.of(
            "oauth-outage", Map.of("naive", Verdict.SAFE, "resilient", Verdict.PASS));

    @TempDir
    Path out;

    /** The library as a user's classpath has it: the brownout-scenarios jar. */
    static Stream<String> shippedScenarios() {
        return ScenarioLibrary.names().stream();
    }

    private static final JsonSchema RESULT_SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(RunResultSchema.text(), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    /**
     * Plays and measures without a baseline, except for the scenarios whose verdicts are asserted: playing one for
     * each of the twelve runs would double the suite's time; the measured pipeline with baselines is proven in the
     * harness's own tests.
     */
    private MeasuredOutcome play(Scenario scenario, String gateway) throws IOException {
        RunPlan plan = RunPlan.of(scenario, SutSpec.fromArgument("reference:" + gateway))
                .withOut(out.resolve(gateway)).withWarmup(Duration.ofSeconds(2));
        BaselineChoice baseline = VERDICTS.containsKey(scenario.name()) ? BaselineChoice.auto() : BaselineChoice.none();
        MeasuredOutcome outcome = MeasuredRun.of(plan, baseline, false).play();
        JsonNode result = RunResults.mapper().readTree(outcome.folder().resolve(RunResults.FILE_NAME).toFile());
        assertThat(RESULT_SCHEMA.validate(result)).extracting(ValidationMessage::getMessage)
                .as("result.json of %s against %s, checked against the published schema", scenario.name(), gateway)
                .isEmpty();
        return outcome;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedScenarios")
    void playsToItsEndAgainstBothGatewaysAndTheResilientOneAnswersMoreWhereFailoverHelps(String file) throws Exception {
        Scenario scenario = ScenarioLibrary.load(file).scaled(TIME_SCALE).loadScaled(LOAD_SCALE);
        List<String> phases = scenario.timeline().stream().map(Phase::name).toList();

        MeasuredOutcome naiveOutcome;
        MeasuredOutcome resilientOutcome;
        try (ExecutorService bothGateways = Executors.newFixedThreadPool(2)) {
            Future<MeasuredOutcome> naivePlayed = bothGateways.submit(() -> play(scenario, "naive"));
            Future<MeasuredOutcome> resilientPlayed = bothGateways.submit(() -> play(scenario, "resilient"));
            naiveOutcome = outcomeOf(naivePlayed);
            resilientOutcome = outcomeOf(resilientPlayed);
        }
        RunRecord naive = naiveOutcome.chaos();
        RunRecord resilient = resilientOutcome.chaos();

        for (RunRecord record : List.of(naive, resilient)) {
            assertThat(record.completed()).as("%s against %s completed; stop reason: %s", file, record.sut(), record.stopReason())
                    .isTrue();
            assertThat(record.phases()).extracting(PhaseRecord::name).as("phases of %s played against %s", file, record.sut())
                    .containsExactlyElementsOf(phases);
            assertThat(record.byPhase()).as("every phase of %s saw tasks against %s", file, record.sut())
                    .allSatisfy(phase -> assertThat(phase.totals().sent()).as("tasks due in %s", phase.phase()).isPositive());
            assertThat(Files.readAllLines(record.folder().resolve("exchanges.jsonl")))
                    .as("exchanges kept for %s against %s", file, record.sut()).hasSize((int) record.totals().sent());
            assertThat(record.warnings()).as("warnings of %s against %s", file, record.sut()).isEmpty();
        }
        ExchangeTotals n = naive.totals();
        ExchangeTotals r = resilient.totals();
        String figures = "naive answered %d of %d (quality %.3f), resilient %d of %d (quality %.3f); per phase naive %s, resilient %s"
                .formatted(n.answered(), n.sent(), n.meanScore(), r.answered(), r.sent(), r.meanScore(),
                        answeredByPhase(naive), answeredByPhase(resilient));
        if (FAILOVER_HELPS.contains(scenario.name())) {
            assertThat(r.answered() - n.answered())
                    .as("in %s failover can help: the resilient gateway answers at least 5%% of all tasks more; %s", file, figures)
                    .isGreaterThanOrEqualTo(Math.round(0.05 * n.sent()));
            assertThat(r.meanScore()).as("graded quality in %s: %s", file, figures).isGreaterThan(n.meanScore());
        } else {
            // a stream cut after it started, or a silently weaker answer, is not something a failover sees
            assertThat(r.answered()).as("in %s failover cannot help, but the resilient gateway does no worse; %s", file, figures)
                    .isGreaterThanOrEqualTo(n.answered() - Math.round(0.1 * n.sent()));
        }
        List<String> faulted = scenario.timeline().stream().filter(phase -> !phase.faults().isEmpty()).map(Phase::name)
                .toList();
        for (MeasuredOutcome outcome : List.of(naiveOutcome, resilientOutcome)) {
            Conduct conduct = outcome.result().conduct();
            assertThat(conduct.verdict()).as("verdict of %s against %s", file, outcome.chaos().sut()).isNotNull();
            assertThat(conduct.reason()).as("the reason for the verdict of %s against %s", file, outcome.chaos().sut())
                    .isNotBlank();
            assertThat(conduct.phases()).extracting(PhaseVerdict::phase)
                    .as("phases of %s judged against %s", file, outcome.chaos().sut()).containsExactlyElementsOf(faulted);
        }
        Map<String, Verdict> verdicts = VERDICTS.get(scenario.name());
        if (verdicts != null) {
            assertThat(naiveOutcome.result().conduct().verdict())
                    .as("verdict of %s against the naive gateway, because %s; %s", file,
                            naiveOutcome.result().conduct().reason(), figures)
                    .isEqualTo(verdicts.get("naive"));
            assertThat(resilientOutcome.result().conduct().verdict())
                    .as("verdict of %s against the resilient gateway, because %s; %s", file,
                            resilientOutcome.result().conduct().reason(), figures)
                    .isEqualTo(verdicts.get("resilient"));
        }
    }

    /** The played run, or what stopped it thrown as it was, so a failed assertion in {@link #play} reads as one. */
    private static MeasuredOutcome outcomeOf(Future<MeasuredOutcome> played) throws Exception {
        try {
            return played.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static String answeredByPhase(RunRecord record) {
        return record.byPhase().stream().map(p -> p.phase() + " " + p.totals().answered() + "/" + p.totals().sent())
                .toList().toString();
    }
}
