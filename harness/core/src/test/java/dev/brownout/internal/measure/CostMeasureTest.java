package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.reports.CostLine;
import dev.brownout.reports.ModelServed;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.brownout.internal.measure.LedgerFixtures.exchange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class CostMeasureTest {

    private final LedgerFixtures ledger = new LedgerFixtures();

    /** Two tasks, each sent {@code callsPerTask} times at $0.01 a call, all complete; the last one answers. */
    private List<ProviderCall> eachTaskCalled(int callsPerTask) {
        List<ProviderCall> calls = new ArrayList<>();
        for (String task : List.of("t1", "t2")) {
            for (int attempt = 0; attempt < callsPerTask; attempt++) {
                calls.add(ledger.call(task).at(attempt * 100L).cost("0.01").build());
            }
        }
        return calls;
    }

    private static final List<ExchangeRecord> BOTH_ANSWERED = List.of(exchange("t1").build(), exchange("t2").build());

    @Test
    void aSutThatRetriesEveryCallThreeTimesCostsFourTimesTheBaselineAndWastesThreeQuarters() {
        double baseline = CostMeasure.totalUsd(eachTaskCalled(1)); // 2 tasks x 1 call x $0.01 = $0.02

        CostMeasurement measured = CostMeasure.measure(eachTaskCalled(4), BOTH_ANSWERED, baseline);

        // 2 tasks x 4 calls x $0.01 = $0.08; amplification 0.08 / 0.02 = 4; wasted 2 x 3 x $0.01 = $0.06 = 3/4
        assertThat(measured.cost().totalUsd()).isCloseTo(0.08, offset(1e-12));
        assertThat(measured.cost().amplification()).isCloseTo(4.0, offset(1e-12));
        assertThat(measured.cost().wastedUsd()).isCloseTo(0.06, offset(1e-12));
        assertThat(measured.cost().wastedUsd() / measured.cost().totalUsd()).isCloseTo(0.75, offset(1e-12));
        assertThat(measured.warnings()).isEmpty();
    }

    @Test
    void theRetryAttemptsAreCountedByMaxAttemptsPerTask() {
        var conduct = ConductChecks.evaluate(
                new dev.brownout.scenario.Checks(List.of(new dev.brownout.scenario.Check(
                        dev.brownout.scenario.CheckKind.MAX_ATTEMPTS_PER_TASK, 3L)), List.of()),
                ConductEvidence.of(eachTaskCalled(4), BOTH_ANSWERED, LedgerFixtures.ORIGIN),
                VerdictContext.ofPhaseNames(java.util.Set.of(), null));

        assertThat(conduct.conduct().checks().getFirst().observed()).isEqualTo("4");
        assertThat(conduct.conduct().checks().getFirst().passed()).isFalse();
    }

    @Test
    void aCallPerTaskWastesNothing() {
        CostMeasurement measured = CostMeasure.measure(eachTaskCalled(1), BOTH_ANSWERED, null);

        assertThat(measured.cost().wastedUsd()).isZero();
    }

    @Test
    void costPerCorrectAnswerDividesTheTotalByAnswersScoredOne() {
        List<ExchangeRecord> oneRight = List.of(exchange("t1").build(), exchange("t2").score(0.5).build());

        CostMeasurement measured = CostMeasure.measure(eachTaskCalled(1), oneRight, null);

        // $0.02 over 1 answer scored 1
        assertThat(measured.cost().perCorrectAnswerUsd()).isCloseTo(0.02, offset(1e-12));
    }

    @Test
    void withoutACorrectAnswerThereIsNoCostPerCorrectAnswer() {
        List<ExchangeRecord> noneRight = List.of(exchange("t1").score(0).build(), exchange("t2").score(0.5).build());

        assertThat(CostMeasure.measure(eachTaskCalled(1), noneRight, null).cost().perCorrectAnswerUsd()).isNull();
    }

    @Test
    void amplificationNeedsABaselineThatCostSomething() {
        assertThat(CostMeasure.measure(eachTaskCalled(1), BOTH_ANSWERED, null).cost().amplification()).isNull();
        assertThat(CostMeasure.measure(eachTaskCalled(1), BOTH_ANSWERED, 0.0).cost().amplification()).isNull();
    }

    @Test
    void everyCallOfAnUnansweredTaskIsWasted() {
        List<ExchangeRecord> t2TimedOut = List.of(exchange("t1").build(), exchange("t2").timeout().build());

        CostMeasurement measured = CostMeasure.measure(eachTaskCalled(2), t2TimedOut, null);

        // t1: 1 of 2 calls wasted ($0.01); t2: both ($0.02)
        assertThat(measured.cost().wastedUsd()).isCloseTo(0.03, offset(1e-12));
    }

    @Test
    void anAnswerFlaggedTruncatedWastesEveryCallOfItsTask() {
        List<ExchangeRecord> t1Truncated = List.of(exchange("t1").truncated().build(), exchange("t2").build());

        CostMeasurement measured = CostMeasure.measure(eachTaskCalled(1), t1Truncated, null);

        assertThat(measured.cost().wastedUsd()).isCloseTo(0.01, offset(1e-12));
    }

    @Test
    void aCutStreamBeforeTheAnsweringCallIsWastedAndTheLastCompleteCallIsNot() {
        List<ProviderCall> calls = List.of(
                ledger.call("t1").outcome(CallOutcome.CUT).cost("0.004").build(),
                ledger.call("t1").at(500).cost("0.01").build());

        CostMeasurement measured = CostMeasure.measure(calls, List.of(exchange("t1").build()), null);

        assertThat(measured.cost().wastedUsd()).isCloseTo(0.004, offset(1e-12));
    }

    @Test
    void aToolLoopsAnswerNeededEveryStepSoOnlyItsFailedCallIsWasted() {
        List<ProviderCall> calls = List.of(
                ledger.call("t1").step(0).calledTool("find_customer").cost("0.01").build(),
                ledger.call("t1").at(100).step(1).outcome(CallOutcome.CUT).cost("0.004").build(),
                ledger.call("t1").at(200).step(1).calledTool("latest_order").cost("0.01").build(),
                ledger.call("t1").at(300).step(2).cost("0.01").build());

        CostMeasurement measured = CostMeasure.measure(calls, List.of(exchange("t1").build()), null);

        assertThat(measured.cost().wastedUsd()).as("the cut call at step 1; steps 0, 1 and 2 each reached the user")
                .isCloseTo(0.004, offset(1e-12));
    }

    @Test
    void callsWithoutATaskOfTheRunAreWarnedAboutAndNotWasted() {
        List<ProviderCall> calls = new ArrayList<>(eachTaskCalled(1));
        calls.add(ledger.call(null).cost("0.005").build());
        calls.add(ledger.call("warmup-1").cost("0.001").build());

        CostMeasurement measured = CostMeasure.measure(calls, BOTH_ANSWERED, null);

        // total $0.02 + $0.005 + $0.001 = $0.026; the two strays ($0.006) are not wasted
        assertThat(measured.cost().totalUsd()).isCloseTo(0.026, offset(1e-12));
        assertThat(measured.cost().wastedUsd()).isZero();
        assertThat(measured.warnings()).singleElement().asString().contains("2 provider call(s)", "$0.006");
    }

    @Test
    void costLinesSplitByProviderAndTheModelThatServed() {
        List<ProviderCall> calls = List.of(
                ledger.call("t1").error(503).build(),
                ledger.call("t1").provider("backup").model("small").at(100).cost("0.002").tokens(10, 5).build(),
                ledger.call("t2").served("small").cost("0.003").tokens(20, 7).build());

        CostMeasurement measured = CostMeasure.measure(calls, BOTH_ANSWERED, null);

        // primary: the 503 under the model asked for (mid); t2 substituted, under small
        assertThat(measured.cost().byModel()).containsExactly(
                new CostLine("backup", "small", 1, 10, 5, 0.002, 0),
                new CostLine("primary", "mid", 1, 0, 0, 0, 0),
                new CostLine("primary", "small", 1, 20, 7, 0.003, 0));
    }

    @Test
    void wastedSpendIsAlsoSplitPerLine() {
        List<ProviderCall> calls = List.of(
                ledger.call("t1").cost("0.01").build(),
                ledger.call("t1").provider("backup").at(100).cost("0.02").build());

        CostMeasurement measured = CostMeasure.measure(calls, List.of(exchange("t1").build()), null);

        // the first (primary) call lost to the later backup one
        assertThat(measured.cost().byModel()).extracting(CostLine::provider, CostLine::wastedUsd)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("backup", 0.0),
                        org.assertj.core.groups.Tuple.tuple("primary", 0.01));
    }

    @Test
    void modelsServedCountOnlyCallsAnsweredWith200() {
        List<ProviderCall> calls = List.of(
                ledger.call("t1").error(429).build(),
                ledger.call("t1").at(10).build(),
                ledger.call("t2").served("small").outcome(CallOutcome.CUT).build());

        assertThat(CostMeasure.measure(calls, BOTH_ANSWERED, null).modelsServed()).containsExactly(
                new ModelServed("primary", "mid", 1), new ModelServed("primary", "small", 1));
    }

    @Test
    void theRunsCallsAreThoseAfterEachProvidersLedgerStart() {
        ProviderCall warmup = ledger.call("w").build();   // seq 1
        ProviderCall first = ledger.call("t1").build();   // seq 2
        ProviderCall backup = ledger.call("t1").provider("backup").build(); // seq 3, its ledger started at 0

        List<ProviderCall> run = LedgerSlice.runCalls(Map.of("primary", List.of(warmup, first), "backup", List.of(backup)),
                Map.of("primary", 1L, "backup", 0L));

        assertThat(run).containsExactlyInAnyOrder(first, backup);
    }
}
