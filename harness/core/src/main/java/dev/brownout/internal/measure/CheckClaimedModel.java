package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.workload.Exchange;
import dev.brownout.reports.CheckResult;
import dev.brownout.scenario.Check;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code claimed_model_matches}: for every answered exchange, the model the SUT named is the one that really
 * served the task's serving call (see {@link LedgerTasks#serving}), per the provider's ledger. Names match
 * ignoring case, and a claim may carry a routing prefix ({@code openai/mid} matches {@code mid}). An answer
 * that names no model, or whose task has no call answered with 200, cannot be judged and is only counted in
 * the detail. Observed: how many answers named the wrong model.
 */
final class CheckClaimedModel {

    private CheckClaimedModel() {
    }

    static CheckResult evaluate(Check check, boolean required, CheckInputs in) {
        if (!(Boolean) check.setting()) {
            return ConductChecks.turnedOff(check, required);
        }
        long judged = 0;
        long unclaimed = 0;
        long unserved = 0;
        long mismatches = 0;
        String example = null;
        for (ExchangeRecord exchange : in.exchanges()) {
            if (!Exchange.ANSWERED.equals(exchange.outcome())) {
                continue;
            }
            Optional<ProviderCall> serving = in.tasks().serving(exchange.taskId());
            if (exchange.model() == null || exchange.model().isBlank()) {
                unclaimed++;
            } else if (serving.isEmpty()) {
                unserved++;
            } else {
                judged++;
                String served = CostMeasure.modelOf(serving.get());
                if (!matches(exchange.model(), served)) {
                    mismatches++;
                    if (example == null) {
                        example = "task " + exchange.taskId() + " was claimed as " + exchange.model() + " but "
                                + serving.get().provider() + " served it with " + served;
                    }
                }
            }
        }
        StringBuilder detail = new StringBuilder(example != null ? CheckText.plural(mismatches, "answer") + " named the"
                + " wrong model; e.g. " + example
                : "every judged answer named the model that served it (" + CheckText.plural(judged, "answer") + ")");
        if (unclaimed > 0) {
            detail.append("; ").append(CheckText.plural(unclaimed, "answer")).append(" named no model");
        }
        if (unserved > 0) {
            detail.append("; ").append(CheckText.plural(unserved, "answer"))
                    .append(" had no provider call answered with 200");
        }
        return new CheckResult(check.kind().label(), required, CheckText.setting(check.setting()),
                Long.toString(mismatches), mismatches == 0, detail.toString());
    }

    static boolean matches(String claimed, String served) {
        String c = claimed.trim().toLowerCase(Locale.ROOT);
        String s = served.toLowerCase(Locale.ROOT);
        return c.equals(s) || c.endsWith("/" + s);
    }
}
