package dev.brownout.internal.measure;

import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.reports.CheckResult;
import dev.brownout.scenario.Check;

import java.time.Duration;

/**
 * {@code no_hang_past D}: no exchange took longer than D from its intended send time to its end, whatever its
 * outcome: a timeout counts with the latency at which the driver gave up, so a SUT that leaves a caller
 * waiting past a budget shorter than the driver's fails. Observed: the longest latency.
 */
final class CheckHang {

    private CheckHang() {
    }

    static CheckResult evaluate(Check check, boolean required, CheckInputs in) {
        Duration limit = (Duration) check.setting();
        double limitMillis = limit.toNanos() / 1e6;
        ExchangeRecord longest = null;
        long over = 0;
        for (ExchangeRecord exchange : in.exchanges()) {
            if (longest == null || exchange.latencyMs() > longest.latencyMs()) {
                longest = exchange;
            }
            over += exchange.latencyMs() > limitMillis ? 1 : 0;
        }
        if (longest == null) {
            return new CheckResult(check.kind().label(), required, CheckText.setting(limit), "no exchanges", true,
                    "the run sent no task");
        }
        String worst = "task " + longest.taskId() + " (" + longest.outcome() + ") took "
                + CheckText.millis(longest.latencyMs());
        String detail = over == 0 ? "the longest exchange: " + worst
                : CheckText.plural(over, "exchange") + " ran past " + CheckText.setting(limit) + "; the longest: " + worst;
        return new CheckResult(check.kind().label(), required, CheckText.setting(limit),
                CheckText.millis(longest.latencyMs()), over == 0, detail);
    }
}
