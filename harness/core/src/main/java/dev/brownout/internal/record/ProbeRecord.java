package dev.brownout.internal.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code probe.json}: the one healthy request sent through the SUT after the timeline ended and every fault was
 * cleared, to see whether the SUT is still alive. It is kept apart from the exchanges and never counts in their
 * figures. Times are milliseconds from the run's start, as the exchanges' are.
 *
 * @param sentAtMs  when the probe left
 * @param boundMs   how long it was given before it counted as a timeout
 * @param outcome   {@code answered}, {@code error}, {@code timeout} or {@code aborted} (the run was stopped meanwhile)
 * @param status    the status the SUT answered, or 0 when it gave none
 * @param errorClass the exception's class or {@code http_<status>} for an error, {@code timeout}, else null
 * @param latencyMs from the probe's send to its end
 * @param model     the model the SUT's answer named, or null
 * @param score     the task's grader on the answer, in [0, 1]; 0 for anything but an answer
 * @param ledgerStart each provider's last ledger sequence number before the probe left: the probe's calls follow it
 */
public record ProbeRecord(String taskId, double sentAtMs, long boundMs, String outcome, int status, String errorClass,
                          double latencyMs, String model, boolean truncated, double score, Map<String, Long> ledgerStart) {

    public ProbeRecord {
        ledgerStart = ledgerStart == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ledgerStart));
    }

    /** Whether the SUT answered the probe within its bound. */
    public boolean answered() {
        return "answered".equals(outcome);
    }
}
