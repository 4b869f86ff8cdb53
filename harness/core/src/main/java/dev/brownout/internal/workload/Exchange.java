package dev.brownout.internal.workload;

import java.time.Duration;

/**
 * One task sent to the SUT and what came back. Times are nanoseconds from the run's start; latency is
 * measured from the intended send time, so a late driver or a stalled SUT cannot hide its delay
 * (no coordinated omission).
 *
 * @param outcome    {@code answered}, {@code error} (the SUT failed or answered a non-2xx status), {@code timeout},
 *                   or {@code aborted} (the run was stopped while the exchange was in flight: not the SUT's doing)
 * @param errorClass the exception's class or {@code http_<status>} for an error, else null
 * @param firstByte  time of the first answer byte, or -1 when unknown
 * @param truncated  the SUT's answer stream ended without its terminator (a cut answer presented as whole)
 */
public record Exchange(String taskId, long intended, long started, long firstByte, long ended, String outcome,
                       int status, String errorClass, String answer, String model, boolean truncated) {

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
