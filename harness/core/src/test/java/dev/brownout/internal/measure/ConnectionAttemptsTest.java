package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ConnectionRecord;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.reports.CheckResult;
import dev.brownout.scenario.Check;
import dev.brownout.scenario.CheckKind;
import dev.brownout.scenario.Checks;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.brownout.internal.measure.LedgerFixtures.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The attempts no ledger holds, on hand-built runs: which connections of the fault proxy's log count, how they
 * are shared among the tasks in flight, and what {@code max_attempts_per_task} and {@code max_attempts_per_second}
 * make of them together with the ledgers. Times are milliseconds from the run's start.
 */
class ConnectionAttemptsTest {

    private final LedgerFixtures ledger = new LedgerFixtures();
    private long seq;

    private ConnectionRecord connection(String proxy, long atMs, String outcome, long fromClient, long toUpstream) {
        return new ConnectionRecord(++seq, ORIGIN.plusMillis(atMs), proxy, "127.0.0.1:" + (40000 + seq), outcome, 0,
                fromClient, toUpstream, 0);
    }

    private ConnectionRecord refused(long atMs) {
        return connection("primary", atMs, "refused_while_down", 0, 0);
    }

    /** A task the SUT worked on from {@code startMs} to {@code endMs}. */
    private static ExchangeRecord task(String id, double startMs, double endMs) {
        return new ExchangeRecord(id, "arithmetic", "outage", startMs, startMs, null, endMs, endMs - startMs, "answered",
                200, null, "mid", false, 1, "42", "42", "prompt");
    }

    private static CheckResult judge(CheckKind kind, Object setting, List<ProviderCall> calls,
                                     List<ExchangeRecord> exchanges, ProxyConnections connections) {
        return ConductChecks.evaluate(new Checks(List.of(new Check(kind, setting)), List.of()),
                ConductEvidence.of(calls, exchanges, ORIGIN).withConnections(connections),
                VerdictContext.ofPhaseNames(Set.of("outage"), Duration.ofSeconds(30))).conduct().checks().getFirst();
    }

    @Test
    void onlyConnectionsThatDeliveredNothingToTheFakeAreAttemptsNoLedgerHolds() {
        List<ConnectionRecord> log = List.of(
                refused(100),                                                     // counts
                connection("primary", 110, "forwarded", 300, 300),               // reached the ledger
                connection("primary", 120, "forwarded", 0, 0),                   // idle pooled connection
                connection("primary", 130, "closed_by_proxy", 0, 0),             // idle, cut when disabled
                connection("primary", 140, "reset_by_toxic", 200, 0),            // counts
                connection("primary", 150, "timed_out_by_toxic", 200, 0),        // counts
                connection("primary", 160, "blackholed_by_toxic", 200, 0),       // counts
                connection("primary", 170, "upstream_refused", 0, 0),            // counts
                connection("primary", 180, "closed_by_proxy", 200, 0),           // counts: held, then cut
                connection("primary", 190, "reset_by_toxic", 200, 200),          // reached the ledger first
                connection("oauth", 200, "refused_while_down", 0, 0),            // not a provider
                refused(-50));                                                    // before the timeline

        ConnectionAttempts attempts = ConnectionAttempts.of(ProxyConnections.of(log), List.of(), ORIGIN);

        assertThat(attempts.unseen()).extracting(ConnectionRecord::time)
                .as("the attempts no ledger holds, by the time they were made")
                .containsExactly(ORIGIN.plusMillis(100), ORIGIN.plusMillis(140), ORIGIN.plusMillis(150),
                        ORIGIN.plusMillis(160), ORIGIN.plusMillis(170), ORIGIN.plusMillis(180));
    }

