package dev.brownout.reports.compare;

/** Which way a figure moved from the run before to the run after, knowing whether higher is better. */
public enum Direction {
    BETTER,
    WORSE,
    /** the same figure in both runs */
    SAME,
    /** a figure is missing in one run or both: nothing can be said */
    UNKNOWN
}
