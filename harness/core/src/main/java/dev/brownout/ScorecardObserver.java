package dev.brownout;

import dev.brownout.reports.scorecard.ScorecardCell;

/**
 * Told of a scorecard's progress, cell by cell. With {@link ScorecardBuilder#parallelism(int)} above 1 it is called
 * from several threads at once, so an implementation that prints must synchronise.
 */
public interface ScorecardObserver {

    /** A cell's run is about to play. */
    default void cellStarted(String scenario, String sut) {
    }

    /** A cell is done: played and judged, or left without a verdict and the reason why. */
    default void cellFinished(ScorecardCell cell) {
    }
}
