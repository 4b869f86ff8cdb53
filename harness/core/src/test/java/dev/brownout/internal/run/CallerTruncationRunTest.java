package dev.brownout.internal.run;

import dev.brownout.internal.sut.OpenAiChatSut;
import dev.brownout.internal.sut.SutFactory;
import dev.brownout.internal.sut.SutSpec;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.ExchangeResult;
import dev.brownout.reports.RunResult;
import dev.brownout.reports.RunResults;
import dev.brownout.reports.Verdict;
import dev.brownout.scenario.ScenarioLoader;
import dev.brownout.sut.SutClient;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;
import dev.brownout.world.ProviderEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real runs through gateway stand-ins that treat a broken upstream stream in the ways real gateways do, judged
 * as their callers experience them. Each scenario sends 60 tasks over 3 seconds on an always-right instant model,
 * and breaks the primary's answer in the middle second (20 tasks, give or take one at the phase edges); no
 * baseline, since truncation needs none.
 */
class CallerTruncationRunTest {

    @TempDir
    Path out;

    private RunResult play(String scenario, SutFactory sut) {
        RunPlan plan = RunPlan.of(ScenarioLoader.load(RunFixtures.resource("/run/" + scenario + ".yaml")), sut)
                .withOut(out).withWarmup(Duration.ofMillis(300));
        MeasuredOutcome outcome = MeasuredRun.of(plan, BaselineChoice.none(), false).play();
        assertThat(ResultSchemaCheck.problems(outcome.folder().resolve(RunResults.FILE_NAME)))
                .as("result.json of %s against the published schema", scenario).isEmpty();
        assertThat(outcome.result().completed()).as("the run completed; stop reason: %s", outcome.result().stopReason())
                .isTrue();
        return outcome.result();
    }

    /** An in-JVM SUT: the stand-in relaying to the world's primary, read by the openai-chat adapter. */
    private static SutFactory through(RelayGateway.OnBrokenUpstream policy) {
        return SutFactory.inJvm("relay-" + policy.name().toLowerCase(Locale.ROOT), world -> {
            ProviderEndpoint primary = world.provider("primary");
            RelayGateway gateway = new RelayGateway(policy).upstream(primary.baseUrl(), primary.apiKey());
            OpenAiChatSut adapter = OpenAiChatSut.of(URI.create(gateway.baseUrl()), null, "perfect", Map.of());
            return new ClosingSut(adapter, gateway);
        });
    }

    private static CheckResult truncationCheck(RunResult result) {
        return result.conduct().checks().stream().filter(c -> c.name().equals("no_truncated_success")).findFirst()
                .orElseThrow();
    }

    /**
     * The exchanges due well inside the broken phase (1020 ms to 2020 ms), 100 ms from either edge: the 16 tasks
     * due from 1150 ms to 1900 ms, whose calls meet the fault even when a loaded machine sets or clears it late.
     */
    private static List<ExchangeResult> inBrokenPhase(RunResult result) {
        List<ExchangeResult> inside = result.exchanges().stream()
                .filter(e -> e.intendedMs() >= 1_120 && e.intendedMs() < 1_920).toList();
        assertThat(inside).as("tasks due well inside the broken phase").hasSize(16)
                .allSatisfy(e -> assertThat(e.phase()).isEqualTo("broken"));
        return inside;
    }

    @Test
    void aGatewayThatEndsAnAbortedUpstreamStreamCleanlyFailsNoTruncatedSuccess() {
        RunResult result = play("caller-cut-abort", through(RelayGateway.OnBrokenUpstream.END_CLEANLY));

        CheckResult check = truncationCheck(result);
        assertThat(check.passed()).as("cut streams handed on as a 200 that simply ends: %s", check.detail()).isFalse();
        assertThat(Long.parseLong(check.observed()))
                .as("one truncated success per task of the broken phase (20, fewer or more by a late phase change)")
                .isBetween(16L, 22L);
        assertThat(result.summary().truncated()).as("the summary counts the same truncated successes")
                .isEqualTo(Long.parseLong(check.observed()));
        assertThat(inBrokenPhase(result)).as("every exchange due well inside the broken phase").allSatisfy(e -> {
            assertThat(e.outcome()).as("task %s outcome", e.taskId()).isEqualTo("answered");
            assertThat(e.truncated()).as("task %s truncated", e.taskId()).isTrue();
            assertThat(e.ending()).as("task %s ending", e.taskId()).isEqualTo("clean_end");
            assertThat(e.truncation()).as("task %s truncation", e.taskId()).contains("was cut", "cut:abort");
        });
        assertThat(result.conduct().verdict()).as("a required check failed").isEqualTo(Verdict.FAIL);
    }

