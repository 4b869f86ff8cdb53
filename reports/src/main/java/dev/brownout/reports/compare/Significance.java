package dev.brownout.reports.compare;

/** Whether a change stands out from the noise, by the rule of its {@link Metric}. */
public enum Significance {
    /** worse by more than the noise */
    REGRESSION,
    /** better by more than the noise */
    IMPROVEMENT,
    /** no change, or a change within the noise */
    NONE,
    /** a figure is missing, or there is nothing to tell the noise by */
    UNKNOWN
}
