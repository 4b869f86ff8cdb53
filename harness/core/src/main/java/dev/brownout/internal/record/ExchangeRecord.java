package dev.brownout.internal.record;

/**
 * One line of {@code exchanges.jsonl}: a task, the phase it was due in, what the SUT did with it and its grade.
 * Times are milliseconds from the run's start; latency counts from the intended send time.
 *
 * @param phase       the phase whose planned span holds the intended send time
 * @param firstByteMs when the first byte of the answer arrived, or null when unknown
 * @param score       the task's grader on the answer, in [0, 1]; 0 for anything but an answer
 */
public record ExchangeRecord(String taskId, String kind, String phase, double intendedMs, double startedMs,
                             Double firstByteMs, double endedMs, double latencyMs, String outcome, int status,
                             String errorClass, String model, boolean truncated, double score, String expected,
                             String answer, String prompt) {
}
