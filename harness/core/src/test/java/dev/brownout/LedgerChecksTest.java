package dev.brownout;

import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.measure.ConductChecks;
import dev.brownout.internal.measure.ConductEvidence;
import dev.brownout.internal.measure.VerdictContext;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.Finding;
import dev.brownout.reports.FindingKind;
import dev.brownout.scenario.Check;
import dev.brownout.scenario.CheckKind;
import dev.brownout.scenario.Checks;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger façade judges a ledger alone, and the way a measured run's conduct checks judge the same calls. */
class LedgerChecksTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private long seq;

    /** A call of {@code task} to {@code provider} arriving {@code atMillis} after {@link #START}, lasting 10 ms. */
    private ProviderCall call(String provider, String task, long atMillis, int status, Long retryAfterMillis) {
        return call(provider, task, atMillis, status, retryAfterMillis, null);
    }

    private ProviderCall call(String provider, String task, long atMillis, int status, Long retryAfterMillis,
                              String credentialOwner) {
        seq++;
        return new ProviderCall(seq, START.plusMillis(atMillis), provider, "openai", "mid", status == 200 ? "mid" : null,
                "req_" + seq, "key", status, status == 200 ? CallOutcome.COMPLETE : CallOutcome.ERROR, false, 10, 10,
                BigDecimal.ZERO, task, null, null, null, credentialOwner, List.of(), null, 10,
                status == 200 ? null : "http_" + status, retryAfterMillis);
    }

    private List<ProviderCall> fourCallsForOneTask() {
        List<ProviderCall> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(call("primary", "t-9", i * 100L, 503, null));
        }
        calls.add(call("primary", "t-1", 0, 200, null));
        return calls;
    }

    @Test
    void tooManyAttemptsForOneTaskFailNamingTheTaskTheCallsAndTheProvider() {
        CheckResult result = LedgerChecks.maxAttemptsPerTask(fourCallsForOneTask(), 3);

        assertThat(result.passed()).as("4 calls for task t-9 against a limit of 3").isFalse();
        assertThat(result.observed()).as("the most calls one task made to one provider").isEqualTo("4");
        assertThat(result.detail()).as("the check's detail").contains("task t-9", "4 calls", "primary");
    }

    @Test
    void attemptsAtTheLimitPass() {
        assertThat(LedgerChecks.maxAttemptsPerTask(fourCallsForOneTask(), 4).passed()).as("4 calls against a limit of 4")
                .isTrue();
    }

    @Test
    void aRetryBeforeTheRetryAfterElapsedFailsNamingTheTaskAndTheGap() {
        List<ProviderCall> calls = List.of(call("primary", "t-2", 0, 429, 2_000L), call("primary", "t-2", 60, 200, null));

        CheckResult result = LedgerChecks.honoursRetryAfter(calls);

        assertThat(result.passed()).as("a retry 50 ms after a 429 that asked for 2 s").isFalse();
        assertThat(result.detail()).as("the check's detail").contains("task t-2", "primary", "50ms", "429", "2s");
    }

    @Test
    void aRetryAfterTheWaitPasses() {
        List<ProviderCall> calls = List.of(call("primary", "t-2", 0, 429, 1_000L), call("primary", "t-2", 1_100, 200, null));

        assertThat(LedgerChecks.honoursRetryAfter(calls).passed()).as("a retry 1.09 s after a 429 that asked for 1 s")
                .isTrue();
    }

    @Test
    void theLedgerIsJudgedAsARunsConductChecksJudgeTheSameCalls() {
        List<ProviderCall> calls = new ArrayList<>(fourCallsForOneTask());
        calls.add(call("backup", "t-3", 500, 529, 800L));
        calls.add(call("backup", "t-3", 520, 200, null));
        Checks checks = new Checks(List.of(new Check(CheckKind.MAX_ATTEMPTS_PER_TASK, 3L),
                new Check(CheckKind.HONOURS_RETRY_AFTER, true)), List.of());

        List<CheckResult> inARun = ConductChecks.evaluate(checks, ConductEvidence.of(calls, List.of(), START),
                VerdictContext.ofPhaseNames(Set.of(), Duration.ofSeconds(30))).conduct().checks();

        assertThat(List.of(LedgerChecks.maxAttemptsPerTask(calls, 3), LedgerChecks.honoursRetryAfter(calls)))
                .as("the façade's results against the run's conduct checks, timed from the ledger's first call")
                .isEqualTo(inARun);
    }

    @Test
    void aCredentialOfAnotherProviderIsASecurityFinding() {
        List<ProviderCall> calls = List.of(call("backup", "t-4", 0, 401, null, "primary"), call("backup", "t-5", 5, 200, null));

        List<Finding> findings = LedgerChecks.securityFindings(calls);

        assertThat(findings).as("the findings of a ledger where backup was shown primary's key")
                .singleElement().satisfies(finding -> {
                    assertThat(finding.kind()).as("kind").isEqualTo(FindingKind.CREDENTIAL_LEAK);
                    assertThat(finding.where()).as("the provider that saw it").isEqualTo("backup");
                    assertThat(finding.detail()).as("detail").contains("issued to primary");
                });
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> LedgerChecks.maxAttemptsPerTask(List.of(), 0)).as("a limit of 0 attempts per task")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 1").hasMessageContaining("not 0");
    }

    @Test
    void aLedgerHoldingANullCallIsRefused() {
        List<ProviderCall> calls = new ArrayList<>();
        calls.add(null);

        assertThatThrownBy(() -> LedgerChecks.honoursRetryAfter(calls)).as("a ledger with a null entry")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null call");
    }
}
