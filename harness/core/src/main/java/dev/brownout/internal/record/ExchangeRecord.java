package dev.brownout.internal.record;

import dev.brownout.reports.ReplyUsage;

/**
 * One line of {@code exchanges.jsonl}: a task, the phase it was due in, what the SUT did with it and its grade.
 * Times are milliseconds from the run's start; latency counts from the intended send time.
 *
 * @param phase           the phase whose planned span holds the intended send time
 * @param firstByteMs     when the first byte of the answer arrived, or null when unknown
 * @param truncated       answered, yet incomplete: a truncated success. As the exchange ended, from the reply alone;
 *                        the measurement adds what the providers' ledgers show
 * @param score           the task's grader on the answer, in [0, 1]; 0 for anything but an answer
 * @param truncation      why it counts as truncated, or null when it does not
 * @param finishReason    the finish reason the SUT's reply carried, or null
 * @param usage           the usage block the SUT's reply carried, or null
 * @param ending          how the reply's body ended ({@code whole_body}, {@code terminator}, {@code clean_end},
 *                        {@code error_event}), or null when the adapter cannot tell
 * @param malformedEvents stream events the adapter could not read and skipped
 */
public record ExchangeRecord(String taskId, String kind, String phase, double intendedMs, double startedMs,
                             Double firstByteMs, double endedMs, double latencyMs, String outcome, int status,
                             String errorClass, String model, boolean truncated, double score, String expected,
                             String answer, String prompt, String truncation, String finishReason, ReplyUsage usage,
                             String ending, int malformedEvents) {

    /** An exchange without what the reply showed of its ending, as hand-built runs and older logs have it. */
    public ExchangeRecord(String taskId, String kind, String phase, double intendedMs, double startedMs,
                          Double firstByteMs, double endedMs, double latencyMs, String outcome, int status,
                          String errorClass, String model, boolean truncated, double score, String expected,
                          String answer, String prompt) {
        this(taskId, kind, phase, intendedMs, startedMs, firstByteMs, endedMs, latencyMs, outcome, status, errorClass,
                model, truncated, score, expected, answer, prompt, null, null, null, null, 0);
    }

    /** The same exchange judged truncated for {@code reason}, or not truncated when it is null. */
    public ExchangeRecord withTruncation(String reason) {
        return new ExchangeRecord(taskId, kind, phase, intendedMs, startedMs, firstByteMs, endedMs, latencyMs, outcome,
                status, errorClass, model, reason != null, score, expected, answer, prompt, reason, finishReason, usage,
                ending, malformedEvents);
    }
}
