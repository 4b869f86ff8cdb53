package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.CheckStatus;
import dev.brownout.reports.Verdict;
import dev.brownout.scenario.Check;
import dev.brownout.scenario.CheckKind;
import dev.brownout.scenario.Checks;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.brownout.internal.measure.LedgerFixtures.ORIGIN;
import static dev.brownout.internal.measure.LedgerFixtures.exchange;
import static org.assertj.core.api.Assertions.assertThat;

class ConductChecksTest {

    private final LedgerFixtures ledger = new LedgerFixtures();

    private static CheckResult required(CheckKind kind, Object setting, List<ProviderCall> calls,
                                        List<ExchangeRecord> exchanges) {
        return assess(new Checks(List.of(new Check(kind, setting)), List.of()), calls, exchanges, null)
                .conduct().checks().getFirst();
    }

    private static ConductAssessment assess(Checks checks, List<ProviderCall> calls, List<ExchangeRecord> exchanges,
                                            Duration timeToRecover) {
        return ConductChecks.evaluate(checks, ConductEvidence.of(calls, exchanges, ORIGIN).withTimeToRecover(timeToRecover),
                VerdictContext.ofPhaseNames(Set.of("outage"), Duration.ofSeconds(30)));
    }

    @Nested
    class MaxAttemptsPerTask {

        @Test
        void observesTheMostCallsForOneTaskOnOneProviderAndNamesThem() {
            List<ProviderCall> calls = List.of(
                    ledger.call("t1").error(503).build(), ledger.call("t1").error(503).build(),
                    ledger.call("t1").provider("backup").build(),
                    ledger.call("t2").error(500).build(), ledger.call("t2").error(500).build(),
                    ledger.call("t2").error(500).build());

            CheckResult result = required(CheckKind.MAX_ATTEMPTS_PER_TASK, 2L, calls, List.of());

            // t1: 2 on primary + 1 on backup (3 in all, but at most 2 on one provider); t2: 3 on primary
            assertThat(result.observed()).isEqualTo("3");
            assertThat(result.passed()).isFalse();
            assertThat(result.threshold()).isEqualTo("2");
            assertThat(result.detail()).contains("task t2", "3 calls", "primary");
        }

        @Test
        void passesAtTheLimit() {
            List<ProviderCall> calls = List.of(ledger.call("t1").error(503).build(), ledger.call("t1").build());

            assertThat(required(CheckKind.MAX_ATTEMPTS_PER_TASK, 2L, calls, List.of()).passed()).isTrue();
        }

        @Test
        void countsAToolLoopsCallsPerStepSinceEachStepIsAModelCallOfItsOwn() {
            List<ProviderCall> calls = List.of(ledger.call("t1").step(0).build(), ledger.call("t1").step(1).build(),
                    ledger.call("t1").step(2).error(503).build(), ledger.call("t1").step(2).build(),
                    ledger.call("t1").step(3).build());

            CheckResult result = required(CheckKind.MAX_ATTEMPTS_PER_TASK, 2L, calls, List.of());

            assertThat(result.observed()).as("the busiest step's calls: step 2, tried twice").isEqualTo("2");
            assertThat(result.passed()).as("five calls over four steps, at most two at one").isTrue();
        }

        @Test
        void aToolLoopStepRetriedPastTheLimitFails() {
            List<ProviderCall> calls = List.of(ledger.call("t1").step(0).build(),
                    ledger.call("t1").step(1).error(503).build(), ledger.call("t1").step(1).error(503).build(),
                    ledger.call("t1").step(1).build());

            assertThat(required(CheckKind.MAX_ATTEMPTS_PER_TASK, 2L, calls, List.of()).observed())
                    .as("step 1 called three times").isEqualTo("3");
        }
    }

    @Nested
    class MaxAttemptsPerSecond {

        @Test
        void countsTheBusiestSlidingSecondOfOneProvider() {
            List<ProviderCall> calls = new ArrayList<>();
            // primary: calls at 0, 600, 900, 1100, 1500 ms; the window [600 ms, 1600 ms) holds 4 of them
            for (long at : new long[] {0, 600, 900, 1100, 1500}) {
                calls.add(ledger.call("t" + at).at(at).build());
            }
            // backup: 3 calls within 100 ms
            for (long at : new long[] {0, 50, 100}) {
                calls.add(ledger.call("b" + at).provider("backup").at(at).build());
            }

            CheckResult result = required(CheckKind.MAX_ATTEMPTS_PER_SECOND, 3.0, calls, List.of());

            assertThat(result.observed()).isEqualTo("4");
            assertThat(result.passed()).isFalse();
            assertThat(result.detail()).contains("primary", "4 calls", "0.600s");
        }

