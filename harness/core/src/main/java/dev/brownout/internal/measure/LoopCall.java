package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;

import java.math.BigDecimal;

/**
 * What a multi-step task's trace needs of one provider call: the step it was made at (the tool results its
 * conversation held), the tool its reply called, and how it ended.
 *
 * @param step     the request's step; null when the ledger did not record one (not a task request)
 * @param toolCall the tool the reply called; null when it answered in text or not at all
 */
record LoopCall(Integer step, String toolCall, int status, CallOutcome outcome, BigDecimal costUsd) {

    static LoopCall of(ProviderCall call) {
        return new LoopCall(call.toolStep(), call.toolCall(), call.status(), call.outcome(), call.costUsd());
    }

    /** A call that gave its caller a whole answer: status 200 and sent complete. */
    boolean succeeded() {
        return status == 200 && outcome == CallOutcome.COMPLETE;
    }

    /** How a failed call failed: its status, or for a 200, how the reply ended. */
    String failure() {
        return status != 200 ? String.valueOf(status) : outcome.label();
    }
}
