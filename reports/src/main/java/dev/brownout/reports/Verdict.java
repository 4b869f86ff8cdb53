package dev.brownout.reports;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How the SUT behaved under the scenario. */
public enum Verdict {
    /** every check passed */
    PASS,
    /** every required check passed, an advisory one failed */
    PARTIAL,
    /** no answer, but a bounded, clean error and every required check passed */
    SAFE,
    /** a required check failed */
    FAIL;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Verdict fromLabel(String label) {
        for (Verdict verdict : values()) {
            if (verdict.label().equals(label)) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("unknown verdict '" + label + "'; known: pass, partial, safe, fail");
    }
}