        @Test
        void aCallExactlyOneSecondLaterStartsANewWindow() {
            List<ProviderCall> calls = List.of(ledger.call("a").at(0).build(), ledger.call("b").at(1000).build(),
                    ledger.call("c").at(2000).build());

            CheckResult result = required(CheckKind.MAX_ATTEMPTS_PER_SECOND, 1.0, calls, List.of());

            assertThat(result.observed()).isEqualTo("1");
            assertThat(result.passed()).isTrue();
        }

        @Test
        void aLimitBelowOnePerSecondWidensTheWindow() {
            // limit 0.5/s: window 2 s; calls at 0 and 1500 ms are 2 in 2 s = 1 per second
            List<ProviderCall> calls = List.of(ledger.call("a").at(0).build(), ledger.call("b").at(1500).build());

            CheckResult result = required(CheckKind.MAX_ATTEMPTS_PER_SECOND, 0.5, calls, List.of());

            assertThat(result.observed()).isEqualTo("1");
            assertThat(result.passed()).isFalse();
        }
    }

    @Nested
    class HonoursRetryAfter {

        @Test
        void hammeringA429WithoutWaitingFailsNamingTheTaskAndTheGap() {
            // 429 at 1000 ms asking for 2 s, retried at 1010 ms: a 10 ms gap
            List<ProviderCall> calls = List.of(
                    ledger.call("t7").at(1000).error(429).retryAfter(2000).build(),
                    ledger.call("t7").at(1010).error(429).retryAfter(2000).build(),
                    ledger.call("t7").at(3100).build());

            CheckResult result = required(CheckKind.HONOURS_RETRY_AFTER, true, calls, List.of());

            // the second retry waited 2090 ms, long enough: 1 early of 2
            assertThat(result.passed()).isFalse();
            assertThat(result.observed()).isEqualTo("1 early of 2");
            assertThat(result.detail()).contains("task t7", "primary", "10ms", "429", "2s", "1.000s");
        }

        @Test
        void waitingTheRetryAfterPasses() {
            List<ProviderCall> calls = List.of(
                    ledger.call("t7").at(1000).error(503).retryAfter(2000).build(),
                    ledger.call("t7").at(3000).build());

            CheckResult result = required(CheckKind.HONOURS_RETRY_AFTER, true, calls, List.of());

            assertThat(result.passed()).isTrue();
            assertThat(result.observed()).isEqualTo("0 early of 1");
        }

        @Test
        void tenPercentAndFiftyMillisecondsEarlyIsStillOnTime() {
            // asked 1000 ms; allowed from 0.9 x 1000 - 50 = 850 ms after the refusal was sent (1000 + 20 ms)
            List<ProviderCall> onTime = List.of(ledger.call("t").at(1000).took(20).error(529).retryAfter(1000).build(),
                    ledger.call("t").at(1870).build());
            List<ProviderCall> early = List.of(ledger.call("t").at(1000).took(20).error(529).retryAfter(1000).build(),
                    ledger.call("t").at(1869).build());

            assertThat(required(CheckKind.HONOURS_RETRY_AFTER, true, onTime, List.of()).passed()).isTrue();
            assertThat(required(CheckKind.HONOURS_RETRY_AFTER, true, early, List.of()).passed()).isFalse();
        }

        @Test
        void failingOverToAnotherProviderAtOnceIsFine() {
            List<ProviderCall> calls = List.of(
                    ledger.call("t").at(0).error(429).retryAfter(5000).build(),
                    ledger.call("t").provider("backup").at(5).build());

            assertThat(required(CheckKind.HONOURS_RETRY_AFTER, true, calls, List.of()).passed()).isTrue();
        }

        @Test
        void aRefusalWithoutRetryAfterIsNotJudged() {
            List<ProviderCall> calls = List.of(ledger.call("t").at(0).error(503).build(), ledger.call("t").at(1).build());

            CheckResult result = required(CheckKind.HONOURS_RETRY_AFTER, true, calls, List.of());

            assertThat(result.passed()).isTrue();
            assertThat(result.observed()).isEqualTo("0 early of 0");
        }
    }

    @Nested
    class NoTruncatedSuccess {

