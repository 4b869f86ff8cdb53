package dev.brownout.reports;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Why an exchange scored below its baseline twin. */
public enum Cause {
    ERROR,
    TIMEOUT,
    /** served by a weaker model than in the baseline, per the providers' ledgers */
    DOWNGRADE,
    /** an answer cut short or corrupted */
    DEGRADED,
    OTHER;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Cause fromLabel(String label) {
        for (Cause cause : values()) {
            if (cause.label().equals(label)) {
                return cause;
            }
        }
        throw new IllegalArgumentException("unknown cause '" + label + "'; known: error, timeout, downgrade, degraded, other");
    }
}
