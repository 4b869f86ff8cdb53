package dev.brownout.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Something a system under test may or may not be able to do, which some conduct checks need. A scenario says
 * which of its checks need which capability ({@link Checks#capabilitiesFor}); a SUT file declares what the SUT
 * has ({@code capabilities:}). A check that needs a capability the SUT declares it lacks is not judged (n/a).
 */
public enum SutCapability {
    /** it can answer from another provider or model when one fails */
    FALLBACK,
    /** it streams answers to its caller */
    STREAMING;

    /** As scenario and SUT files write it: {@code fallback}, {@code streaming}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The capability a file names, if any. */
    public static Optional<SutCapability> fromLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label().equals(label)).findFirst();
    }
}
