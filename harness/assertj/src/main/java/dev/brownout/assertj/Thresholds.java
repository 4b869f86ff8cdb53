package dev.brownout.assertj;

import java.time.Duration;

/** The checks on what a test passes to an assertion: a mistake there is the test's bug, so it throws, never fails. */
final class Thresholds {

    private Thresholds() {
    }

    /**
     * @throws IllegalArgumentException for anything but a fraction from 0 to 1; the message shows how to write 5%
     */
    static double fraction(double value, String what) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " is a fraction between 0 and 1 (0.05 for 5%), not " + value);
        }
        return value;
    }

    /** @throws IllegalArgumentException for a null, zero or negative duration */
    static Duration positive(Duration value, String what) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " is a duration above zero, e.g. Duration.ofSeconds(8), not " + value);
        }
        return value;
    }

    /** @throws IllegalArgumentException for a null or blank name */
    static String name(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is needed, not " + (value == null ? "null" : "a blank string"));
        }
        return value;
    }
}
