package dev.brownout.internal.run;

import dev.brownout.internal.sut.OpenAiChatSut;
import dev.brownout.internal.sut.StartedSut;
import dev.brownout.internal.sut.SutFactory;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.CheckStatus;
import dev.brownout.reports.PhaseVerdict;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResults;
import dev.brownout.reports.Verdict;
import dev.brownout.scenario.ScenarioLoader;
import dev.brownout.scenario.SutCapability;
import dev.brownout.sut.SutClient;
import dev.brownout.sut.SutReply;
import dev.brownout.world.ProviderEndpoint;
import dev.brownout.world.WorldEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a scenario and its SUT declare reaches the verdict in result.json: a phase whose right outcome is an error
 * ({@code expect: error} in measure-refusal, where the primary refuses on content policy for the middle second),
 * and a check that needs a fallback the SUT declares it lacks.
 */
class VerdictPipelineTest {

    @TempDir
    Path out;

    private static SutClient direct(ProviderEndpoint provider) {
        return OpenAiChatSut.of(URI.create(provider.baseUrl()), provider.apiKey(), provider.models().getFirst(), Map.of());
    }

    /** Asks the primary; on an error, asks the backup. */
    private static SutClient routesRound(WorldEndpoints world) {
        SutClient primary = direct(world.provider("primary"));
        SutClient backup = direct(world.provider("backup"));
        return request -> {
            SutReply reply = primary.send(request);
            return reply.status() == 200 ? reply : backup.send(request);
        };
    }

    private RunResult play(String name, Function<WorldEndpoints, SutClient> sut, Set<SutCapability> lacking) {
        SutFactory inJvm = SutFactory.inJvm(name, sut);
        SutFactory declared = new SutFactory() {
            @Override
            public String name() {
                return inJvm.name();
            }

            @Override
            public StartedSut start(WorldEndpoints endpoints, Map<String, String> environment, Path runDir, double timeScale) {
                return inJvm.start(endpoints, environment, runDir, timeScale);
            }

            @Override
            public Set<SutCapability> lacking() {
                return lacking;
            }
        };
        RunPlan plan = RunPlan.of(ScenarioLoader.load(RunFixtures.resource("/run/measure-refusal.yaml")), declared)
                .withOut(out).withWarmup(Duration.ofMillis(300));
        MeasuredOutcome outcome = MeasuredRun.of(plan, BaselineChoice.none(), false).play();
        assertThat(ResultSchemaCheck.problems(outcome.folder().resolve(RunResults.FILE_NAME)))
                .as("result.json of %s against the published schema", name).isEmpty();
        return RunResults.read(outcome.folder().resolve(RunResults.FILE_NAME));
    }

    @Test
    void aSutWithoutFallbackThatPassesTheRefusalOnPassesWithTheFallbackCheckNotApplicable() {
        RunResult result = play("bare-sdk", world -> direct(world.provider("primary")), Set.of(SutCapability.FALLBACK));

        assertThat(result.conduct().phases()).as("the refused phase's verdict, read back from result.json")
                .singleElement().satisfies(refused -> {
                    assertThat(refused.expected()).as("expected outcome").isEqualTo(PhaseVerdict.ERROR);
                    assertThat(refused.verdict()).as("verdict; %s", refused.reason()).isEqualTo(Verdict.PASS);
                });
        assertThat(result.conduct().checks()).filteredOn(check -> check.name().equals("claimed_model_matches"))
                .extracting(CheckResult::status).as("the check that needs a fallback").containsExactly(CheckStatus.NOT_APPLICABLE);
        assertThat(result.conduct().verdict()).as("the run's verdict; %s", result.conduct().reason()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aSutThatRoutesRoundTheRefusalIsPartial() {
        RunResult result = play("routes-round", VerdictPipelineTest::routesRound, Set.of());

        assertThat(result.conduct().verdict()).as("the run's verdict").isEqualTo(Verdict.PARTIAL);
        assertThat(result.conduct().reason()).as("the verdict's reason, read back from result.json")
                .startsWith("phase refused: expected a clean error and answered 100% of ")
                .endsWith("the SUT routed round a fault whose right outcome is an error");
    }
}
