package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.reports.MultiStep;
import dev.brownout.reports.TaskLoop;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MultiStepMeasureTest {

    private final LedgerFixtures ledger = new LedgerFixtures();

    private static ExchangeRecord chain(String taskId, String phase, double score) {
        return new ExchangeRecord(taskId, MultiStepMeasure.KIND, phase, 0, 0, 50.0, 100, 100, "answered", 200, null,
                "frontier", false, score, "E-204417", score == 1 ? "E-204417" : "E-000001", "find the manager");
    }

    /** A whole loop: two tool calls then the answer, each call costing $0.001. */
    private List<ProviderCall> wholeLoop(String taskId, long at) {
        return List.of(ledger.call(taskId).at(at).step(0).calledTool("find_customer").cost("0.001").build(),
                ledger.call(taskId).at(at + 10).step(1).calledTool("latest_order").cost("0.001").build(),
                ledger.call(taskId).at(at + 20).step(2).cost("0.001").build());
    }

    /**
     * The run: c1 whole (3 calls); c2 refused at step 1 and resumed (4 calls); c3 cut at step 1, started over and
     * answered wrong (5 calls). A single-turn task and an aborted chain task are left out.
     */
    private Map<String, List<ProviderCall>> chaosLedger() {
        List<ProviderCall> calls = new ArrayList<>(wholeLoop("c1", 0));
        calls.add(ledger.call("c2").at(100).step(0).calledTool("find_customer").cost("0.001").build());
        calls.add(ledger.call("c2").at(110).step(1).error(503).build());
        calls.add(ledger.call("c2").at(120).step(1).calledTool("latest_order").cost("0.001").build());
        calls.add(ledger.call("c2").at(130).step(2).cost("0.001").build());
        calls.add(ledger.call("c3").at(200).step(0).calledTool("find_customer").cost("0.001").build());
        calls.add(ledger.call("c3").at(210).step(1).outcome(CallOutcome.CUT).cost("0.0005").build());
        calls.add(ledger.call("c3").at(220).step(0).calledTool("find_customer").cost("0.001").build());
        calls.add(ledger.call("c3").at(230).step(1).calledTool("latest_order").cost("0.001").build());
        calls.add(ledger.call("c3").at(240).step(2).cost("0.001").build());
        calls.add(ledger.call("single").at(300).step(0).cost("0.001").build());
        return QualityMeasure.byTask(calls);
    }

    private Map<String, List<ProviderCall>> baselineLedger() {
        List<ProviderCall> calls = new ArrayList<>();
        for (String task : List.of("c1", "c2", "c3")) {
            calls.addAll(wholeLoop(task, calls.size() * 10L));
        }
        return QualityMeasure.byTask(calls);
    }

    private static List<ExchangeRecord> chaos() {
        return List.of(chain("c1", "steady", 1), chain("c2", "flaky", 1), chain("c3", "flaky", 0),
                Records.answered("single", "steady", 0, 1),
                new ExchangeRecord("c4", MultiStepMeasure.KIND, "flaky", 500, 500, null, 600, 100, "aborted", 0, null,
                        null, false, 0, "E-204417", null, "find the manager"));
    }

    private static List<ExchangeRecord> baseline() {
        return List.of(chain("c1", "steady", 1), chain("c2", "flaky", 1), chain("c3", "flaky", 1));
    }

    @Test
    void judgesTheChainTasksAsWholeTasksAgainstTheBaseline() {
        MultiStep tasks = MultiStepMeasure.measure(chaos(), baseline(), chaosLedger(), baselineLedger());

        assertThat(tasks.tasks()).as("the chain tasks that ended; not the single-turn one").isEqualTo(3);
        assertThat(tasks.score()).as("mean final-answer score: (1 + 1 + 0) / 3").isCloseTo(2 / 3.0, within(1e-9));
        assertThat(tasks.baselineScore()).as("the baseline's").isEqualTo(1.0);
        assertThat(tasks.iqLoss().value()).as("1 - (2/3) / 1").isCloseTo(1 / 3.0, within(1e-9));
        assertThat(tasks.modelCallsPerTask()).as("(3 + 4 + 5) / 3").isEqualTo(4.0);
        assertThat(tasks.baselineModelCallsPerTask()).as("3 calls each without faults").isEqualTo(3.0);
        assertThat(tasks.toolCallsPerTask()).as("(2 + 2 + 3) / 3").isCloseTo(7 / 3.0, within(1e-9));
        assertThat(tasks.wastedCalls()).as("c2's refusal, c3's cut call and its repeated step 0").isEqualTo(3);
        assertThat(tasks.costPerTaskUsd()).as("(0.003 + 0.003 + 0.0045) / 3").isCloseTo(0.0035, within(1e-12));
        assertThat(tasks.baselineCostPerTaskUsd()).as("0.003 a task").isCloseTo(0.003, within(1e-12));
    }

    @Test
    void attributesEachBrokenLoopToItsStepFailureAndRecovery() {
        MultiStep tasks = MultiStepMeasure.measure(chaos(), baseline(), chaosLedger(), baselineLedger());

        assertThat(tasks.brokenLoops()).as("broken loops").isEqualTo(2);
        assertThat(tasks.resumed()).as("resumed").isEqualTo(1);
        assertThat(tasks.startedOver()).as("started over").isEqualTo(1);
        assertThat(tasks.gaveUp()).as("gave up").isZero();
        assertThat(tasks.loops()).as("each task, in the run's order").containsExactly(
                new TaskLoop("c1", "steady", 1, 3, 2, 0, 0.003, null, null, null),
                new TaskLoop("c2", "flaky", 1, 4, 2, 1, 0.003, 1, "503", TaskLoop.RESUMED),
                new TaskLoop("c3", "flaky", 0, 5, 3, 2, 0.0045, 1, "cut", TaskLoop.STARTED_OVER));
    }

    @Test
    void aStoredBaselineGivesItsScoreButNoCallsOrCost() {
        MultiStep tasks = MultiStepMeasure.measure(chaos(), baseline(), chaosLedger(), null);

        assertThat(tasks.baselineScore()).as("the stored baseline's score").isEqualTo(1.0);
        assertThat(tasks.baselineModelCallsPerTask()).as("calls a stored result does not keep").isNull();
        assertThat(tasks.baselineCostPerTaskUsd()).as("cost a stored result does not keep per task").isNull();
    }

    @Test
    void withoutABaselineTheLossIsUnknownNotZero() {
        MultiStep tasks = MultiStepMeasure.measure(chaos(), null, chaosLedger(), null);

        assertThat(tasks.iqLoss()).as("IQ loss without a baseline").isNull();
        assertThat(tasks.baselineScore()).as("baseline score").isNull();
        assertThat(tasks.brokenLoops()).as("the loops are still read from the run's own ledger").isEqualTo(2);
    }

    @Test
    void aRunWithoutChainTasksHasNoMultiStepBlock() {
        List<ExchangeRecord> single = List.of(Records.answered("single", "steady", 0, 1));

        assertThat(MultiStepMeasure.measure(single, single, chaosLedger(), baselineLedger()))
                .as("the block of a run of single-turn tasks").isNull();
    }
}
