package dev.brownout.internal.measure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.WorldConfig;
import dev.brownout.fakes.behaviour.CutFault;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.behaviour.RateLimit;
import dev.brownout.fakes.canary.Canaries;
import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.FindingKind;
import dev.brownout.reports.Security;
import dev.brownout.scenario.Check;
import dev.brownout.scenario.CheckKind;
import dev.brownout.scenario.Checks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static dev.brownout.internal.measure.LedgerFixtures.exchange;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger fields the measurements rely on, filled by real fake providers over HTTP: a rate-limited 429 keeps
 * the retry-after it sent, a cut stream is a 200 with outcome {@code cut} costing what it sent, a foreign key is
 * recorded with its owner; and the checks read them as intended.
 */
class LedgerFieldsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeWorld world;
    private FakeProvider primary;
    private Instant origin;

    @BeforeEach
    void startTwoProviders() throws URISyntaxException {
        Path catalog = Path.of(Objects.requireNonNull(getClass().getResource("/world/instant-catalog.yaml")).toURI());
        world = FakeWorld.start(new WorldConfig(7L, WorldConfig.LOOPBACK, catalog.toString(), List.of(
                ProviderConfig.of("primary", DialectKind.OPENAI, "mid"),
                ProviderConfig.of("backup", DialectKind.OPENAI, "small"))));
        primary = world.provider("primary");
        origin = Instant.now();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private HttpResponse<String> ask(FakeProvider provider, String key, String taskId, boolean stream) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("model", provider.models().getFirst()).put("stream", stream);
        body.putArray("messages").addObject().put("role", "user")
                .put("content", Canaries.header(taskId, "user", 1) + "\nSay something.");
        return HTTP.send(HttpRequest.newBuilder(URI.create(provider.baseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<ProviderCall> runCalls() {
        return LedgerSlice.runCalls(Map.of("primary", primary.ledger().all(),
                "backup", world.provider("backup").ledger().all()), Map.of());
    }

    private CheckResult check(CheckKind kind, Object setting, List<dev.brownout.internal.record.ExchangeRecord> exchanges) {
        return ConductChecks.evaluate(new Checks(List.of(new Check(kind, setting)), List.of()),
                ConductEvidence.of(runCalls(), exchanges, origin), VerdictContext.ofPhaseNames(Set.of(), null))
                .conduct().checks().getFirst();
    }

    @Test
    void aRateLimited429KeepsItsRetryAfterAndAnImmediateRetryBreaksHonoursRetryAfter() throws Exception {
        primary.behaviour().replace(ProviderBehaviour.healthy().withRateLimit(new RateLimit(1, null)));

        assertThat(ask(primary, primary.apiKey(), "t-1", false).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = ask(primary, primary.apiKey(), "t-1", false);
        ask(primary, primary.apiKey(), "t-1", false);

        assertThat(limited.statusCode()).isEqualTo(429);
        ProviderCall refusal = primary.ledger().all().get(1);
        assertThat(refusal.status()).isEqualTo(429);
        assertThat(refusal.taskId()).isEqualTo("t-1");
        assertThat(refusal.retryAfterMillis()).as("one request a minute: the next fits in about a minute")
                .isBetween(55_000L, 60_000L);
        CheckResult result = check(CheckKind.HONOURS_RETRY_AFTER, true, List.of(exchange("t-1").error(429).build()));
        assertThat(result.passed()).isFalse();
        assertThat(result.observed()).isEqualTo("1 early of 1");
        assertThat(result.detail()).contains("task t-1", "primary", "429");
    }

    @Test
    void aCutStreamIsA200WithOutcomeCutCostingWhatItSentAndFailsNoTruncatedSuccess() throws Exception {
        ask(primary, primary.apiKey(), "t-whole", true);
        primary.behaviour().replace(ProviderBehaviour.of(new CutFault(2, null, null)));

        HttpResponse<String> cut = ask(primary, primary.apiKey(), "t-cut", true);

        assertThat(cut.statusCode()).isEqualTo(200);
        ProviderCall whole = primary.ledger().all().get(0);
        ProviderCall cutCall = primary.ledger().all().get(1);
        assertThat(cutCall.outcome()).isEqualTo(CallOutcome.CUT);
        assertThat(cutCall.status()).isEqualTo(200);
        assertThat(cutCall.servedModel()).isEqualTo("mid");
        assertThat(cutCall.outputTokens()).isLessThan(whole.outputTokens());
        assertThat(cutCall.costUsd()).isPositive().isLessThan(whole.costUsd());
        CheckResult result = check(CheckKind.NO_TRUNCATED_SUCCESS, true,
                List.of(exchange("t-whole").build(), exchange("t-cut").build()));
        assertThat(result.passed()).isFalse();
        assertThat(result.observed()).isEqualTo("1");
        assertThat(CostMeasure.measure(runCalls(), List.of(exchange("t-whole").build(), exchange("t-cut").build()), null)
                .cost().wastedUsd()).as("the cut stream's cost is wasted").isEqualTo(cutCall.costUsd().doubleValue());
    }

    @Test
    void aKeyPresentedToTheWrongProviderIsRecordedAsALeakOfItsOwner() throws Exception {
        FakeProvider backup = world.provider("backup");

        HttpResponse<String> refused = ask(backup, primary.apiKey(), "t-leak", false);

        assertThat(refused.statusCode()).isEqualTo(401);
        ProviderCall call = backup.ledger().all().getLast();
        assertThat(call.credentialOwner()).isEqualTo("primary");
        assertThat(call.costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        Security security = SecurityFindings.find(runCalls(), WorldSecrets.of(List.of()), null);
        assertThat(security.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.CREDENTIAL_LEAK);
            assertThat(finding.where()).isEqualTo("backup");
            assertThat(finding.count()).isEqualTo(1);
            assertThat(finding.detail()).doesNotContain(primary.apiKey());
        });
    }

    @Test
    void theLedgerTimesAreArrivalInstantsOnTheRunsClock() throws Exception {
        ask(primary, primary.apiKey(), "t-time", false);

        ProviderCall call = primary.ledger().all().getLast();
        assertThat(call.time()).isBetween(origin.minus(Duration.ofSeconds(1)), Instant.now());
        assertThat(call.durationMillis()).isGreaterThanOrEqualTo(0);
    }
}