        @Test
        void aCutStreamAnsweredAsAWholeSuccessFailsWithTheCount() {
            List<ProviderCall> calls = List.of(
                    ledger.call("t1").outcome(CallOutcome.CUT).tokens(30, 3).build(),
                    ledger.call("t2").outcome(CallOutcome.STREAM_ERROR).build(),
                    ledger.call("t3").build());
            List<ExchangeRecord> exchanges = List.of(exchange("t1").score(0).build(), exchange("t2").build(),
                    exchange("t3").build());

            CheckResult result = required(CheckKind.NO_TRUNCATED_SUCCESS, true, calls, exchanges);

            assertThat(result.passed()).isFalse();
            assertThat(result.observed()).isEqualTo("2");
            assertThat(result.detail()).contains("task t1", "cut", "3 tokens");
        }

        @Test
        void aCutStreamTheSutFailedOverFromPasses() {
            List<ProviderCall> calls = List.of(
                    ledger.call("t2").outcome(CallOutcome.CUT).build(),
                    ledger.call("t2").provider("backup").at(200).build());

            CheckResult result = required(CheckKind.NO_TRUNCATED_SUCCESS, true, calls, List.of(exchange("t2").build()));

            assertThat(result.passed()).as("the answer came whole from the backup: %s", result.detail()).isTrue();
            assertThat(result.observed()).isEqualTo("0");
        }

        @Test
        void anAnswerFlaggedTruncatedIsStillATruncatedSuccess() {
            List<ProviderCall> calls = List.of(ledger.call("t1").outcome(CallOutcome.CUT).build());
            List<ExchangeRecord> exchanges = List.of(
                    exchange("t1").truncation("the stream ended without a finish reason").build());

            CheckResult result = required(CheckKind.NO_TRUNCATED_SUCCESS, true, calls, exchanges);

            assertThat(result.passed()).as("a stream that simply ended reached its caller as a success").isFalse();
            assertThat(result.observed()).isEqualTo("1");
        }

        @Test
        void aCutStreamTheSutTurnedIntoAnErrorPasses() {
            List<ProviderCall> calls = List.of(ledger.call("t1").outcome(CallOutcome.CUT).build(),
                    ledger.call("t2").outcome(CallOutcome.STREAM_ERROR).build());
            List<ExchangeRecord> exchanges = List.of(exchange("t1").failed("AbortedReplyException", 0).build(),
                    exchange("t2").failed("stream_error", 502).build());

            CheckResult result = required(CheckKind.NO_TRUNCATED_SUCCESS, true, calls, exchanges);

            assertThat(result.passed()).as("an aborted connection and an error event are honest failures").isTrue();
            assertThat(result.observed()).isEqualTo("0");
        }
    }

    @Nested
    class NoHangPast {

        @Test
        void anExchangeLongerThanTheBudgetFailsAndIsNamed() {
            List<ExchangeRecord> exchanges = List.of(exchange("fast").latency(800).build(),
                    exchange("slow").timeout().latency(45_000).build());

            CheckResult result = required(CheckKind.NO_HANG_PAST, Duration.ofSeconds(30), List.of(), exchanges);

            assertThat(result.passed()).isFalse();
            assertThat(result.threshold()).isEqualTo("30s");
            assertThat(result.observed()).isEqualTo("45s");
            assertThat(result.detail()).contains("1 exchange", "task slow", "timeout");
        }

        @Test
        void exchangesWithinTheBudgetPass() {
            CheckResult result = required(CheckKind.NO_HANG_PAST, Duration.ofSeconds(30), List.of(),
                    List.of(exchange("a").latency(30_000).build()));

            assertThat(result.passed()).isTrue();
        }
    }

    @Nested
    class ClaimedModelMatches {

        @Test
        void anAnswerClaimingTheModelAskedForWhileAnotherServedFails() {
            List<ProviderCall> calls = List.of(
                    ledger.call("t1").model("frontier").served("small").build(),
                    ledger.call("t2").model("frontier").build());
            List<ExchangeRecord> exchanges = List.of(exchange("t1").claimed("frontier").build(),
                    exchange("t2").claimed("openai/frontier").build());

            CheckResult result = required(CheckKind.CLAIMED_MODEL_MATCHES, true, calls, exchanges);

            assertThat(result.passed()).isFalse();
            assertThat(result.observed()).isEqualTo("1");
            assertThat(result.detail()).contains("task t1", "claimed as frontier", "served it with small");
        }

        @Test
        void aFallbackReportedUnderThePrimarysNameFails() {
            List<ProviderCall> calls = List.of(ledger.call("t1").error(500).model("frontier").build(),
                    ledger.call("t1").provider("backup").model("mid").at(100).build());

            CheckResult result = required(CheckKind.CLAIMED_MODEL_MATCHES, true, calls,
                    List.of(exchange("t1").claimed("frontier").build()));

            assertThat(result.passed()).isFalse();
            assertThat(result.detail()).contains("backup served it with mid");
        }

