package dev.brownout.reports.compare;

import java.time.Instant;

/**
 * Which run one side of a comparison is.
 *
 * @param label     how the reports name it, e.g. the result file it was read from
 * @param completed whether its whole timeline played
 */
public record ComparedRun(String label, String scenario, long seed, double timeScale, double loadScale,
                          String sut, Instant startedAt, boolean completed) {
}
