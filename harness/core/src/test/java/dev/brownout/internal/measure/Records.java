package dev.brownout.internal.measure;

import dev.brownout.internal.record.ExchangeRecord;

/** Exchange records as the driver writes them, for hand-built runs. */
final class Records {

    private Records() {
    }

    /** Answered at {@code intendedMs}, started on time, first byte after 50 ms, ended after 100 ms. */
    static ExchangeRecord answered(String taskId, String phase, double intendedMs, double score) {
        return exchange(taskId, phase, intendedMs, intendedMs + 100, "answered", 200, null, false, score);
    }

    static ExchangeRecord truncated(String taskId, String phase, double intendedMs, double score) {
        return exchange(taskId, phase, intendedMs, intendedMs + 100, "answered", 200, null, true, score);
    }

    static ExchangeRecord error(String taskId, String phase, double intendedMs) {
        return exchange(taskId, phase, intendedMs, intendedMs + 100, "error", 502, "HttpError", false, 0);
    }

    static ExchangeRecord timeout(String taskId, String phase, double intendedMs) {
        return exchange(taskId, phase, intendedMs, intendedMs + 100, "timeout", 0, "Timeout", false, 0);
    }

    static ExchangeRecord aborted(String taskId, String phase, double intendedMs) {
        return exchange(taskId, phase, intendedMs, intendedMs + 100, "aborted", 0, null, false, 0);
    }

    /** Started on time, first byte 50 ms later, ended at {@code endedMs}; latency counts from the intended time. */
    static ExchangeRecord exchange(String taskId, String phase, double intendedMs, double endedMs, String outcome,
                                   int status, String errorClass, boolean truncated, double score) {
        boolean answered = "answered".equals(outcome);
        return new ExchangeRecord(taskId, "canary", phase, intendedMs, intendedMs,
                answered ? Double.valueOf(intendedMs + 50) : null, endedMs, endedMs - intendedMs, outcome, status,
                errorClass, answered ? "frontier-1" : null, truncated, score, "42", answered ? "42" : null,
                "what is 6 x 7?");
    }

    /** Answered, with explicit send, first-byte and end times, as the driver writes a late exchange. */
    static ExchangeRecord answeredLate(String taskId, String phase, double intendedMs, double startedMs,
                                       double firstByteMs, double endedMs) {
        return new ExchangeRecord(taskId, "canary", phase, intendedMs, startedMs, firstByteMs, endedMs,
                endedMs - intendedMs, "answered", 200, null, "frontier-1", false, 1.0, "42", "42", "what is 6 x 7?");
    }
}
