package dev.brownout;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.input.InvalidInputException;
import dev.brownout.internal.run.RunFixtures;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLoader;
import dev.brownout.sut.SutReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public entry point used as a user would, on the engine tests' three-second scenario. */
class BrownoutApiTest {

    @TempDir
    Path runs;

    private static Scenario shortOutage() throws Exception {
        return ScenarioLoader.load(Path.of(Objects.requireNonNull(BrownoutApiTest.class.getResource("/run/short-outage.yaml")).toURI()));
    }

    @Test
    void aMeasuredRunAgainstAnInJvmSutWritesItsResultAndEveryReport() throws Exception {
        BrownoutRun run = Brownout.scenario(shortOutage())
                .against(Sut.inJvm("always-fine", endpoints -> request -> SutReply.ok("fine", "m")))
                .warmup(Duration.ZERO)
                .noBaseline()
                .outputTo(runs)
                .run();

        assertThat(run.completed()).as("the run played to its end; stop reason %s", run.stopReason()).isTrue();
        assertThat(run.folder()).as("the run folder is made under outputTo").hasParent(runs);
        assertThat(List.of(run.resultJson(), run.reportHtml(), run.summaryMarkdown(), run.junitXml()))
                .as("result.json and every report in the run folder").allSatisfy(file -> assertThat(file).exists());
        assertThat(run.result().sut().name()).as("the SUT's name in the result").isEqualTo("always-fine");
        assertThat(run.result().quality().iqLoss()).as("no baseline, so IQ loss is unknown, not zero").isNull();
        assertThat(run.result().command()).as("a SUT built in code has no command line to reproduce it").isEmpty();
    }

    @Test
    void anObserverIsToldTheRunsStartItsPhasesAndItsEnd() throws Exception {
        List<String> told = Collections.synchronizedList(new ArrayList<>());
        RunObserver observer = new RunObserver() {
            @Override
            public void started(Path folder, String scenario, String sut) {
                told.add("started " + scenario + " against " + sut);
            }

            @Override
            public void phaseEntered(String phase, Duration at) {
                told.add("phase " + phase);
            }

            @Override
            public void finished(Optional<String> stopReason) {
                told.add("finished " + stopReason.orElse("complete"));
            }
        };

        // only the order of what the observer hears counts, so the three phases play in a quarter of their time
        Brownout.scenario(shortOutage()).against(Sut.inJvm("always-fine", endpoints -> request -> SutReply.ok("fine", "m")))
                .timeScale(0.25).warmup(Duration.ZERO).noBaseline().outputTo(runs).observer(observer).run();

        assertThat(told).as("what the observer was told, in order").containsExactly("started short-outage against always-fine",
                "phase steady", "phase sick", "phase down", "finished complete");
    }

    @Test
    void aSutThatCannotStartIsARunNotStartedExceptionWithACleanWorld() throws Exception {
        List<String> listenersSeen = new ArrayList<>();
        Sut broken = Sut.inJvm("broken", endpoints -> {
            endpoints.providers().forEach(provider -> listenersSeen.add(URI.create(provider.baseUrl()).getAuthority()));
            throw new IllegalStateException("the gateway's config is missing");
        });

        assertThatThrownBy(() -> Brownout.scenario(shortOutage()).against(broken).noBaseline().warmup(Duration.ZERO)
                .outputTo(runs).run())
                .as("a SUT that cannot start")
                .isInstanceOf(RunNotStartedException.class)
                .hasMessageContaining("never started").hasMessageContaining("the gateway's config is missing")
                .satisfies(e -> {
                    BrownoutRun run = ((RunNotStartedException) e).run();
                    assertThat(run.completed()).as("the run is incomplete").isFalse();
                    assertThat(run.resultJson()).as("what was recorded is kept").exists();
                });
        assertThat(listenersSeen).as("the world had started: the SUT saw its providers").isNotEmpty();
        assertThat(listenersSeen).as("every proxy of the world is closed again").noneMatch(RunFixtures::accepts);
    }

