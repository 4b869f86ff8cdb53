package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.workload.Exchange;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which answers were truncated successes: exchanges their caller got as a success ({@code answered}) whose
 * answer is incomplete. An answered exchange is one when the upstream call that served it (see
 * {@link LedgerTasks#serving}) ended {@code cut} (a cut, or a stall that ended the stream) or {@code stream_error},
 * or when the reply itself failed its completeness check as the exchange ended (its {@code truncation}; see
 * {@code ReplyCompleteness}). An exchange that was not answered never is one: an error event, a broken
 * connection or an error status is an honest failure.
 */
public final class TruncatedAnswers {

    /** How a serving call ends when the answer it carried cannot have been whole. */
    static final Set<CallOutcome> BROKEN = Set.of(CallOutcome.CUT, CallOutcome.STREAM_ERROR);

    private TruncatedAnswers() {
    }

    /** The exchanges, each judged: {@code truncated} and {@code truncation} set by {@link #reason}. */
    public static List<ExchangeRecord> judged(List<ExchangeRecord> exchanges, List<ProviderCall> calls) {
        LedgerTasks tasks = new LedgerTasks(calls);
        return exchanges.stream().map(exchange -> exchange.withTruncation(reason(exchange, tasks))).toList();
    }

    /**
     * Why the exchange is a truncated success, or null when it is not: the ledger's evidence first (it names the
     * provider and what it sent), else the reply's own reason.
     */
    static String reason(ExchangeRecord exchange, LedgerTasks tasks) {
        if (!Exchange.ANSWERED.equals(exchange.outcome())) {
            return null;
        }
        Optional<ProviderCall> serving = tasks.serving(exchange.taskId());
        if (serving.isPresent() && BROKEN.contains(serving.get().outcome())) {
            return upstream(serving.get());
        }
        if (exchange.truncation() != null) {
            return exchange.truncation();
        }
        return exchange.truncated() ? "the reply was incomplete" : null;
    }

    private static String upstream(ProviderCall call) {
        String how = call.outcome() == CallOutcome.CUT ? "was cut" : "ended in an error event";
        String faults = call.faults().isEmpty() ? "" : " (" + String.join(", ", call.faults()) + ")";
        return "the upstream stream that served it " + how + ": " + call.provider() + " sent "
                + CheckText.plural(call.outputTokens(), "token") + faults;
    }
}
