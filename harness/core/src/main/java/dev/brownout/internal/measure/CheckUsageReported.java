package dev.brownout.internal.measure;

import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.internal.workload.Exchange;
import dev.brownout.reports.CheckResult;
import dev.brownout.scenario.Check;

/**
 * {@code usage_reported}: every answered reply carried a usage block with its input and output tokens, so whoever
 * pays for or meters the traffic can, also when a fallback served it. It reads what the SUT adapter received
 * ({@code usage} in the exchange): the OpenAI, Anthropic and Gemini adapters record it (the OpenAI one asks for it in a
 * stream with {@code stream_options.include_usage}); a command or a plain HTTP SUT gives none, so this check is for
 * SUTs that speak a provider's API. Observed: how many answers came without it.
 */
final class CheckUsageReported {

    private CheckUsageReported() {
    }

    static CheckResult evaluate(Check check, boolean required, CheckInputs in) {
        if (!(Boolean) check.setting()) {
            return ConductChecks.turnedOff(check, required);
        }
        long answered = 0;
        long missing = 0;
        String example = null;
        for (ExchangeRecord exchange : in.exchanges()) {
            if (!Exchange.ANSWERED.equals(exchange.outcome())) {
                continue;
            }
            answered++;
            if (exchange.usage() == null || exchange.usage().inputTokens() == null
                    || exchange.usage().outputTokens() == null) {
                missing++;
                if (example == null) {
                    example = "task " + exchange.taskId() + (exchange.usage() == null ? " had no usage block"
                            : " had a usage block without " + (exchange.usage().inputTokens() == null ? "input" : "output")
                            + " tokens");
                }
            }
        }
        String detail = missing == 0 ? "every answer reported its usage (" + CheckText.plural(answered, "answer") + ")"
                : CheckText.plural(missing, "answer") + " of " + answered + " reported no usage; e.g. " + example;
        return new CheckResult(check.kind().label(), required, CheckText.setting(check.setting()), Long.toString(missing),
                missing == 0, detail);
    }
}
