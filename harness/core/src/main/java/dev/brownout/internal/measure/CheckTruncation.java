package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.workload.Exchange;
import dev.brownout.reports.CheckResult;
import dev.brownout.scenario.Check;

import java.util.Optional;
import java.util.Set;

/**
 * {@code no_truncated_success}: no answered exchange the SUT did not flag truncated whose serving call (see
 * {@link LedgerTasks#serving}) the provider cut ({@code cut}) or broke with a mid-stream error
 * ({@code stream_error}). Observed: how many such exchanges there were.
 */
final class CheckTruncation {

    static final Set<CallOutcome> BROKEN = Set.of(CallOutcome.CUT, CallOutcome.STREAM_ERROR);

    private CheckTruncation() {
    }

    static CheckResult evaluate(Check check, boolean required, CheckInputs in) {
        if (!(Boolean) check.setting()) {
            return ConductChecks.turnedOff(check, required);
        }
        long answered = 0;
        long hidden = 0;
        ExchangeRecord first = null;
        ProviderCall firstCall = null;
        for (ExchangeRecord exchange : in.exchanges()) {
            if (!Exchange.ANSWERED.equals(exchange.outcome()) || exchange.truncated()) {
                continue;
            }
            answered++;
            Optional<ProviderCall> serving = in.tasks().serving(exchange.taskId());
            if (serving.isPresent() && BROKEN.contains(serving.get().outcome())) {
                hidden++;
                if (first == null) {
                    first = exchange;
                    firstCall = serving.get();
                }
            }
        }
        String detail = first == null
                ? "no answer presented as whole came from a cut stream (" + CheckText.plural(answered, "answer") + " checked)"
                : CheckText.plural(hidden, "answer") + " presented as whole came from a broken stream; e.g. task "
                + first.taskId() + ": " + firstCall.provider() + " ended its stream " + firstCall.outcome().label()
                + " after " + CheckText.plural(firstCall.outputTokens(), "token") + ", yet the SUT answered "
                + first.status() + " untruncated";
        return new CheckResult(check.kind().label(), required, CheckText.setting(check.setting()),
                Long.toString(hidden), hidden == 0, detail);
    }
}
