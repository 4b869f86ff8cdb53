package dev.brownout.reports;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How the SUT behaved under the scenario, per faulted phase and per run; the rules are in docs/measurement.md. */
public enum Verdict {
    /** it answered through the faults (within the availability margin of the baseline) and every required check held */
    PASS,
    /** it answered, but an advisory check failed, or it answered where the scenario expects a clean error */
    PARTIAL,
    /** it did not answer, but every task it did not answer ended in a clean error within the budget */
    SAFE,
    /** a required check failed, or a task it did not answer hung past the budget */
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
