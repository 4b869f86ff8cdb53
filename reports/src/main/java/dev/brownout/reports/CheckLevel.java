package dev.brownout.reports;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How much a conduct check counts towards the verdict, as the scenario declares it. */
public enum CheckLevel {
    /** a failure fails the verdict */
    REQUIRED,
    /** a failure makes an answered run {@code partial} */
    ADVISORY,
    /** shown in the reports, never scored */
    INFORMATIONAL;

    /** As result.json writes it: {@code required}, {@code advisory} or {@code informational}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level result.json names; an unknown one is refused, naming the known ones. */
    @JsonCreator
    public static CheckLevel fromLabel(String label) {
        for (CheckLevel level : values()) {
            if (level.label().equals(label)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown check level '" + label + "'; known: required, advisory, informational");
    }
}
