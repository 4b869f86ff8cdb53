package dev.brownout.internal.run;

import dev.brownout.internal.sut.OpenAiChatSut;
import dev.brownout.internal.sut.SutFactory;
import dev.brownout.internal.sut.SutSpec;
import dev.brownout.reports.CheckResult;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real runs of {@code measure-down} (the primary down for the middle second of three, 20 tasks a second, at most 2
 * attempts per task on one provider): the tries a down primary refuses reach no ledger, and
 * {@code max_attempts_per_task} counts them from the fault proxy's connection log.
 */
class RefusedAttemptsRunTest {

    @TempDir
    Path out;

    private MeasuredOutcome play(String name, SutFactory sut) {
        Scenario scenario = ScenarioLoader.load(RunFixtures.resource("/run/measure-down.yaml"));
        RunPlan plan = RunPlan.of(scenario, sut).withOut(out).withWarmup(Duration.ofMillis(300));
        MeasuredOutcome outcome = MeasuredRun.of(plan, BaselineChoice.none(), false).play();
        assertThat(ResultSchemaCheck.problems(outcome.folder().resolve(RunResults.FILE_NAME)))
                .as("result.json of %s against the published schema", name).isEmpty();
        assertThat(outcome.result().completed()).as("%s completed; stop reason: %s", name, outcome.result().stopReason())
                .isTrue();
        return outcome;
    }

    private static SutClient direct(ProviderEndpoint provider) {
        return OpenAiChatSut.of(URI.create(provider.baseUrl()), provider.apiKey(), provider.models().getFirst(), Map.of());
    }

    /** Tries the primary {@code tries} times in a row, then the backup. */
    private static Function<WorldEndpoints, SutClient> primaryThenBackup(int tries) {
        return world -> {
            SutClient primary = direct(world.provider("primary"));
            SutClient backup = direct(world.provider("backup"));
            return request -> {
                for (int attempt = 0; attempt < tries; attempt++) {
                    try {
                        SutReply reply = primary.send(request);
                        if (reply.status() == 200) {
                            return reply;
                        }
                    } catch (Exception refused) {
                        // the primary is down: try again, or go on to the backup
                    }
                }
                return backup.send(request);
            };
        };
    }

    private static CheckResult attempts(RunResult result) {
        return result.conduct().checks().stream().filter(check -> check.name().equals("max_attempts_per_task"))
                .findFirst().orElseThrow();
    }

    @Test
    void aSutThatRetriesADownPrimaryFourTimesPerTaskFailsMaxAttemptsPerTask() {
        MeasuredOutcome outcome = play("retries-four-times", SutFactory.inJvm("retries-four-times", primaryThenBackup(4)));

        RunResult result = outcome.result();
        CheckResult check = attempts(result);
        assertThat(check.passed()).as("max_attempts_per_task 2 against 4 tries per task: %s", check.detail()).isFalse();
        assertThat(Double.parseDouble(check.observed())).as("calls per task to the primary in the worst second")
                .isGreaterThanOrEqualTo(3.5);
        assertThat(check.detail()).as("the detail")
                .containsPattern("calls each to primary on average: [0-9.]+ in the ledger and about [0-9.]+ connection attempts"
                        + " no ledger holds, per task")
                .contains("refused while the proxy was down");
        assertThat(result.conduct().verdict()).as("a required check failed").isEqualTo(Verdict.FAIL);
        assertThat(result.summary().availability()).as("the backup answered every task").isEqualTo(1.0);

        long refused = RunFixtures.jsonLines(outcome.folder().resolve(ConnectionsFile.NAME)).stream()
                .filter(c -> c.path("proxy").asText().equals("primary"))
                .filter(c -> c.path("outcome").asText().equals("refused_while_down")).count();
        // 4 tries for each of the about 20 tasks of the down second; the JDK's HTTP client also retries some
        // reset connects once on its own, and the fault proxy counts those as the attempts they are
        assertThat(refused).as("refused connections to the primary in connections.jsonl").isBetween(76L, 176L);
    }

    @Test
    void theResilientReferenceGatewayFailsOverWithinTheLimit() {
        RunResult result = play("reference-resilient", SutFactory.of(SutSpec.shorthand("reference:resilient"))).result();

        CheckResult check = attempts(result);
        assertThat(check.passed()).as("the resilient gateway's attempts per task: %s", check.detail()).isTrue();
        assertThat(result.summary().availability()).as("it answered every task").isEqualTo(1.0);
        assertThat(check.detail()).as("its tries on the down primary are counted all the same")
                .contains("refused while the proxy was down");
    }
}
