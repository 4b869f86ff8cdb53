package dev.brownout.reports.gate;

/** Which figure a gate judges when its metric comes with a 95% confidence interval (today: {@code iq_loss}). */
public enum Bound {
    /** the point estimate, as measured */
    POINT,
    /**
     * the worse end of the interval: the high end for {@code <} and {@code <=}, the low end for {@code >} and
     * {@code >=}, both ends for {@code ==}; a metric without an interval is judged on its value
     */
    PESSIMISTIC
}
