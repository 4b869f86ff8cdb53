package dev.brownout.reports;

import java.util.List;

/**
 * One exchange: the task, what the SUT did, what the providers did for it, and its grade against its
 * baseline twin. Times are milliseconds from the run's start; latency counts from the intended send time.
 *
 * @param outcome         {@code answered} (the caller got a success), {@code error}, {@code timeout} or
 *                        {@code aborted}; see {@code docs/measurement.md}
 * @param claimedModel    the model the SUT's answer named
 * @param servedBy        {@code provider/model} of every provider call made for this task, in ledger order
 * @param truncated       answered, yet incomplete: a truncated success
 * @param baselineScore   the same task's score in the baseline, or null without one
 * @param cause           why it scored below its twin, or null when it did not
 * @param truncation      why it counts as truncated, or null when it does not
 * @param finishReason    the finish reason the SUT's reply carried, or null
 * @param usage           the usage block the SUT's reply carried, or null
 * @param ending          how the reply's body ended ({@code whole_body}, {@code terminator}, {@code clean_end},
 *                        {@code error_event}), or null when the adapter cannot tell
 * @param malformedEvents stream events the adapter could not read and skipped
 */
public record ExchangeResult(String taskId, String kind, String phase, double intendedMs, double startedMs,
                             Double firstByteMs, double endedMs, double latencyMs, String outcome, int status,
                             String errorClass, String claimedModel, List<String> servedBy, boolean truncated,
                             double score, Double baselineScore, Cause cause, String expected, String prompt,
                             String answer, String truncation, String finishReason, ReplyUsage usage, String ending,
                             int malformedEvents) {

    public ExchangeResult {
        servedBy = servedBy == null ? List.of() : List.copyOf(servedBy);
    }

    /** An exchange without what the reply showed of its ending (no truncation reason, finish reason, usage). */
    public ExchangeResult(String taskId, String kind, String phase, double intendedMs, double startedMs,
                          Double firstByteMs, double endedMs, double latencyMs, String outcome, int status,
                          String errorClass, String claimedModel, List<String> servedBy, boolean truncated,
                          double score, Double baselineScore, Cause cause, String expected, String prompt,
                          String answer) {
        this(taskId, kind, phase, intendedMs, startedMs, firstByteMs, endedMs, latencyMs, outcome, status, errorClass,
                claimedModel, servedBy, truncated, score, baselineScore, cause, expected, prompt, answer, null, null,
                null, null, 0);
    }
}