        @Test
        void anAnswerNamingNoModelIsNotJudgedButMentioned() {
            CheckResult result = required(CheckKind.CLAIMED_MODEL_MATCHES, true, List.of(ledger.call("t1").build()),
                    List.of(exchange("t1").claimed(null).build()));

            assertThat(result.passed()).isTrue();
            assertThat(result.detail()).contains("1 answer named no model");
        }
    }

    @Nested
    class UsageReported {

        @Test
        void everyAnswerCarryingItsUsagePasses() {
            CheckResult result = required(CheckKind.USAGE_REPORTED, true, List.of(),
                    List.of(exchange("t1").usage(12L, 30L).build(), exchange("t2").usage(9L, 41L).build(),
                            exchange("t3").error(503).build()));

            assertThat(result.passed()).as("usage_reported when both answers carried usage: %s", result.detail()).isTrue();
            assertThat(result.detail()).as("detail").isEqualTo("every answer reported its usage (2 answers)");
        }

        @Test
        void anAnswerWithoutAUsageBlockFailsAndIsNamed() {
            CheckResult result = required(CheckKind.USAGE_REPORTED, true, List.of(),
                    List.of(exchange("t1").usage(12L, 30L).build(), exchange("t2").build()));

            assertThat(result).as("usage_reported when one of two answers carried none")
                    .extracting(CheckResult::passed, CheckResult::observed).containsExactly(false, "1");
            assertThat(result.detail()).as("detail").isEqualTo("1 answer of 2 reported no usage; e.g. task t2 had no usage block");
        }

        @Test
        void aUsageBlockWithoutOutputTokensFails() {
            CheckResult result = required(CheckKind.USAGE_REPORTED, true, List.of(),
                    List.of(exchange("t1").usage(12L, null).build()));

            assertThat(result.passed()).as("usage_reported with output tokens missing").isFalse();
            assertThat(result.detail()).as("detail").endsWith("task t1 had a usage block without output tokens");
        }
    }

    @Nested
    class RecoversWithin {

        private ConductAssessment recovered(Duration after) {
            return assess(new Checks(List.of(new Check(CheckKind.RECOVERS_WITHIN, Duration.ofSeconds(30))), List.of()),
                    List.of(), List.of(), after);
        }

        @Test
        void recoveringWithinTheLimitPasses() {
            CheckResult result = recovered(Duration.ofSeconds(12)).conduct().checks().getFirst();

            assertThat(result.passed()).isTrue();
            assertThat(result.observed()).isEqualTo("12s");
        }

        @Test
        void recoveringLateFails() {
            assertThat(recovered(Duration.ofSeconds(31)).conduct().checks().getFirst().passed())
                    .as("recovered 31 s after the fault against a 30 s limit").isFalse();
        }

        @Test
        void neverRecoveringInARunWithABaselineFails() {
            VerdictContext withBaseline = new VerdictContext(List.of(), List.of(), 0.05, Set.of(), Duration.ofSeconds(30));
            CheckResult result = ConductChecks.evaluate(
                    new Checks(List.of(new Check(CheckKind.RECOVERS_WITHIN, Duration.ofSeconds(30))), List.of()),
                    ConductEvidence.of(List.of(), List.of(), ORIGIN), withBaseline).conduct().checks().getFirst();

            assertThat(result).as("recovers_within when the run, held against its baseline, was never healthy again")
                    .extracting(CheckResult::passed, CheckResult::observed, CheckResult::status)
                    .containsExactly(false, "not recovered", CheckStatus.FAIL);
        }

        @Test
        void withoutABaselineRecoveryIsNotJudged() {
            CheckResult result = recovered(null).conduct().checks().getFirst();

            assertThat(result.status()).as("recovers_within in a run without a baseline, which measures no recovery")
                    .isEqualTo(CheckStatus.NOT_APPLICABLE);
            assertThat(result.detail()).as("why it was not judged").contains("had no baseline");
        }
    }

    @Nested
    class Verdicts {

        private final Check attempts = new Check(CheckKind.MAX_ATTEMPTS_PER_TASK, 2L);
        private final Check hang = new Check(CheckKind.NO_HANG_PAST, Duration.ofSeconds(10));

        /** t1 called 3 times on primary: breaks max_attempts_per_task 2. */
        private List<ProviderCall> threeCalls() {
            return List.of(ledger.call("t1").error(503).build(), ledger.call("t1").error(503).build(),
                    ledger.call("t1").build());
        }

        private final List<ExchangeRecord> answered = List.of(exchange("t1").build(),
                exchange("t2").phase("outage").build());

