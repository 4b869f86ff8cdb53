package dev.brownout.internal.measure;

import dev.brownout.internal.record.ProbeRecord;
import dev.brownout.internal.workload.Exchange;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.Verdict;
import dev.brownout.scenario.Check;
import dev.brownout.scenario.CheckKind;
import dev.brownout.scenario.Checks;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.brownout.internal.measure.LedgerFixtures.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code alive_after}, judged on hand-built probes: what the SUT did with the one request sent after the run. */
class CheckAliveAfterTest {

    private static final Check WITHIN_TWO_SECONDS = new Check(CheckKind.ALIVE_AFTER, Duration.ofSeconds(2));

    private static ProbeRecord probe(String outcome, int status, String errorClass, double latencyMs) {
        return new ProbeRecord("alive-probe", 3_000, 2_000, outcome, status, errorClass, latencyMs, "mid", false,
                Exchange.ANSWERED.equals(outcome) ? 1 : 0, Map.of());
    }

    private static ConductAssessment assess(Checks checks, ProbeRecord probe) {
        return ConductChecks.evaluate(checks, ConductEvidence.of(List.of(), List.of(), ORIGIN).withProbe(probe),
                VerdictContext.ofPhaseNames(Set.of(), Duration.ofSeconds(30)));
    }

    private static CheckResult required(ProbeRecord probe) {
        return assess(new Checks(List.of(WITHIN_TWO_SECONDS), List.of()), probe).conduct().checks().getFirst();
    }

    @Test
    void aProbeAnsweredWithinTheLimitPasses() {
        CheckResult result = required(probe(Exchange.ANSWERED, 200, null, 140));

        assertThat(result.passed()).as("alive_after for a probe answered in 140ms of 2s").isTrue();
        assertThat(result.name()).as("the check's name").isEqualTo("alive_after");
        assertThat(result.threshold()).as("the limit as the scenario writes it").isEqualTo("2s");
        assertThat(result.observed()).as("observed: the probe's latency").isEqualTo("140ms");
        assertThat(result.detail()).as("detail").contains("answered in 140ms");
    }

    @Test
    void aProbeAnsweredLaterThanTheLimitFails() {
        CheckResult result = required(probe(Exchange.ANSWERED, 200, null, 2_300));

        assertThat(result.passed()).as("alive_after for a probe answered in 2300ms of 2s").isFalse();
        assertThat(result.detail()).as("detail").contains("answered in 2300ms", "later than 2s");
    }

    @Test
    void aProbeThatTimedOutFailsSayingItGotNoAnswer() {
        CheckResult result = required(probe(Exchange.TIMEOUT, 0, "timeout", 2_000));

        assertThat(result.passed()).as("alive_after for a probe that timed out").isFalse();
        assertThat(result.observed()).as("observed").isEqualTo("timeout");
        assertThat(result.detail()).as("detail").contains("got no answer within 2s");
    }

    @Test
    void aProbeTheSutRefusedFailsNamingTheError() {
        CheckResult result = required(probe(Exchange.ERROR, 503, "http_503", 12));

        assertThat(result.passed()).as("alive_after for a probe answered 503").isFalse();
        assertThat(result.observed()).as("observed").isEqualTo("error");
        assertThat(result.detail()).as("detail").contains("failed: http_503 after 12ms");
    }

    @Test
    void aRunThatSentNoProbeFailsBecauseNothingShowedTheSutAlive() {
        CheckResult result = required(null);

        assertThat(result.passed()).as("alive_after without a probe").isFalse();
        assertThat(result.observed()).as("observed").isEqualTo("not probed");
        assertThat(result.detail()).as("detail").contains("no probe was sent");
    }

    @Test
    void aWrongAnswerStillShowsTheSutAlive() {
        ProbeRecord wrong = new ProbeRecord("alive-probe", 3_000, 2_000, Exchange.ANSWERED, 200, null, 90, "mid", false, 0,
                Map.of());

        assertThat(required(wrong).passed()).as("alive_after for a probe answered wrongly in 90ms").isTrue();
    }

    @Test
    void aFailedRequiredProbeFailsTheVerdictAndAnAdvisoryOneMakesItPartial() {
        ProbeRecord dead = probe(Exchange.TIMEOUT, 0, "timeout", 2_000);

        assertThat(assess(new Checks(List.of(WITHIN_TWO_SECONDS), List.of()), dead).conduct().verdict())
                .as("verdict with a required alive_after failed").isEqualTo(Verdict.FAIL);
        assertThat(assess(new Checks(List.of(), List.of(WITHIN_TWO_SECONDS)), dead).conduct().verdict())
                .as("verdict with an advisory alive_after failed").isEqualTo(Verdict.PARTIAL);
    }
}
