package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ConnectionRecord;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.reports.CheckLevel;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.CheckStatus;
import dev.brownout.reports.Conduct;
import dev.brownout.reports.PhaseVerdict;
import dev.brownout.reports.Verdict;
import dev.brownout.scenario.Check;
import dev.brownout.scenario.CheckKind;
import dev.brownout.scenario.Checks;
import dev.brownout.scenario.ExpectedOutcome;
import dev.brownout.scenario.SutCapability;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.brownout.internal.measure.LedgerFixtures.ORIGIN;
import static dev.brownout.internal.measure.LedgerFixtures.exchange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The verdict rules of docs/measurement.md on hand-built runs: per faulted phase (answered within the margin of
 * the baseline, or a clean, bounded failure, or neither), per run (the worst phase, then the checks), a phase whose
 * right outcome is an error, informational checks and checks a SUT's capabilities make n/a.
 */
class VerdictRulesTest {

    private static final double MARGIN = 0.05;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** steady 0-10 s, outage 10-20 s, recovery 20-30 s. */
    private static final FaultedPhase OUTAGE = new FaultedPhase("outage", 10_000, 20_000, ExpectedOutcome.ANSWER);

    private final LedgerFixtures ledger = new LedgerFixtures();
    private final Check hang = new Check(CheckKind.NO_HANG_PAST, Duration.ofSeconds(10));
    private final Check attempts = new Check(CheckKind.MAX_ATTEMPTS_PER_TASK, 2L);

    private static Conduct judge(Checks checks, List<ProviderCall> calls, List<ExchangeRecord> exchanges,
                                 VerdictContext context) {
        return ConductChecks.evaluate(checks,
                ConductEvidence.of(calls, exchanges, ORIGIN).withTimeToRecover(Duration.ofSeconds(1)), context).conduct();
    }

    private static VerdictContext outage(List<ExchangeRecord> baseline) {
        return new VerdictContext(List.of(OUTAGE), baseline, MARGIN, Set.of(), TIMEOUT);
    }

    /** {@code answered} answered tasks and {@code errors} 503s after 200 ms, due in {@code phase}; ids {@code prefix-n}. */
    private static List<ExchangeRecord> tasks(String phase, String prefix, int answered, int errors) {
        List<ExchangeRecord> exchanges = new ArrayList<>();
        for (int i = 0; i < answered + errors; i++) {
            LedgerFixtures.Answer task = exchange(prefix + "-" + i).phase(phase);
            exchanges.add(i < answered ? task.build() : task.error(503).latency(200).build());
        }
        return exchanges;
    }

