package dev.brownout.internal.workload;

import dev.brownout.sut.SutReply;

import java.time.Duration;

/**
 * One task sent to the SUT and what came back. Times are nanoseconds from the run's start; latency is
 * measured from the intended send time, so a late driver or a stalled SUT cannot hide its delay
 * (no coordinated omission).
 *
 * @param outcome         {@code answered} (the caller got a success: a 2xx reply whose body ended cleanly, with or
 *                        without its terminator), {@code error} (what the caller's SDK raises: a non-2xx status, an
 *                        error event in the stream, a connection that broke off or any other failure of the call),
 *                        {@code timeout}, or {@code aborted} (the run was stopped while the exchange was in
 *                        flight: not the SUT's doing)
 * @param errorClass      the exception's class, {@code http_<status>} or {@code stream_error} (an error event) for
 *                        an error, else null
 * @param firstByte       time of the first answer byte, or -1 when unknown
 * @param truncated       answered, but the answer is incomplete as far as the reply shows: a truncated success
 * @param truncation      why it counts as truncated (see {@link ReplyCompleteness}), or null when it does not
 * @param finishReason    the finish reason the reply carried, or null
 * @param usage           the usage block the reply carried, or null
 * @param ending          how the reply's body ended, or null when the adapter cannot tell
 * @param malformedEvents stream events the adapter could not read and skipped
 */
public record Exchange(String taskId, long intended, long started, long firstByte, long ended, String outcome,
                       int status, String errorClass, String answer, String model, boolean truncated,
                       String truncation, String finishReason, SutReply.Usage usage, SutReply.Ending ending,
                       int malformedEvents) {

    /** An exchange without a reply to judge: an error without one, a timeout, an abort. */
    public Exchange(String taskId, long intended, long started, long firstByte, long ended, String outcome,
                    int status, String errorClass, String answer, String model, boolean truncated) {
        this(taskId, intended, started, firstByte, ended, outcome, status, errorClass, answer, model, truncated,
                null, null, null, null, 0);
    }

    public static final String ANSWERED = "answered";
    public static final String ERROR = "error";
    public static final String TIMEOUT = "timeout";
    public static final String ABORTED = "aborted";

    /** From the intended send time to the end of the exchange. */
    public Duration latency() {
        return Duration.ofNanos(ended - intended);
    }

    /** How late the driver actually sent it; small unless the machine itself is starved. */
    public Duration sendDelay() {
        return Duration.ofNanos(started - intended);
    }

    public boolean answered() {
        return ANSWERED.equals(outcome);
    }
}