    @Test
    void aGatewayThatAbortsItsOwnConnectionInsteadFailsHonestly() {
        RunResult result = play("caller-cut-abort", through(RelayGateway.OnBrokenUpstream.ABORT));

        CheckResult check = truncationCheck(result);
        assertThat(check.passed()).as("no truncated success: %s", check.detail()).isTrue();
        assertThat(check.observed()).isEqualTo("0");
        assertThat(result.summary().truncated()).as("truncated successes").isZero();
        assertThat(inBrokenPhase(result)).as("every exchange due well inside the broken phase").allSatisfy(e -> {
            assertThat(e.outcome()).as("task %s outcome", e.taskId()).isEqualTo("error");
            assertThat(e.errorClass()).as("task %s error class", e.taskId()).isEqualTo("AbortedReplyException");
        });
        assertThat(result.summary().errors())
                .as("errors: the tasks of the broken phase (20, fewer or more by a late phase change)").isBetween(16L, 22L);
    }

    @Test
    void aGatewayThatResetsItsOwnConnectionFailsHonestly() {
        RunResult result = play("caller-cut-reset", through(RelayGateway.OnBrokenUpstream.RESET));

        assertThat(truncationCheck(result).passed()).as("no truncated success: %s", truncationCheck(result).detail())
                .isTrue();
        assertThat(inBrokenPhase(result)).as("every exchange due well inside the broken phase").allSatisfy(e ->
                assertThat(e.outcome()).as("task %s outcome", e.taskId()).isEqualTo("error"));
    }

    @Test
    void aGatewayThatSendsAnErrorEventFailsHonestly() {
        RunResult result = play("caller-cut-reset", through(RelayGateway.OnBrokenUpstream.ERROR_EVENT));

        CheckResult check = truncationCheck(result);
        assertThat(check.passed()).as("no truncated success: %s", check.detail()).isTrue();
        assertThat(inBrokenPhase(result)).as("every exchange due well inside the broken phase").allSatisfy(e -> {
            assertThat(e.outcome()).as("task %s outcome", e.taskId()).isEqualTo("error");
            assertThat(e.errorClass()).as("task %s error class", e.taskId()).isEqualTo("stream_error");
            assertThat(e.ending()).as("task %s ending", e.taskId()).isEqualTo("error_event");
        });
        assertThat(result.summary().truncated()).as("truncated successes").isZero();
    }

    @Test
    void theNaiveReferenceGatewayPassesAStalledThenClosedStreamOffAsASuccess() {
        RunResult result = play("caller-stall-clean", SutFactory.of(SutSpec.fromArgument("reference:naive")));

        CheckResult check = truncationCheck(result);
        assertThat(check.passed()).as("stalled-then-closed streams answered 200: %s", check.detail()).isFalse();
        assertThat(Long.parseLong(check.observed()))
                .as("one per task of the broken phase (20, fewer or more by a late phase change)").isBetween(16L, 22L);
        assertThat(check.detail()).as("the check names the stall").contains("stall:clean");
    }

    @Test
    void aCompleteStreamWithoutDoneIsAWholeAnswer() {
        RunResult result = play("caller-unterminated", through(RelayGateway.OnBrokenUpstream.END_CLEANLY));

        assertThat(truncationCheck(result).passed()).as("no truncated success: %s", truncationCheck(result).detail())
                .isTrue();
        assertThat(result.summary().truncated()).as("truncated successes").isZero();
        assertThat(result.summary().answered()).as("every task answered").isEqualTo(result.summary().exchanges());
        assertThat(result.summary().correct()).as("every answer whole and right").isEqualTo(result.summary().exchanges());
        assertThat(inBrokenPhase(result)).as("every exchange due well inside the broken phase").allSatisfy(e -> {
            assertThat(e.ending()).as("task %s ending", e.taskId()).isEqualTo("clean_end");
            assertThat(e.finishReason()).as("task %s finish reason", e.taskId()).isEqualTo("stop");
            assertThat(e.usage()).as("task %s usage", e.taskId()).isNotNull();
            assertThat(e.usage().outputTokens()).as("task %s output tokens", e.taskId()).isPositive();
        });
    }

    @Test
    void aMalformedLineIsSkippedAndRecorded() {
        RunResult result = play("caller-malformed", through(RelayGateway.OnBrokenUpstream.END_CLEANLY));

        assertThat(result.summary().correct()).as("every answer whole and right despite the broken chunk")
                .isEqualTo(result.summary().exchanges());
        assertThat(result.summary().truncated()).as("truncated successes").isZero();
        assertThat(inBrokenPhase(result)).as("every exchange due well inside the broken phase").allSatisfy(e -> {
            assertThat(e.malformedEvents()).as("task %s malformed events", e.taskId()).isEqualTo(1);
            assertThat(e.ending()).as("task %s ending", e.taskId()).isEqualTo("terminator");
        });
        assertThat(result.exchanges()).filteredOn(e -> e.phase().equals("steady"))
                .as("exchanges of the healthy phase saw no malformed event")
                .allSatisfy(e -> assertThat(e.malformedEvents()).isZero());
    }

    /** The adapter, closing the stand-in after the run. */
    private record ClosingSut(OpenAiChatSut adapter, RelayGateway gateway) implements SutClient, AutoCloseable {

        @Override
        public SutReply send(SutRequest request) throws Exception {
            return adapter.send(request);
        }

        @Override
        public void close() throws Exception {
            gateway.close();
        }
    }
}
