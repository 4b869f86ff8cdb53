package dev.brownout.scenario;

/** What a gate's threshold counts, and so how it is written and stored. */
public enum GateUnit {
    /** Written {@code 5%}; stored as the fraction 0.05. */
    PERCENT,
    /** Written {@code 8s}, {@code 250ms}, {@code 2m}; stored in seconds. */
    DURATION,
    /** Written {@code 1.3} or {@code 1.3x}; a plain ratio. */
    RATIO,
    /** Written {@code $2.50}; US dollars. */
    USD,
    /** Written {@code 0}; a whole number of occurrences. */
    COUNT
}
