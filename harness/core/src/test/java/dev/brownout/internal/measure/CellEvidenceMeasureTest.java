package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ConnectionRecord;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.reports.CheckLevel;
import dev.brownout.reports.CheckResult;
import dev.brownout.reports.scorecard.CellEvidence;
import dev.brownout.reports.scorecard.FailingCheck;
import dev.brownout.scenario.Check;
import dev.brownout.scenario.CheckKind;
import dev.brownout.scenario.Checks;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.brownout.internal.measure.LedgerFixtures.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A scorecard cell's evidence on a hand-built run whose every figure is computed by hand below. Times are
 * milliseconds from the timeline's start.
 *
 * <pre>
 * ledger   t1: primary@0 (503), backup@120          → 2 calls, first retry after 120
 *          t2: primary@100 (503), primary@400, backup@500 → 3 calls, first retry after 300
 *          t3: primary@200;  t4: backup@250
 * proxy    primary refused while down @150 (no ledger saw it), a forwarded connection @210 (its call is in the
 *          ledger), a refusal 10 ms before the timeline (the warm-up's)
 * exchanges t1 answered 0→300, t2 error 100→700, t3 timeout 200→2200, t4 answered 250→350, t5 aborted 300→400,
 *          t6 aborted 400→1400 (in flight when the run stopped)
 * </pre>
 */
class CellEvidenceMeasureTest {

    private final LedgerFixtures ledger = new LedgerFixtures();
    private long seq;

    private final List<ProviderCall> calls = List.of(
            ledger.call("t1").at(0).error(503).build(),
            ledger.call("t1").provider("backup").at(120).build(),
            ledger.call("t2").at(100).error(503).build(),
            ledger.call("t2").at(400).build(),
            ledger.call("t2").provider("backup").at(500).build(),
            ledger.call("t3").at(200).build(),
            ledger.call("t4").provider("backup").at(250).build());

    private final List<ExchangeRecord> exchanges = List.of(
            Records.exchange("t1", "outage", 0, 300, "answered", 200, null, false, 1),
            Records.exchange("t2", "outage", 100, 700, "error", 502, "http_502", false, 0),
            Records.exchange("t3", "outage", 200, 2200, "timeout", 0, "timeout", false, 0),
            Records.exchange("t4", "outage", 250, 350, "answered", 200, null, false, 1),
            Records.exchange("t5", "outage", 300, 400, "aborted", 0, null, false, 0),
            Records.exchange("t6", "outage", 400, 1400, "aborted", 0, null, false, 0));

    private ConnectionRecord connection(long atMs, String outcome, long toUpstream) {
        return new ConnectionRecord(++seq, ORIGIN.plusMillis(atMs), "primary", "127.0.0.1:" + (41000 + seq), outcome,
                0, 200, toUpstream, 0);
    }

    private final ProxyConnections connections = ProxyConnections.of(List.of(
            connection(150, "refused_while_down", 0),
            connection(210, "forwarded", 300),
            connection(-10, "refused_while_down", 0)));

    private CellEvidence evidence(Checks checks, List<CheckResult> judged) {
        return CellEvidenceMeasure.measure(calls, exchanges, ORIGIN, connections, 3, 0.5, judged, checks);
    }

    private CellEvidence evidence() {
        return evidence(Checks.NONE, List.of());
    }

    @Test
    void attemptsOnEachProviderAreItsLedgerCallsPlusTheConnectionAttemptsNoLedgerSaw() {
        assertThat(evidence().attempts())
                .as("primary: 4 ledger calls + 1 refusal while down (the forwarded one is in the ledger, the "
                        + "warm-up's refusal is before the timeline); backup: 3 ledger calls")
                .isEqualTo(Map.of("primary", 5L, "backup", 3L));
    }

    @Test
    void theMostAttemptsOneTaskTookCountsItsCallsOnEveryProvider() {
        assertThat(evidence().maxAttemptsPerTask()).as("t2: two calls to primary and one to backup").isEqualTo(3L);
    }

    @Test
    void timeToFirstRetryIsTheMedianGapFromARetriedTasksFirstCallToItsSecond() {
        assertThat(evidence().timeToFirstRetryMs()).as("median of t1's 120 ms and t2's 300 ms")
                .isCloseTo(210.0, within(1e-9));
    }

    @Test
    void noRetryGivesNoTimeToFirstRetry() {
        CellEvidence single = CellEvidenceMeasure.measure(List.of(ledger.call("t9").at(10).build()), exchanges, ORIGIN,
                ProxyConnections.of(List.of()), 0, 1.0, List.of(), Checks.NONE);

        assertThat(single.timeToFirstRetryMs()).as("no task made a second call").isNull();
    }

    @Test
    void elapsedMedianAndMaxAreOverTheExchangesThatWereNotAborted() {
        CellEvidence evidence = evidence();

        assertThat(evidence.elapsedMedianMs()).as("median of 100, 300, 600, 2000 ms (t5 and t6 aborted)")
                .isCloseTo(450.0, within(1e-9));
        assertThat(evidence.elapsedMaxMs()).as("t3's 2000 ms").isCloseTo(2000.0, within(1e-9));
    }

    @Test
    void hangsAreTimeoutsAndExchangesPastTheNoHangBound() {
        Checks bounded = new Checks(List.of(new Check(CheckKind.NO_HANG_PAST, Duration.ofMillis(500))), List.of());

        assertThat(evidence().hangs()).as("without a bound: t3's timeout").isEqualTo(1);
        assertThat(evidence(bounded, List.of()).hangs())
                .as("past 500 ms: t2 (600 ms), t3 (timeout) and t6, aborted after waiting 1000 ms").isEqualTo(3);
    }

    @Test
    void truncatedSuccessesAndAvailabilityAreTheResultsOwnFigures() {
        CellEvidence evidence = evidence();

        assertThat(evidence.truncatedSuccesses()).as("summary.truncated as given").isEqualTo(3);
        assertThat(evidence.availability()).as("summary.availability as given").isEqualTo(0.5);
    }

    @Test
    void theFirstFailingCheckIsARequiredOneBeforeAnEarlierAdvisoryOneAndNeverAnInformationalOne() {
        List<CheckResult> judged = List.of(
                new CheckResult("honours_retry_after", false, "true", "false", false, "ignored a retry-after"),
                new CheckResult("claimed_model_matches", false, "true", "false", false, "named the wrong model",
                        CheckLevel.INFORMATIONAL, null),
                new CheckResult("max_attempts_per_task", true, "2", "3", false, "task t2 made 3 calls"));

        assertThat(evidence(Checks.NONE, judged).firstFailingCheck()).as("the required check")
                .isEqualTo(new FailingCheck("max_attempts_per_task", CheckLevel.REQUIRED, "3", "2",
                        "task t2 made 3 calls"));
        assertThat(evidence(Checks.NONE, judged.subList(0, 2)).firstFailingCheck()).as("only the advisory one counts")
                .extracting(FailingCheck::name).isEqualTo("honours_retry_after");
        assertThat(evidence(Checks.NONE, judged.subList(1, 2)).firstFailingCheck())
                .as("an informational check is never scored").isNull();
    }
}
