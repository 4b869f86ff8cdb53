package dev.brownout.internal.measure;

import dev.brownout.internal.record.ProbeRecord;
import dev.brownout.internal.workload.Exchange;
import dev.brownout.reports.CheckResult;
import dev.brownout.scenario.Check;

import java.time.Duration;

/**
 * {@code alive_after D}: the one healthy request sent through the SUT after the run (the timeline over, every
 * exchange ended, every fault cleared) was answered within D, right or wrong: a wrong answer from a healthy model
 * is the model's doing, no answer is the SUT's. Observed: the probe's latency, or what became of it. A run that
 * sent no probe (it ended early: stopped, or the SUT process exited) fails, since nothing showed the SUT alive.
 */
final class CheckAliveAfter {

    private static final String PROBE = "the probe sent after the run, every fault cleared, ";

    private CheckAliveAfter() {
    }

    static CheckResult evaluate(Check check, boolean required, CheckInputs in) {
        Duration limit = (Duration) check.setting();
        String threshold = CheckText.setting(limit);
        ProbeRecord probe = in.probe();
        if (probe == null) {
            return new CheckResult(check.kind().label(), required, threshold, "not probed", false,
                    "no probe was sent: the run ended before its timeline did, so nothing showed the SUT alive");
        }
        if (!probe.answered()) {
            return new CheckResult(check.kind().label(), required, threshold, probe.outcome(), false,
                    PROBE + unanswered(probe));
        }
        boolean inTime = probe.latencyMs() <= limit.toNanos() / 1e6;
        String latency = CheckText.millis(probe.latencyMs());
        return new CheckResult(check.kind().label(), required, threshold, latency, inTime,
                PROBE + "was answered in " + latency + (probe.truncated() ? ", truncated" : "")
                        + (inTime ? "" : ", later than " + threshold));
    }

    private static String unanswered(ProbeRecord probe) {
        String bound = CheckText.millis(probe.boundMs());
        return switch (probe.outcome()) {
            case Exchange.TIMEOUT -> "got no answer within " + bound;
            case Exchange.ABORTED -> "was abandoned when the run was stopped";
            default -> "failed: " + (probe.errorClass() == null ? "status " + probe.status() : probe.errorClass())
                    + " after " + CheckText.millis(probe.latencyMs());
        };
    }
}
