package dev.brownout.reports.compare;

import dev.brownout.reports.Verdict;

import java.time.Instant;

/**
 * Which run one side of a comparison is.
 *
 * @param label         how the reports name it, e.g. the result file it was read from
 * @param completed     whether its whole timeline played
 * @param verdict       its conduct verdict; null when it has none (it never started)
 * @param verdictReason why its verdict is what it is; null when the run recorded no reason
 */
public record ComparedRun(String label, String scenario, long seed, double timeScale, double loadScale,
                          String sut, Instant startedAt, boolean completed, Verdict verdict, String verdictReason) {

    /** A side whose conduct verdict is not known. */
    public ComparedRun(String label, String scenario, long seed, double timeScale, double loadScale, String sut,
                       Instant startedAt, boolean completed) {
        this(label, scenario, seed, timeScale, loadScale, sut, startedAt, completed, null, null);
    }

    /** The verdict as the reports write it, {@code no verdict} when there is none. */
    public String verdictLabel() {
        return verdict == null ? "no verdict" : verdict.label();
    }
}
