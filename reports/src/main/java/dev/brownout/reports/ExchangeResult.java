package dev.brownout.reports;

import java.util.List;

/**
 * One exchange: the task, what the SUT did, what the providers did for it, and its grade against its
 * baseline twin. Times are milliseconds from the run's start; latency counts from the intended send time.
 *
 * @param claimedModel  the model the SUT's answer named
 * @param servedBy      {@code provider/model} of every provider call made for this task, in ledger order
 * @param baselineScore the same task's score in the baseline, or null without one
 * @param cause         why it scored below its twin, or null when it did not
 */
public record ExchangeResult(String taskId, String kind, String phase, double intendedMs, double startedMs,
                             Double firstByteMs, double endedMs, double latencyMs, String outcome, int status,
                             String errorClass, String claimedModel, List<String> servedBy, boolean truncated,
                             double score, Double baselineScore, Cause cause, String expected, String prompt,
                             String answer) {

    public ExchangeResult {
        servedBy = servedBy == null ? List.of() : List.copyOf(servedBy);
    }
}
