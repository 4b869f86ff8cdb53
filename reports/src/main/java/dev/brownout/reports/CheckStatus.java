package dev.brownout.reports;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a conduct check found. */
public enum CheckStatus {
    /** the run stayed within the check's threshold */
    PASS("pass"),
    /** the run went past the check's threshold */
    FAIL("fail"),
    /**
     * not judged: the check needs a capability the SUT declares it does not have (a fallback, streaming), or a figure
     * the run could not measure ({@code recovers_within} without a baseline)
     */
    NOT_APPLICABLE("n/a");

    private final String label;

    CheckStatus(String label) {
        this.label = label;
    }

    /** As result.json writes it: {@code pass}, {@code fail} or {@code n/a}. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The status result.json names; an unknown one is refused, naming the known ones. */
    @JsonCreator
    public static CheckStatus fromLabel(String label) {
        for (CheckStatus status : values()) {
            if (status.label.equals(label)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown check status '" + label + "'; known: pass, fail, n/a");
    }
}
