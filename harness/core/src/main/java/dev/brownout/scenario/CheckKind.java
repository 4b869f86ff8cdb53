package dev.brownout.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The conduct checks a scenario can ask for, each with the kind of setting it takes. */
public enum CheckKind {
    /** At most this many provider calls for one task. */
    MAX_ATTEMPTS_PER_TASK(Setting.WHOLE_NUMBER),
    /** At most this many calls per second against one provider: no hammering. */
    MAX_ATTEMPTS_PER_SECOND(Setting.NUMBER),
    /** No retry before the {@code retry-after} a provider sent. */
    HONOURS_RETRY_AFTER(Setting.FLAG),
    /** No stream the provider cut presented to the user as a success. */
    NO_TRUNCATED_SUCCESS(Setting.FLAG),
    /** No task left without an answer or an error for longer than this. */
    NO_HANG_PAST(Setting.DURATION),
    /** The model the SUT claims served is the one that did. */
    CLAIMED_MODEL_MATCHES(Setting.FLAG),
    /** Every answer carries its usage (input and output tokens), whichever provider served it. */
    USAGE_REPORTED(Setting.FLAG),
    /** Healthy again within this long after the last fault ends. */
    RECOVERS_WITHIN(Setting.DURATION),
    /** A healthy request sent after the run, every fault cleared, is answered within this long. */
    ALIVE_AFTER(Setting.DURATION);

    /** The type of a check's setting: Boolean, Long, Double or Duration. */
    public enum Setting { FLAG, WHOLE_NUMBER, NUMBER, DURATION }

    private final Setting setting;

    CheckKind(Setting setting) {
        this.setting = setting;
    }

    public Setting setting() {
        return setting;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<CheckKind> fromLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label().equals(label)).findFirst();
    }
}
