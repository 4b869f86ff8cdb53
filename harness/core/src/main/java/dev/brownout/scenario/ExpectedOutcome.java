package dev.brownout.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a well-behaved SUT does with the tasks due in a faulted phase. */
public enum ExpectedOutcome {
    /** it answers them, whatever the faults (the default) */
    ANSWER,
    /**
     * it returns a clean error: the fault is one that must reach the caller, such as a content-policy refusal,
     * which a gateway must not route round to another provider
     */
    ERROR;

    /** As scenario files write it: {@code answer}, {@code error}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ExpectedOutcome> fromLabel(String label) {
        return Arrays.stream(values()).filter(e -> e.label().equals(label)).findFirst();
    }
}
