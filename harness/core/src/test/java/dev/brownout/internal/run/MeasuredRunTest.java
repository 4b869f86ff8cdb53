package dev.brownout.internal.run;

import dev.brownout.internal.sut.OpenAiChatSut;
import dev.brownout.internal.sut.SutFactory;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.FindingKind;
import dev.brownout.reports.PhaseResult;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResults;
import dev.brownout.reports.Verdict;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLoader;
import dev.brownout.sut.SutClient;
import dev.brownout.sut.SutReply;
import dev.brownout.world.ProviderEndpoint;
import dev.brownout.world.WorldEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The whole pipeline — baseline, scenario, measurement, result.json — against synthetic SUTs whose figures
 * can be worked out by hand. The scenarios put 60 tasks on a 3-second timeline, 20 of them (one third) in
 * the faulted middle second, on models that are always right ({@code perfect}) or always wrong
 * ({@code hopeless}); phases start 20 ms after a task is due, so no task races a phase change. Tolerances
 * allow one task either way (1/60). The tests that only read a run of the primary-only SUT against its baseline
 * share one, played by the first of them to ask, with a second baseline for the noise floor (which sets only the
 * noise floor: every other figure is the same with or without it).
 */
class MeasuredRunTest {

    private static final double ONE_TASK = 1.0 / 60;
    private static final double ONE_THIRD = 20.0 / 60;

    @TempDir
    Path out;

    @TempDir
    static Path sharedOut;

    private static MeasuredOutcome primaryOnly;

    private static Scenario scenario(String name) {
        return ScenarioLoader.load(RunFixtures.resource("/run/" + name + ".yaml"));
    }

    /**
     * measure-down against a SUT that calls only the primary, measured against its own baseline and a second one for
     * the noise floor; played once.
     */
    private static synchronized MeasuredOutcome primaryOnlyAgainstItsBaseline() {
        if (primaryOnly == null) {
            RunPlan plan = RunPlan.of(scenario("measure-down"), SutFactory.inJvm("primary-only", MeasuredRunTest::primary))
                    .withOut(sharedOut).withWarmup(Duration.ofMillis(300));
            primaryOnly = MeasuredRun.of(plan, BaselineChoice.auto(), true).play();
            assertThat(ResultSchemaCheck.problems(primaryOnly.folder().resolve(RunResults.FILE_NAME)))
                    .as("result.json of primary-only against the published schema").isEmpty();
        }
        return primaryOnly;
    }

    private MeasuredOutcome play(Scenario scenario, String name, Function<WorldEndpoints, SutClient> sut, BaselineChoice baseline) {
        RunPlan plan = RunPlan.of(scenario, SutFactory.inJvm(name, sut)).withOut(out).withWarmup(Duration.ofMillis(300));
        MeasuredOutcome outcome = MeasuredRun.of(plan, baseline, false).play();
        assertThat(ResultSchemaCheck.problems(outcome.folder().resolve(RunResults.FILE_NAME)))
                .as("result.json of %s against the published schema", name).isEmpty();
        return outcome;
    }

    private static SutClient direct(ProviderEndpoint provider, String apiKey) {
        return OpenAiChatSut.of(URI.create(provider.baseUrl()), apiKey, provider.models().getFirst(), Map.of());
    }

    private static SutClient primary(WorldEndpoints world) {
        ProviderEndpoint primary = world.provider("primary");
        return direct(primary, primary.apiKey());
    }