    @Test
    void aRunWithoutASutSaysHowToGiveOne() throws Exception {
        assertThatThrownBy(() -> Brownout.scenario(shortOutage()).run()).as("no against(...)")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("against(Sut.");
    }

    @Test
    void anUnknownSutNamesTheValidForms() {
        assertThatThrownBy(() -> Sut.parse("reference:sturdy")).as("an unknown reference gateway")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sturdy").hasMessageContaining("resilient");
        assertThatThrownBy(() -> Sut.openAiChat("not a url")).as("a base URL that is not one")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a url");
    }

    @Test
    void aScenarioFileWithProblemsListsThemWithTheirLines() throws IOException {
        Path bad = runs.resolve("bad.yaml");
        Files.writeString(bad, "name: bad\nseed: many\n");

        assertThatThrownBy(() -> Brownout.scenario(bad)).as("a scenario file with problems")
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).as("problems found").isNotEmpty())
                .hasMessageContaining("bad.yaml:2");
    }

    @Test
    void otherTasksAreNamedInTheCommandLineThatReproducesTheRun() {
        RunBuilder builder = Brownout.scenario("provider-brownout").tasks("canary-chain")
                .against(Sut.reference("naive"));

        assertThat(builder.commandLine()).as("the command line of a run sending other tasks")
                .containsSubsequence("./brownout", "run", "provider-brownout", "--tasks", "canary-chain");
    }

    @Test
    void unknownTasksAreRefusedWhenGivenNamingWhatIsValid() throws Exception {
        RunBuilder builder = Brownout.scenario(shortOutage());

        assertThatThrownBy(() -> builder.tasks("canary-riddles")).as("an unknown canary suite")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("canary-riddles")
                .hasMessageContaining("canary-chain");
        assertThatThrownBy(() -> builder.tasks(runs.resolve("mine.jsonl").toString())).as("a task file that is not there")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mine.jsonl")
                .hasMessageContaining("no such task file");
    }

    @Test
    void aTimeScaleOfZeroIsRefusedByTheScenariosOwnRule() throws Exception {
        RunBuilder builder = Brownout.scenario(shortOutage());

        assertThatThrownBy(() -> builder.timeScale(0)).as("time scale 0")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time scale must be a number > 0");
    }

    @Test
    void faultsSetByHandKeepTheOtherPartOfTheTargetsState() throws Exception {
        try (BrownoutWorld world = Brownout.world(shortOutage())) {
            WorldProvider primary = world.provider("primary");
            String address = URI.create(primary.baseUrl()).getAuthority();

            primary.network(Faults.down());
            assertThat(RunFixtures.serves(address)).as("a downed proxy serves no connection").isFalse();

            primary.behaviour(Faults.error(503));
            assertThat(RunFixtures.serves(address)).as("setting HTTP faults leaves the proxy down").isFalse();

            primary.network(Faults.clean());
            assertThat(post(primary)).as("with the proxy up again, the HTTP fault set before still answers").isEqualTo(503);

            primary.behaviour();
            assertThat(post(primary)).as("no faults: healthy").isEqualTo(200);
            assertThat(primary.ledger()).extracting(ProviderCall::status).as("the ledger since the world started")
                    .containsExactly(503, 200);

            world.reset();
            assertThat(primary.ledger()).as("after reset the ledger starts afresh").isEmpty();
        }
    }

    @Test
    void aStoredBaselineIsAPathEvenWhenItIsNamedLikeAKeyword() {
        assertThatThrownBy(() -> Baseline.stored(Path.of("auto"))).as("a stored baseline at a file named auto")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("there is no result at");
    }

    @Test
    void aProbabilityOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> Faults.error(529).probability(1.5)).as("probability 1.5")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 1");
    }

    private static int post(WorldProvider provider) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(provider.baseUrl() + "/chat/completions"))
                    .header("Authorization", "Bearer " + provider.apiKey()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + provider.models().getFirst()
                            + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                    .timeout(Duration.ofSeconds(10)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