    @Test
    void eachAttemptIsSharedEquallyAmongTheTasksInFlightAtItsMoment() {
        List<ExchangeRecord> tasks = List.of(task("a", 0, 1000), task("b", 500, 1500));
        // at 100 only a is in flight, at 600 both, at 1200 only b, at 2000 none
        ProxyConnections log = ProxyConnections.of(List.of(refused(100), refused(600), refused(1200), refused(2000)));

        ConnectionAttempts attempts = ConnectionAttempts.of(log, tasks, ORIGIN);

        assertThat(attempts.shares().get("a").get("primary")).as("a's share: 1 + 1/2").isCloseTo(1.5, within(1e-9));
        assertThat(attempts.shares().get("b").get("primary")).as("b's share: 1/2 + 1").isCloseTo(1.5, within(1e-9));
        assertThat(attempts.attributed()).as("attempts shared among tasks").isEqualTo(3);
        assertThat(attempts.unattributed()).as("attempts while no task was in flight").isEqualTo(Map.of("primary", 1L));
        assertThat(attempts.busiest()).as("the busiest second: 0 s to 1 s, a and b in flight")
                .isEqualTo(new ConnectionAttempts.Window("primary", 0, 2, 2));
    }

    @Test
    void retriesOfADownPrimaryFailMaxAttemptsPerTaskThoughTheLedgerHoldsOneCallPerTask() {
        // t1 is refused three times by the down primary, then served by the backup; t2 is refused once
        List<ExchangeRecord> tasks = List.of(task("t1", 0, 1000), task("t2", 1100, 2000));
        List<ProviderCall> calls = List.of(ledger.call("t1").provider("backup").at(900).build(),
                ledger.call("t2").provider("backup").at(1200).build());
        ProxyConnections log = ProxyConnections.of(List.of(refused(10), refused(300), refused(600), refused(1150)));

        CheckResult withLog = judge(CheckKind.MAX_ATTEMPTS_PER_TASK, 2L, calls, tasks, log);
        CheckResult ledgerOnly = judge(CheckKind.MAX_ATTEMPTS_PER_TASK, 2L, calls, tasks, ProxyConnections.of(List.of()));

        assertThat(ledgerOnly.passed()).as("judged on the ledgers alone, as before: %s", ledgerOnly.detail()).isTrue();
        assertThat(withLog.observed()).as("t1's calls to the primary").isEqualTo("3");
        assertThat(withLog.passed()).as("3 is over 2").isFalse();
        assertThat(withLog.detail()).as("the detail")
                .startsWith("the 1 task sent in the second from 0s made about 3 calls each to primary on average:"
                        + " 0 in the ledger and about 3 connection attempts no ledger holds, per task")
                .contains("1 second went over 2")
                .contains("4 connection attempts reached no ledger (4 refused while the proxy was down)")
                .contains("about 2 per task in flight on average")
                .contains("busiest second: 3 on primary from 0s, with 1 task in flight (3 per task)");
    }

    @Test
    void aTasksLedgerCallsAndItsConnectionAttemptsOnOneProviderAddUp() {
        List<ProviderCall> calls = List.of(ledger.call("t1").error(503).at(50).build());
        ProxyConnections log = ProxyConnections.of(List.of(refused(200), refused(400)));

        CheckResult result = judge(CheckKind.MAX_ATTEMPTS_PER_TASK, 3L, calls, List.of(task("t1", 0, 1000)), log);

        assertThat(result.observed()).as("1 in the ledger + 2 refused").isEqualTo("3");
        assertThat(result.passed()).as("3 is within 3").isTrue();
        assertThat(result.detail()).contains("made about 3 calls each to primary on average: 1 in the ledger and about"
                + " 2 connection attempts no ledger holds, per task, the most of any second");
    }