    private static List<ExchangeRecord> plus(List<ExchangeRecord> first, List<ExchangeRecord> second) {
        List<ExchangeRecord> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Nested
    class AnAnsweredPhase {

        @Test
        void availabilityExactlyTheMarginBelowTheBaselinePasses() {
            Conduct conduct = judge(Checks.NONE, List.of(), tasks("outage", "t", 95, 5), outage(tasks("outage", "t", 100, 0)));

            assertThat(conduct.verdict()).as("95%% answered against the baseline's 100%%, margin 5 points").isEqualTo(Verdict.PASS);
            assertThat(conduct.reason()).as("reason").isEqualTo("phase outage: answered 95% of 100 tasks against the"
                    + " baseline's 100%, within the 5-point margin, and every required check held");
        }

        @Test
        void oneAnswerFewerThanTheMarginAllowsIsNoLongerAnswered() {
            Conduct conduct = judge(Checks.NONE, List.of(), tasks("outage", "t", 94, 6), outage(tasks("outage", "t", 100, 0)));

            assertThat(conduct.verdict()).as("94%% answered against the baseline's 100%%, margin 5 points, the rest clean errors")
                    .isEqualTo(Verdict.SAFE);
        }

        @Test
        void theMarginCountsFromTheBaselinesAvailabilityNotFromEveryTask() {
            List<ExchangeRecord> chaos = tasks("outage", "t", 17, 3);

            assertThat(judge(Checks.NONE, List.of(), chaos, outage(tasks("outage", "t", 18, 2))).verdict())
                    .as("85%% answered against a baseline that answered 90%%").isEqualTo(Verdict.PASS);
            assertThat(judge(Checks.NONE, List.of(), chaos, outage(null)).verdict())
                    .as("85%% answered without a baseline, held against every task answered").isEqualTo(Verdict.SAFE);
        }

        @Test
        void aBaselineWithoutTasksInThePhaseHoldsItAgainstEveryTaskAnswered() {
            Conduct conduct = judge(Checks.NONE, List.of(), tasks("outage", "t", 17, 3), outage(tasks("steady", "s", 20, 0)));

            assertThat(conduct.verdict()).as("85%% answered, the baseline having no task in the phase").isEqualTo(Verdict.SAFE);
            assertThat(conduct.reason()).as("reason").contains("against 100% (no baseline task in this phase: every"
                    + " task answered)");
        }

        @Test
        void aMarginOfZeroAllowsNoLostAnswer() {
            VerdictContext strict = new VerdictContext(List.of(OUTAGE), null, 0, Set.of(), TIMEOUT);

            assertThat(judge(Checks.NONE, List.of(), tasks("outage", "t", 19, 1), strict).verdict())
                    .as("19 of 20 answered with a margin of 0 points").isEqualTo(Verdict.SAFE);
        }

        @Test
        void answeredWithAnAdvisoryCheckFailedInThePhaseIsPartial() {
            List<ExchangeRecord> exchanges = tasks("outage", "t", 10, 0);
            List<ProviderCall> calls = List.of(ledger.call("t-0").error(503).build(), ledger.call("t-0").error(503).build(),
                    ledger.call("t-0").build());

            Conduct conduct = judge(new Checks(List.of(hang), List.of(attempts)), calls, exchanges, outage(null));

            assertThat(conduct.verdict()).as("verdict").isEqualTo(Verdict.PARTIAL);
            assertThat(conduct.reason()).as("reason").startsWith("phase outage: answered 100% of 10 tasks")
                    .contains("; advisory check max_attempts_per_task failed: ");
        }
    }

    @Nested
    class APartlyAnsweredPhase {

        @Test
        void fortyOnePercentAnsweredAndEveryOtherTaskACleanErrorIsSafe() {
            Conduct conduct = judge(new Checks(List.of(hang), List.of()), List.of(), tasks("outage", "t", 41, 59),
                    outage(tasks("outage", "t", 100, 0)));

            assertThat(conduct.verdict()).as("verdict").isEqualTo(Verdict.SAFE);
            assertThat(conduct.reason()).as("reason").isEqualTo("phase outage: answered 41% of 100 tasks against the"
                    + " baseline's 100%, more than the 5-point margin below it; every one of the 59 unanswered tasks"
                    + " ended in a clean error within 10s");
        }

        @Test
        void fortyOnePercentAnsweredWithOneTaskTimedOutFails() {
            List<ExchangeRecord> exchanges = new ArrayList<>(tasks("outage", "t", 41, 58));
            exchanges.add(exchange("slow").phase("outage").timeout().latency(30_000).build());

            Conduct conduct = judge(Checks.NONE, List.of(), exchanges, outage(null));

            assertThat(conduct.verdict()).as("verdict").isEqualTo(Verdict.FAIL);
            assertThat(conduct.reason()).as("reason").endsWith("; 1 of the 59 unanswered tasks did not end in a clean"
                    + " error within 30s: 1 timed out (the longest: task slow, timeout after 30s)");
        }

        @Test
        void anErrorReturnedOnlyAfterTheHangBudgetIsNotAFailureWithinIt() {
            List<ExchangeRecord> exchanges = new ArrayList<>(tasks("outage", "t", 0, 9));
            exchanges.add(exchange("late").phase("outage").error(504).latency(12_000).build());

            Conduct conduct = judge(new Checks(List.of(), List.of(), List.of(hang), Map.of()), List.of(), exchanges,
                    outage(null));

            assertThat(conduct.verdict()).as("an error after 12s against an informational no_hang_past of 10s")
                    .isEqualTo(Verdict.FAIL);
            assertThat(conduct.reason()).as("reason").contains("1 returned an error only after the bound");
        }

        @Test
        void aSafePhaseStaysSafeWhenAnAdvisoryCheckFails() {
            List<ProviderCall> calls = List.of(ledger.call("t-0").error(503).build(), ledger.call("t-0").error(503).build(),
                    ledger.call("t-0").error(503).build());

            Conduct conduct = judge(new Checks(List.of(), List.of(attempts)), calls, tasks("outage", "t", 0, 10),
                    outage(null));

            assertThat(conduct.verdict()).as("verdict").isEqualTo(Verdict.SAFE);
        }

        @Test
        void aRequiredCheckFailingOutranksACleanFailure() {
            List<ProviderCall> calls = List.of(ledger.call("t-0").error(503).build(), ledger.call("t-0").error(503).build(),
                    ledger.call("t-0").error(503).build());

            Conduct conduct = judge(new Checks(List.of(attempts), List.of()), calls, tasks("outage", "t", 0, 10),
                    outage(null));

            assertThat(conduct.verdict()).as("verdict").isEqualTo(Verdict.FAIL);
            assertThat(conduct.reason()).as("reason").startsWith("required check max_attempts_per_task failed: ");
            assertThat(conduct.phases()).extracting(PhaseVerdict::verdict).as("the phase's verdict").containsExactly(Verdict.FAIL);
        }
    }

    @Nested
    class APhaseWhoseRightOutcomeIsAnError {

        private final VerdictContext refusal = new VerdictContext(
                List.of(new FaultedPhase("refused", 10_000, 20_000, ExpectedOutcome.ERROR)), null, MARGIN, Set.of(), TIMEOUT);

        @Test
        void cleanErrorsForEveryTaskPass() {
            Conduct conduct = judge(new Checks(List.of(hang), List.of()), List.of(), tasks("refused", "t", 0, 20), refusal);

            assertThat(conduct.verdict()).as("verdict").isEqualTo(Verdict.PASS);
            assertThat(conduct.reason()).as("reason").isEqualTo("phase refused: expected a clean error and answered 0%"
                    + " of 20 tasks, at most the 5-point margin; every one of the 20 unanswered tasks ended in a clean"
                    + " error within 10s, and every required check held");
            assertThat(conduct.phases().getFirst().expected()).as("expected outcome of the phase").isEqualTo("error");
        }

        @Test
        void answeringByRoutingRoundTheRefusalIsPartial() {
            Conduct conduct = judge(new Checks(List.of(hang), List.of()), List.of(), tasks("refused", "t", 20, 0), refusal);

            assertThat(conduct.verdict()).as("verdict").isEqualTo(Verdict.PARTIAL);
            assertThat(conduct.reason()).as("reason").endsWith("answered 100% of 20 tasks, more than the 5-point margin:"
                    + " the SUT routed round a fault whose right outcome is an error");
        }

        @Test
        void oneAnswerWithinTheMarginStillCountsAsRefused() {
            assertThat(judge(Checks.NONE, List.of(), tasks("refused", "t", 1, 19), refusal).verdict())
                    .as("1 of 20 answered (5%%) where an error is expected, margin 5 points").isEqualTo(Verdict.PASS);
        }

        @Test
        void aTimeoutInsteadOfTheErrorFails() {
            List<ExchangeRecord> exchanges = new ArrayList<>(tasks("refused", "t", 0, 19));
            exchanges.add(exchange("hung").phase("refused").timeout().latency(30_000).build());

            assertThat(judge(Checks.NONE, List.of(), exchanges, refusal).verdict()).as("verdict").isEqualTo(Verdict.FAIL);
        }
    }

    @Nested
    class InformationalChecks {

        @Test
        void aFailingInformationalCheckIsShownButNeverScored() {
            List<ProviderCall> calls = List.of(ledger.call("t-0").error(503).build(), ledger.call("t-0").error(503).build(),
                    ledger.call("t-0").build());
            Checks checks = new Checks(List.of(hang), List.of(), List.of(attempts), Map.of());

            Conduct conduct = judge(checks, calls, tasks("outage", "t", 10, 0), outage(null));

            assertThat(conduct.verdict()).as("verdict with a failing informational check").isEqualTo(Verdict.PASS);
            assertThat(conduct.checks()).extracting(CheckResult::name, CheckResult::level, CheckResult::status)
                    .as("the checks shown").containsExactly(
                            tuple("no_hang_past", CheckLevel.REQUIRED, CheckStatus.PASS),
                            tuple("max_attempts_per_task", CheckLevel.INFORMATIONAL, CheckStatus.FAIL));
        }
    }

    @Nested
    class ChecksAndSutCapabilities {

        private final Checks needingFallback = new Checks(List.of(attempts), List.of(), List.of(),
                Map.of(CheckKind.MAX_ATTEMPTS_PER_TASK, Set.of(SutCapability.FALLBACK)));
        private final List<ProviderCall> threeCalls = List.of(ledger.call("t-0").error(503).build(),
                ledger.call("t-0").error(503).build(), ledger.call("t-0").build());

        @Test
        void aCheckNeedingAFallbackTheSutLacksIsNotApplicableAndNotScored() {
            VerdictContext noFallback = new VerdictContext(List.of(OUTAGE), null, MARGIN, Set.of(SutCapability.FALLBACK),
                    TIMEOUT);

            Conduct conduct = judge(needingFallback, threeCalls, tasks("outage", "t", 10, 0), noFallback);

            assertThat(conduct.verdict()).as("verdict with a would-be failure that is n/a").isEqualTo(Verdict.PASS);
            assertThat(conduct.checks().getFirst()).as("the n/a check")
                    .extracting(CheckResult::status, CheckResult::observed, CheckResult::detail)
                    .containsExactly(CheckStatus.NOT_APPLICABLE, "n/a",
                            "needs fallback, which the SUT declares it does not have (capabilities.fallback: false)");
        }

        @Test
        void aCheckNeedingACapabilityTheSutDoesNotDeclareLackingIsJudged() {
            VerdictContext noStreaming = new VerdictContext(List.of(OUTAGE), null, MARGIN, Set.of(SutCapability.STREAMING),
                    TIMEOUT);

            Conduct conduct = judge(needingFallback, threeCalls, tasks("outage", "t", 10, 0), noStreaming);

            assertThat(conduct.verdict()).as("verdict when the SUT lacks only streaming").isEqualTo(Verdict.FAIL);
            assertThat(conduct.checks().getFirst().status()).as("status of the check").isEqualTo(CheckStatus.FAIL);
        }
    }

    @Nested
    class PerPhaseVerdicts {

        private final FaultedPhase first = new FaultedPhase("first", 10_000, 20_000, ExpectedOutcome.ANSWER);
        private final FaultedPhase second = new FaultedPhase("second", 20_000, 30_000, ExpectedOutcome.ANSWER);
        private final VerdictContext two = new VerdictContext(List.of(first, second), null, MARGIN, Set.of(), TIMEOUT);

        @Test
        void eachFaultedPhaseGetsItsVerdictAndTheRunTheWorst() {
            Conduct conduct = judge(new Checks(List.of(hang), List.of()), List.of(),
                    plus(tasks("first", "a", 10, 0), tasks("second", "b", 2, 8)), two);

            assertThat(conduct.phases()).extracting(PhaseVerdict::phase, PhaseVerdict::verdict, PhaseVerdict::answered,
                    PhaseVerdict::exchanges).as("phase verdicts")
                    .containsExactly(tuple("first", Verdict.PASS, 10L, 10L), tuple("second", Verdict.SAFE, 2L, 10L));
            assertThat(conduct.verdict()).as("the run's verdict").isEqualTo(Verdict.SAFE);
            assertThat(conduct.reason()).as("reason").startsWith("phase second: answered 20% of 10 tasks");
        }

        @Test
        void aRequiredCheckBrokenByTasksOfOnePhaseFailsThatPhaseOnly() {
            List<ProviderCall> calls = List.of(ledger.call("b-0").at(21_000).error(503).build(),
                    ledger.call("b-0").at(21_100).error(503).build(), ledger.call("b-0").at(21_200).build());

            Conduct conduct = judge(new Checks(List.of(attempts), List.of()), calls,
                    plus(tasks("first", "a", 10, 0), tasks("second", "b", 10, 0)), two);

            assertThat(conduct.phases()).extracting(PhaseVerdict::verdict).as("phase verdicts")
                    .containsExactly(Verdict.PASS, Verdict.FAIL);
            assertThat(conduct.phases().get(1).reason()).as("the second phase's reason")
                    .contains("required check max_attempts_per_task failed: ");
            assertThat(conduct.verdict()).as("the run's verdict").isEqualTo(Verdict.FAIL);
        }

        @Test
        void aCallWithoutATaskIdCountsInThePhaseItWasMadeIn() {
            // 3 calls in one second without task ids, made during the second phase
            List<ProviderCall> calls = List.of(ledger.call(null).at(25_000).build(), ledger.call(null).at(25_100).build(),
                    ledger.call(null).at(25_200).build());
            Checks perSecond = new Checks(List.of(new Check(CheckKind.MAX_ATTEMPTS_PER_SECOND, 2.0)), List.of());

            Conduct conduct = judge(perSecond, calls, plus(tasks("first", "a", 10, 0), tasks("second", "b", 10, 0)), two);

            assertThat(conduct.phases()).extracting(PhaseVerdict::verdict).as("phase verdicts")
                    .containsExactly(Verdict.PASS, Verdict.FAIL);
        }

        @Test
        void attemptsNoLedgerHoldsCountInThePhaseWhoseTaskWasInFlight() {
            // b-0 is in flight from 21 s to 22 s; three connections refused by the down proxy meanwhile
            List<ExchangeRecord> exchanges = plus(tasks("first", "a", 10, 0),
                    List.of(exchange("b-0").phase("second").at(21_000).latency(1_000).error(502).build()));
            List<ConnectionRecord> refused = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                refused.add(new ConnectionRecord(i, ORIGIN.plusMillis(21_000 + 100L * i), "primary", "127.0.0.1:5000" + i,
                        ConnectionRecord.REFUSED_WHILE_DOWN, 0, 0, 0, 0));
            }

            Conduct conduct = ConductChecks.evaluate(new Checks(List.of(attempts), List.of()),
                    ConductEvidence.of(List.of(), exchanges, ORIGIN).withConnections(ProxyConnections.of(refused)), two)
                    .conduct();

            assertThat(conduct.phases()).extracting(PhaseVerdict::verdict).as("phase verdicts")
                    .containsExactly(Verdict.PASS, Verdict.FAIL);
        }

        @Test
        void aPhaseWithNoTaskDueHasNoVerdictAndIsPassedOver() {
            Conduct conduct = judge(Checks.NONE, List.of(), tasks("first", "a", 10, 0), two);

            assertThat(conduct.phases().get(1)).as("the second phase, in which no task was due")
                    .extracting(PhaseVerdict::verdict, PhaseVerdict::availability, PhaseVerdict::reason)
                    .containsExactly(null, null, "no task was due in the phase, so there was nothing to judge");
            assertThat(conduct.verdict()).as("the run's verdict").isEqualTo(Verdict.PASS);
        }

        @Test
        void aRequiredCheckBrokenOutsideEveryFaultedPhaseStillFailsTheRun() {
            List<ExchangeRecord> exchanges = plus(List.of(exchange("s").phase("steady").latency(15_000).build()),
                    tasks("first", "a", 10, 0));

            Conduct conduct = judge(new Checks(List.of(hang), List.of()), List.of(), exchanges, two);

            assertThat(conduct.phases().getFirst().verdict()).as("the faulted phase's verdict").isEqualTo(Verdict.PASS);
            assertThat(conduct.verdict()).as("the run's verdict").isEqualTo(Verdict.FAIL);
            assertThat(conduct.reason()).as("reason").startsWith("required check no_hang_past failed: ");
        }

        @Test
        void recoveryIsJudgedOverTheRunNotInAPhase() {
            Checks recovery = new Checks(List.of(), List.of(new Check(CheckKind.RECOVERS_WITHIN, Duration.ofSeconds(5))));

            VerdictContext twoWithBaseline = new VerdictContext(List.of(first, second), tasks("first", "b", 10, 0), MARGIN,
                    Set.of(), TIMEOUT);
            ConductAssessment assessment = ConductChecks.evaluate(recovery,
                    ConductEvidence.of(List.of(), tasks("first", "a", 10, 0), ORIGIN), twoWithBaseline);

            assertThat(assessment.conduct().phases().getFirst().verdict()).as("the phase's verdict").isEqualTo(Verdict.PASS);
            assertThat(assessment.conduct().verdict()).as("the run's verdict when it never recovered").isEqualTo(Verdict.PARTIAL);
            assertThat(assessment.verdictReason()).as("reason").isEqualTo("phase first passed, but advisory check"
                    + " recovers_within failed: the SUT was not seen healthy again after the last fault ended");
        }
    }

    @Test
    void withoutAFaultedPhaseTheChecksAloneDecide() {
        VerdictContext none = new VerdictContext(List.of(), null, MARGIN, Set.of(), TIMEOUT);

        Conduct conduct = judge(new Checks(List.of(hang), List.of()), List.of(), tasks("steady", "s", 3, 7), none);

        assertThat(conduct.verdict()).as("verdict").isEqualTo(Verdict.PASS);
        assertThat(conduct.phases()).as("phase verdicts").isEmpty();
        assertThat(conduct.reason()).as("reason")
                .isEqualTo("no phase has faults, so the checks alone decide, and every one held");
    }
}
