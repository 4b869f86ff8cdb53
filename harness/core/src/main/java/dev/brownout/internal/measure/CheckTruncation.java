package dev.brownout.internal.measure;

import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.workload.Exchange;
import dev.brownout.reports.CheckResult;
import dev.brownout.scenario.Check;

/**
 * {@code no_truncated_success}: no truncated success, that is no answered exchange whose answer is incomplete
 * (see {@link TruncatedAnswers}: the upstream call that served it was cut or broke, or the reply failed its
 * completeness check). Whether the SUT's stream carried its terminator makes no difference: an SDK hands a
 * stream that simply ends to its user as a finished answer. Observed: how many there were.
 */
final class CheckTruncation {

    private CheckTruncation() {
    }

    static CheckResult evaluate(Check check, boolean required, CheckInputs in) {
        if (!(Boolean) check.setting()) {
            return ConductChecks.turnedOff(check, required);
        }
        long answered = 0;
        long truncated = 0;
        ExchangeRecord first = null;
        String firstReason = null;
        for (ExchangeRecord exchange : in.exchanges()) {
            if (!Exchange.ANSWERED.equals(exchange.outcome())) {
                continue;
            }
            answered++;
            String reason = TruncatedAnswers.reason(exchange, in.tasks());
            if (reason != null) {
                truncated++;
                if (first == null) {
                    first = exchange;
                    firstReason = reason;
                }
            }
        }
        String detail = first == null
                ? "no answer was a truncated success (" + CheckText.plural(answered, "answer") + " checked)"
                : CheckText.plural(truncated, "answer") + " of " + answered + " reached the caller as a success but"
                + " incomplete; e.g. task " + first.taskId() + ", answered " + first.status() + ": " + firstReason;
        return new CheckResult(check.kind().label(), required, CheckText.setting(check.setting()),
                Long.toString(truncated), truncated == 0, detail);
    }
}
