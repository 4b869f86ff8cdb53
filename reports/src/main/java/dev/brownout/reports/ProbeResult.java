package dev.brownout.reports;

import dev.brownout.reports.format.Figures;

import java.util.List;

/**
 * The probe after the run: once the timeline had ended and every fault was cleared, one healthy graded request
 * went through the system under test, bounded, to see whether it was still alive (the conduct check
 * {@code alive_after}). It is not one of the run's exchanges and counts in none of their figures. Times are
 * milliseconds from the run's start, as the exchanges' are.
 *
 * @param sentAtMs     when the probe left
 * @param boundMs      how long it was given before it counted as a timeout
 * @param outcome      {@code answered}, {@code error}, {@code timeout}, or {@code aborted} (the run was stopped meanwhile)
 * @param status       the status the SUT answered, or 0 when it gave none
 * @param errorClass   the exception's class or {@code http_<status>} for an error, {@code timeout}, else null
 * @param latencyMs    from the probe's send to its end
 * @param claimedModel the model the SUT's answer named, or null
 * @param servedBy     {@code provider/model} of every provider call made for the probe, in ledger order
 * @param score        the task's grader on the answer, in [0, 1]; 0 for anything but an answer
 * @param correct      the answer scored full marks
 */
public record ProbeResult(String taskId, double sentAtMs, long boundMs, String outcome, int status, String errorClass,
                          double latencyMs, String claimedModel, List<String> servedBy, boolean truncated,
                          double score, boolean correct) {

    /** What reports show for a result without a probe. */
    public static final String NOT_SENT = "not probed: the run ended before its timeline did";

    public ProbeResult {
        servedBy = servedBy == null ? List.of() : List.copyOf(servedBy);
    }

    /** Whether the SUT answered the probe within its bound. */
    public boolean answered() {
        return "answered".equals(outcome);
    }

    /**
     * What became of the probe in a few words, the same in every report: {@code answered in 182ms, correct},
     * {@code no answer within 2s}, {@code error (http_503) after 12ms}.
     */
    public String description() {
        return switch (outcome) {
            case "answered" -> "answered in " + Figures.millis(latencyMs) + (correct ? ", correct" : ", wrong answer")
                    + (truncated ? ", truncated" : "");
            case "timeout" -> "no answer within " + Figures.millis(boundMs);
            case "aborted" -> "abandoned when the run was stopped";
            default -> "error (" + (errorClass == null ? "status " + status : errorClass) + ") after "
                    + Figures.millis(latencyMs);
        };
    }
}