        @Test
        void noChecksDeclaredAndEveryFaultedTaskAnsweredPassesAndSaysSo() {
            ConductAssessment assessment = assess(Checks.NONE, threeCalls(), answered, null);

            assertThat(assessment.conduct().verdict()).isEqualTo(Verdict.PASS);
            assertThat(assessment.conduct().checks()).isEmpty();
            assertThat(assessment.verdictReason()).as("reason")
                    .isEqualTo("phase outage: answered 100% of 1 task against 100% (no baseline: every task answered),"
                            + " within the 5-point margin, and every required check held");
        }

        @Test
        void everyCheckPassingPasses() {
            ConductAssessment assessment = assess(new Checks(List.of(attempts), List.of(hang)),
                    List.of(ledger.call("t1").build()), answered, null);

            assertThat(assessment.conduct().verdict()).isEqualTo(Verdict.PASS);
        }

        @Test
        void onlyAnAdvisoryCheckFailingIsPartial() {
            ConductAssessment assessment = assess(new Checks(List.of(hang), List.of(attempts)), threeCalls(), answered, null);

            assertThat(assessment.conduct().verdict()).isEqualTo(Verdict.PARTIAL);
            assertThat(assessment.verdictReason()).contains("max_attempts_per_task");
        }

        @Test
        void aRequiredCheckFailingFails() {
            ConductAssessment assessment = assess(new Checks(List.of(attempts), List.of(hang)), threeCalls(), answered, null);

            assertThat(assessment.conduct().verdict()).isEqualTo(Verdict.FAIL);
            assertThat(assessment.conduct().checks()).extracting(CheckResult::name, CheckResult::required)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("max_attempts_per_task", true),
                            org.assertj.core.groups.Tuple.tuple("no_hang_past", false));
        }

        @Test
        void cleanBoundedErrorsThroughTheOutageAreSafe() {
            List<ExchangeRecord> exchanges = List.of(exchange("t1").build(),
                    exchange("t2").phase("outage").error(503).latency(300).build(),
                    exchange("t3").phase("outage").error(503).latency(400).build());

            ConductAssessment assessment = assess(new Checks(List.of(hang), List.of(attempts)), threeCalls(), exchanges, null);

            // the advisory failure does not matter: SAFE comes before PARTIAL
            assertThat(assessment.conduct().verdict()).isEqualTo(Verdict.SAFE);
            assertThat(assessment.verdictReason()).as("reason")
                    .contains("every one of the 2 unanswered tasks ended in a clean error within 10s");
        }

        @Test
        void aTimeoutInAnUnansweredOutageFails() {
            List<ExchangeRecord> exchanges = List.of(exchange("t2").phase("outage").error(503).build(),
                    exchange("t3").phase("outage").timeout().latency(9_000).build());

            ConductAssessment assessment = assess(new Checks(List.of(hang), List.of()), List.of(), exchanges, null);

            assertThat(assessment.conduct().verdict()).isEqualTo(Verdict.FAIL);
            assertThat(assessment.verdictReason()).as("reason").contains("1 of the 2 unanswered tasks did not end in a "
                    + "clean error within 10s: 1 timed out (the longest: task t3, timeout after 9s)");
        }

        @Test
        void anErrorPastTheBoundInAnUnansweredOutageFails() {
            // no no_hang_past declared: the bound is the 30 s task timeout
            List<ExchangeRecord> exchanges = List.of(exchange("t2").phase("outage").error(503).latency(31_000).build());

            ConductAssessment assessment = assess(new Checks(List.of(attempts), List.of()), List.of(), exchanges, null);

            assertThat(assessment.conduct().verdict()).isEqualTo(Verdict.FAIL);
            assertThat(assessment.verdictReason()).as("reason").contains("1 returned an error only after the bound");
        }

        @Test
        void aRequiredFailureOutranksSafe() {
            List<ExchangeRecord> exchanges = List.of(exchange("t1").phase("outage").error(503).build());

            ConductAssessment assessment = assess(new Checks(List.of(attempts), List.of()), threeCalls(), exchanges, null);

            assertThat(assessment.conduct().verdict()).isEqualTo(Verdict.FAIL);
        }
    }

    @Test
    void aFlagCheckTurnedOffIsReportedPassedAndNotChecked() {
        CheckResult result = required(CheckKind.HONOURS_RETRY_AFTER, false,
                List.of(ledger.call("t").error(429).retryAfter(9000).build(), ledger.call("t").at(1).build()), List.of());

        assertThat(result).extracting(CheckResult::passed, CheckResult::observed, CheckResult::threshold)
                .containsExactly(true, "not checked", "false");
    }
}
