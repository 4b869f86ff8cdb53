package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.reports.CheckResult;
import dev.brownout.scenario.Check;
import dev.brownout.scenario.CheckKind;
import dev.brownout.scenario.Checks;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.brownout.internal.measure.LedgerFixtures.ORIGIN;
import static dev.brownout.internal.measure.LedgerFixtures.exchange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The truncation judgement on a hand-built run with one task per rule: which answers were truncated
 * successes, and that the check, the counts and the cost agree on them.
 */
class TruncatedAnswersTest {

    private final LedgerFixtures ledger = new LedgerFixtures();

    /** Ten tasks, one per rule; the comment on each says what the caller got. */
    private final List<ProviderCall> calls = List.of(
            // cut upstream, relayed as a 200 that simply ends
            ledger.call("cut-passed-on").outcome(CallOutcome.CUT).tokens(30, 3).faults("cut:abort").cost("0.30").build(),
            // upstream error event, relayed as a 200 that simply ends
            ledger.call("error-passed-on").outcome(CallOutcome.STREAM_ERROR).tokens(30, 2).build(),
            // stalled, then ended without its terminator, relayed as a 200
            ledger.call("stall-passed-on").outcome(CallOutcome.CUT).tokens(30, 5).faults("stall:clean").build(),
            // upstream complete, but the SUT's reply showed no finish reason
            ledger.call("reply-incomplete").build(),
            // upstream complete without [DONE]; the SUT's reply had its finish reason and usage
            ledger.call("unterminated").faults("unterminated").build(),
            // cut upstream, and the SUT broke its own connection off: an error for the caller
            ledger.call("aborted").outcome(CallOutcome.CUT).build(),
            // upstream error event, and the SUT sent an error event of its own
            ledger.call("error-event").outcome(CallOutcome.STREAM_ERROR).build(),
            // the SUT answered 502 itself
            ledger.call("error-status").error(502).build(),
            // cut on the primary, then the backup answered whole
            ledger.call("failed-over").outcome(CallOutcome.CUT).cost("0.10").build(),
            ledger.call("failed-over").provider("backup").at(200).cost("0.20").build(),
            // whole; the SUT in this JVM said the answer was incomplete (no reason recorded, as in an older log)
            ledger.call("flagged").build());

    private final List<ExchangeRecord> exchanges = List.of(
            exchange("cut-passed-on").score(0).build(),
            exchange("error-passed-on").score(0).build(),
            exchange("stall-passed-on").score(0).build(),
            exchange("reply-incomplete").truncation("the stream ended without a finish reason").score(0).build(),
            exchange("unterminated").build(),
            exchange("aborted").failed("AbortedReplyException", 0).build(),
            exchange("error-event").failed("stream_error", 502).build(),
            exchange("error-status").error(502).build(),
            exchange("failed-over").build(),
            exchange("flagged").truncated().build());

    private Map<String, ExchangeRecord> judged() {
        return TruncatedAnswers.judged(exchanges, calls).stream()
                .collect(Collectors.toMap(ExchangeRecord::taskId, Function.identity()));
    }

    @Test
    void exactlyTheAnsweredExchangesWithABrokenUpstreamOrAnIncompleteReplyAreTruncatedSuccesses() {
        Set<String> truncated = judged().values().stream().filter(ExchangeRecord::truncated)
                .map(ExchangeRecord::taskId).collect(Collectors.toSet());

        assertThat(truncated).as("truncated successes")
                .containsExactlyInAnyOrder("cut-passed-on", "error-passed-on", "stall-passed-on", "reply-incomplete",
                        "flagged");
    }

    @Test
    void eachTruncatedSuccessSaysWhy() {
        Map<String, ExchangeRecord> judged = judged();

        assertThat(judged.get("cut-passed-on").truncation()).as("a cut upstream")
                .isEqualTo("the upstream stream that served it was cut: primary sent 3 tokens (cut:abort)");
        assertThat(judged.get("error-passed-on").truncation()).as("an upstream error event")
                .isEqualTo("the upstream stream that served it ended in an error event: primary sent 2 tokens");
        assertThat(judged.get("stall-passed-on").truncation()).as("a stall that ended the stream").contains("stall:clean");
        assertThat(judged.get("reply-incomplete").truncation()).as("the reply's own reason")
                .isEqualTo("the stream ended without a finish reason");
        assertThat(judged.get("flagged").truncation()).as("a flag without a reason").isEqualTo("the reply was incomplete");
        assertThat(judged.get("unterminated").truncation()).as("a whole answer without [DONE]").isNull();
    }

    @Test
    void anHonestFailureIsNeverATruncatedSuccessWhateverTheUpstreamDid() {
        Map<String, ExchangeRecord> judged = judged();

        assertThat(List.of(judged.get("aborted"), judged.get("error-event"), judged.get("error-status")))
                .as("an aborted connection, an error event and an error status")
                .allSatisfy(e -> assertThat(e.truncated()).as("task %s truncated", e.taskId()).isFalse());
    }

    @Test
    void theCheckTheCountsAndTheWastedSpendAgree() {
        List<ExchangeRecord> judged = TruncatedAnswers.judged(exchanges, calls);

        CheckResult check = ConductChecks.evaluate(
                new Checks(List.of(new Check(CheckKind.NO_TRUNCATED_SUCCESS, true)), List.of()),
                ConductEvidence.of(calls, judged, ORIGIN), VerdictContext.ofPhaseNames(Set.of(), Duration.ofSeconds(30)))
                .conduct().checks().getFirst();
        CheckResult unjudged = ConductChecks.evaluate(
                new Checks(List.of(new Check(CheckKind.NO_TRUNCATED_SUCCESS, true)), List.of()),
                ConductEvidence.of(calls, exchanges, ORIGIN), VerdictContext.ofPhaseNames(Set.of(), Duration.ofSeconds(30)))
                .conduct().checks().getFirst();

        assertThat(check.observed()).as("truncated successes the check counts").isEqualTo("5");
        assertThat(check.passed()).as("the check").isFalse();
        assertThat(unjudged.observed()).as("the check judges the ledger itself, on records not yet judged").isEqualTo("5");
        assertThat(ExchangeCounts.of(judged).truncated()).as("truncated successes the summary counts").isEqualTo(5);
        assertThat(ExchangeCounts.of(judged).answered()).as("answered, truncated ones included").isEqualTo(7);
        assertThat(CostMeasure.measure(calls, judged, null).cost().wastedUsd())
                .as("wasted: the cut call passed on ($0.30) and the failed-over task's cut call ($0.10)")
                .isCloseTo(0.40, within(1e-9));
    }

    @Test
    void theCheckNamesTheFirstTruncatedSuccessAndWhy() {
        CheckResult check = ConductChecks.evaluate(
                new Checks(List.of(new Check(CheckKind.NO_TRUNCATED_SUCCESS, true)), List.of()),
                ConductEvidence.of(calls, TruncatedAnswers.judged(exchanges, calls), ORIGIN),
                VerdictContext.ofPhaseNames(Set.of(), Duration.ofSeconds(30))).conduct().checks().getFirst();

        assertThat(check.detail()).as("detail").isEqualTo("5 answers of 7 reached the caller as a success but"
                + " incomplete; e.g. task cut-passed-on, answered 200: the upstream stream that served it was cut:"
                + " primary sent 3 tokens (cut:abort)");
    }
}