    private static PhaseResult phase(RunResult result, String name) {
        return result.phases().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aSutThatFailsEveryRequestOfOnePhaseLosesExactlyThatPhasesShareToErrors() {
        RunResult result = primaryOnlyAgainstItsBaseline().result();

        assertThat(result.completed()).as("completed; stop reason: %s", result.stopReason()).isTrue();
        assertThat(result.quality().baselineScore()).as("baseline quality of a model that is always right").isEqualTo(1.0);
        assertThat(result.quality().iqLoss().value()).as("IQ loss: the 20 of 60 tasks due while the primary is down")
                .isCloseTo(ONE_THIRD, within(ONE_TASK));
        assertThat(result.attribution().error()).as("all of it to errors").isCloseTo(result.quality().iqLoss().value(), within(1e-9));
        assertThat(result.attribution().downgrade() + result.attribution().timeout() + result.attribution().degraded())
                .as("nothing to other causes").isCloseTo(0, within(1e-9));
        assertThat(phase(result, "down").iqLoss().value()).as("the down phase lost everything").isCloseTo(1.0, within(0.05));
        assertThat(phase(result, "steady").iqLoss().value()).as("the steady phase lost nothing").isCloseTo(0, within(1e-9));
        assertThat(result.summary().availability()).as("availability").isCloseTo(1 - ONE_THIRD, within(ONE_TASK));
        assertThat(result.failover()).singleElement().satisfies(down ->
                assertThat(down.timeToFailoverMs()).as("a SUT with no failover never gets round the outage").isNull());
        assertThat(result.conduct().verdict()).as("verdict of a SUT that failed the outage fast and cleanly; %s",
                result.conduct().reason()).isEqualTo(Verdict.SAFE);
        assertThat(result.conduct().reason()).as("the verdict's reason in result.json")
                .startsWith("phase down: answered 0% of 20 tasks against the baseline's 100%");
    }

    @Test
    void aSutThatFailsOverToAWeakerModelLosesTheCapabilityGapTimesTheShareToDowngrade() {
        Function<WorldEndpoints, SutClient> failover = world -> {
            SutClient primary = primary(world);
            SutClient backup = direct(world.provider("backup"), world.provider("backup").apiKey());
            return request -> {
                try {
                    SutReply reply = primary.send(request);
                    if (reply.status() == 200) {
                        return reply;
                    }
                } catch (Exception unreachable) {
                    // the primary is down: fall through to the backup
                }
                return backup.send(request);
            };
        };

        RunResult result = play(scenario("measure-down"), "failover-to-hopeless", failover, BaselineChoice.auto()).result();

        // capability 1 (perfect) to 0 (hopeless) for a third of the tasks: (1 - 0) x 1/3
        assertThat(result.quality().iqLoss().value()).as("IQ loss").isCloseTo(ONE_THIRD, within(ONE_TASK));
        assertThat(result.attribution().downgrade()).as("all of it to the downgrade the ledger shows")
                .isCloseTo(result.quality().iqLoss().value(), within(1e-9));
        assertThat(result.summary().availability()).as("every task was answered").isEqualTo(1.0);
        assertThat(result.modelsServed()).as("models that served, per the ledgers")
                .anySatisfy(m -> assertThat(m.model()).isEqualTo("hopeless"));
        assertThat(result.exchanges()).filteredOn(e -> e.phase().equals("down"))
                .as("exchanges due while the primary was down were served by the backup")
                .allSatisfy(e -> assertThat(e.servedBy()).contains("backup/hopeless"));
        assertThat(result.conduct().phases()).as("the down phase's verdict: answered, however badly")
                .singleElement().satisfies(down -> assertThat(down.verdict()).isEqualTo(Verdict.PASS));
    }

    @Test
    void aSutThatCallsFourTimesPerTaskAmplifiesCostFourTimesAndWastesThreeQuarters() {
        Scenario healthy = scenario("measure-down").withoutFaults();
        MeasuredOutcome once = play(healthy, "once", MeasuredRunTest::primary, BaselineChoice.none());
        Function<WorldEndpoints, SutClient> fourTimes = world -> {
            SutClient primary = primary(world);
            return request -> {
                SutReply last = null;
                for (int attempt = 0; attempt < 4; attempt++) {
                    last = primary.send(request);
                }
                return last;
            };
        };

        RunResult result = play(healthy, "four-times", fourTimes,
                BaselineChoice.file(once.folder().resolve(RunResults.FILE_NAME))).result();

        assertThat(result.cost().amplification()).as("cost against the one-call baseline (answers differ a little per attempt)")
                .isCloseTo(4.0, within(0.2));
        assertThat(result.cost().wastedUsd() / result.cost().totalUsd()).as("share of the cost no user saw")
                .isCloseTo(0.75, within(0.05));
        assertThat(result.quality().iqLoss().value()).as("the answers themselves lost nothing").isCloseTo(0, within(1e-9));
        CheckResult attempts = result.conduct().checks().getFirst();
        assertThat(attempts.name()).isEqualTo("max_attempts_per_task");
        assertThat(attempts.observed()).as("attempts on one task").isEqualTo("4");
        assertThat(attempts.passed()).isFalse();
        assertThat(result.conduct().verdict()).as("a required check failed").isEqualTo(Verdict.FAIL);
        assertThat(once.result().quality().iqLoss()).as("IQ loss without a baseline is unknown, not 0").isNull();
    }

    @Test
    void aSutThatSendsOneProvidersKeyToAnotherIsASecurityFindingThatNeverShowsTheKey() throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> leakedKey = new java.util.concurrent.atomic.AtomicReference<>();
        Function<WorldEndpoints, SutClient> leaky = world -> {
            leakedKey.set(world.provider("primary").apiKey());
            SutClient wrongKey = direct(world.provider("backup"), world.provider("primary").apiKey());
            SutClient primary = primary(world);
            return request -> {
                wrongKey.send(request);
                return primary.send(request);
            };
        };

        MeasuredOutcome outcome = play(scenario("measure-down").withoutFaults(), "leaky", leaky, BaselineChoice.none());

        RunResult result = outcome.result();
        assertThat(result.security().findings()).as("security findings").singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.CREDENTIAL_LEAK);
            assertThat(finding.where()).as("the provider the key was sent to").isEqualTo("backup");
            assertThat(finding.count()).as("one leak per task").isEqualTo(60);
        });
        assertThat(result.security().count()).isEqualTo(1);
        try (java.util.stream.Stream<Path> files = Files.walk(outcome.folder())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as("%s shows the leaked key", file).doesNotContain(leakedKey.get());
            }
        }
    }

    @Test
    void aSutThatPassesACutStreamOffAsWholeFailsTheTruncationCheckAndLosesToDegradedAnswers() {
        Function<WorldEndpoints, SutClient> hidesCuts = world -> {
            SutClient primary = primary(world);
            return request -> {
                SutReply reply = primary.send(request);
                return new SutReply(reply.status(), reply.answer(), reply.model(), reply.firstByteNanos(), false);
            };
        };

        RunResult result = play(scenario("measure-cut"), "hides-cuts", hidesCuts, BaselineChoice.auto()).result();

        CheckResult truncation = result.conduct().checks().getFirst();
        assertThat(truncation.name()).isEqualTo("no_truncated_success");
        assertThat(truncation.passed()).as("cut streams answered as whole: %s", truncation.detail()).isFalse();
        assertThat(Long.parseLong(truncation.observed())).as("one per task of the cut phase").isBetween(19L, 21L);
        assertThat(result.attribution().degraded()).as("the loss goes to degraded answers")
                .isCloseTo(result.quality().iqLoss().value(), within(1e-9));
        assertThat(result.quality().iqLoss().value()).as("a third of the tasks lost their answer").isCloseTo(ONE_THIRD, within(ONE_TASK));
        assertThat(result.conduct().verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aSutThatHammersA429WithoutWaitingFailsTheRetryAfterCheck() {
        Function<WorldEndpoints, SutClient> hammer = world -> {
            SutClient primary = primary(world);
            return request -> {
                SutReply reply = primary.send(request);
                for (int retry = 0; retry < 3 && reply.status() == 429; retry++) {
                    reply = primary.send(request);
                }
                return reply;
            };
        };

        RunResult result = play(scenario("measure-429"), "hammer", hammer, BaselineChoice.auto()).result();

        CheckResult retryAfter = result.conduct().checks().getFirst();
        assertThat(retryAfter.name()).isEqualTo("honours_retry_after");
        assertThat(retryAfter.passed()).as("retries sent before the 1 s the 429 asked for: %s", retryAfter.detail()).isFalse();
        assertThat(retryAfter.detail()).as("the detail names a task").contains("ari-");
        assertThat(result.conduct().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(phase(result, "limited").availability()).as("nothing got through the 429s").isEqualTo(0.0);
    }

    @Test
    void theNoiseFloorOfADeterministicSutIsZero() {
        MeasuredOutcome outcome = primaryOnlyAgainstItsBaseline();

        assertThat(outcome.noise()).as("the second baseline was played").isNotNull();
        assertThat(outcome.folder().resolve(MeasuredRun.NOISE_FOLDER).resolve("exchanges.jsonl")).isRegularFile();
        assertThat(outcome.result().quality().noiseFloor())
                .as("IQ loss of one fault-free run of an always-right model against another").isEqualTo(0.0);
    }

    @Test
    void aStoredBaselineOfAnotherScenarioIsRefusedBeforeAnythingPlays() {
        MeasuredOutcome cut = play(scenario("measure-cut").withoutFaults(), "once", MeasuredRunTest::primary, BaselineChoice.none());
        RunPlan plan = RunPlan.of(scenario("measure-down"), SutFactory.inJvm("primary-only", MeasuredRunTest::primary))
                .withOut(out.resolve("refused"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MeasuredRun.of(plan,
                        BaselineChoice.file(cut.folder().resolve(RunResults.FILE_NAME)), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scenario measure-cut, not measure-down").hasMessageContaining("seed 12, not 11");
        assertThat(out.resolve("refused")).as("nothing was played").doesNotExist();
    }

    @Test
    void aRunThatCannotBeMeasuredSaysSoAndKeepsWhatWasPlayed() {
        // spoils the exchange log once the run has written it, as a full disk or a stray editor might
        RunListener spoiler = new RunListener() {
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
        RunPlan plan = RunPlan.of(scenario("measure-down"), SutFactory.inJvm("primary-only", MeasuredRunTest::primary))
                .withOut(out).withWarmup(Duration.ZERO).withListener(spoiler);

        MeasurementFailedException failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                MeasurementFailedException.class, () -> MeasuredRun.of(plan, BaselineChoice.none(), false).play());

        assertThat(failure).as("the measurement failed").isNotNull();
        assertThat(failure.getMessage()).as("what failed and where the runs are")
                .contains("exchanges.jsonl").contains(failure.folder().toString());
        assertThat(failure.folder().resolve("summary.json")).as("the played run is kept").isRegularFile();
    }

    @Test
    void theSameSeedAndADeterministicSutGiveTheSameFiguresTwice() throws Exception {
        RunResult first = primaryOnlyAgainstItsBaseline().result();
        RunResult second = play(scenario("measure-down"), "primary-only", MeasuredRunTest::primary, BaselineChoice.auto()).result();

        assertThat(second.quality().iqLoss()).as("IQ loss and its interval").isEqualTo(first.quality().iqLoss());
        assertThat(second.attribution()).as("attribution").isEqualTo(first.attribution());
        assertThat(second.quality().score()).as("quality").isEqualTo(first.quality().score());
        assertThat(second.cost().totalUsd()).as("cost").isEqualTo(first.cost().totalUsd());
        assertThat(second.cost().byModel()).as("cost by model").isEqualTo(first.cost().byModel());
        assertThat(second.phases()).extracting(PhaseResult::name, PhaseResult::exchanges, PhaseResult::answered,
                PhaseResult::quality, PhaseResult::costUsd).as("per phase")
                .isEqualTo(first.phases().stream().map(p -> org.assertj.core.groups.Tuple.tuple(p.name(), p.exchanges(),
                        p.answered(), p.quality(), p.costUsd())).toList());
        assertThat(second.exchanges()).extracting(e -> e.taskId() + " " + e.outcome() + " " + e.score() + " " + e.cause())
                .as("every exchange's task, outcome, score and cause")
                .isEqualTo(first.exchanges().stream().map(e -> e.taskId() + " " + e.outcome() + " " + e.score() + " " + e.cause()).toList());
        assertThat(Files.readString(RunFixtures.resource("/run/measure-down.yaml"))).contains("seed: 11");
    }
}