    @Test
    void tasksInFlightTogetherSplitTheAttempts() {
        List<ExchangeRecord> tasks = List.of(task("t1", 0, 1000), task("t2", 0, 1000));
        ProxyConnections log = ProxyConnections.of(List.of(refused(100), refused(200), refused(300)));

        CheckResult result = judge(CheckKind.MAX_ATTEMPTS_PER_TASK, 1L, List.of(), tasks, log);

        assertThat(result.observed()).as("3 attempts shared by 2 tasks").isEqualTo("1.5");
        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).contains("about 1.5 per task in flight on average")
                .contains("busiest second: 3 on primary from 0s, with 2 tasks in flight (1.5 per task)");
    }

    @Test
    void aLongTaskInFlightDuringOtherTasksAttemptsIsJudgedOnItsSecondsAverage() {
        // a is in flight for the whole second; ten short tasks are each refused once while a is in flight too
        List<ExchangeRecord> tasks = new ArrayList<>(List.of(task("a", 0, 1000)));
        List<ConnectionRecord> log = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            tasks.add(task("s" + i, 90 * i, 90 * i + 10));
            log.add(refused(90 * i + 5));
        }

        ConnectionAttempts attempts = ConnectionAttempts.of(ProxyConnections.of(log), tasks, ORIGIN);
        CheckResult result = judge(CheckKind.MAX_ATTEMPTS_PER_TASK, 2L, List.of(), tasks, ProxyConnections.of(log));

        assertThat(attempts.shares().get("a").get("primary")).as("a's share: half of each of the ten attempts")
                .isCloseTo(5, within(1e-9));
        assertThat(result.observed()).as("the second's average: 10 attempts over 11 tasks").isEqualTo("0.91");
        assertThat(result.passed()).as("no task made more than one attempt").isTrue();
    }

    @Test
    void aConnectionThatCarriedRequestsToTheFakeIsCountedOnlyThroughTheLedger() {
        // one keep-alive connection carried both calls
        List<ProviderCall> calls = List.of(ledger.call("t1").error(500).at(10).build(), ledger.call("t1").at(20).build());
        ProxyConnections log = ProxyConnections.of(List.of(connection("primary", 5, "forwarded", 900, 900)));

        CheckResult result = judge(CheckKind.MAX_ATTEMPTS_PER_TASK, 2L, calls, List.of(task("t1", 0, 1000)), log);

        assertThat(result.observed()).as("the two ledger calls, the connection not again").isEqualTo("2");
        assertThat(result.detail()).as("the detail").isEqualTo("at most 2 calls for one task on one provider (task t1 on primary)");
    }

    @Test
    void whenTheFaultProxyKeptNoLogTheDetailSaysAttemptsWereNotCounted() {
        List<ProviderCall> calls = List.of(ledger.call("t1").provider("backup").build());
        ProxyConnections none = ProxyConnections.notCounted("the fault proxy is the real Toxiproxy (container toxiproxy)");

        CheckResult perTask = judge(CheckKind.MAX_ATTEMPTS_PER_TASK, 2L, calls, List.of(task("t1", 0, 1000)), none);
        CheckResult perSecond = judge(CheckKind.MAX_ATTEMPTS_PER_SECOND, 10.0, calls, List.of(), none);

        assertThat(perTask.detail()).as("max_attempts_per_task's detail")
                .endsWith("; connection attempts not counted: the fault proxy is the real Toxiproxy (container toxiproxy)");
        assertThat(perSecond.detail()).as("max_attempts_per_second's detail")
                .endsWith("; connection attempts not counted: the fault proxy is the real Toxiproxy (container toxiproxy)");
        assertThat(perTask.observed()).as("what the ledger shows").isEqualTo("1");
    }

    @Test
    void maxAttemptsPerSecondCountsTheConnectionAttemptsNoLedgerHolds() {
        List<ConnectionRecord> log = new ArrayList<>();
        for (long at = 0; at < 500; at += 100) {
            log.add(refused(at));
        }
        List<ProviderCall> calls = List.of(ledger.call("t1").at(500).build());

        CheckResult result = judge(CheckKind.MAX_ATTEMPTS_PER_SECOND, 5.0, calls, List.of(), ProxyConnections.of(log));

        assertThat(result.observed()).as("5 refused + 1 ledger call within one second").isEqualTo("6");
        assertThat(result.passed()).isFalse();
        assertThat(result.detail()).contains("primary got 6 calls (5 of them connection attempts no ledger holds) in the 1s");
    }
}
