package dev.brownout;

import dev.brownout.internal.run.BaselineChoice;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a measured run is compared against to give its IQ loss: the same scenario played first without any
 * fault ({@link #auto()}), a stored result of an earlier run ({@link #stored(Path)}), or nothing
 * ({@link #none()}: IQ loss, its attribution and cost amplification are then unknown, never zero).
 */
public final class Baseline {

    private final BaselineChoice choice;

    private Baseline(BaselineChoice choice) {
        this.choice = choice;
    }

    /** The same workload, seed, clock and load with every phase clean and every provider healthy, played first. */
    public static Baseline auto() {
        return new Baseline(BaselineChoice.auto());
    }

    /** No baseline: the run reports quality, availability, latency and cost, but no IQ loss. */
    public static Baseline none() {
        return new Baseline(BaselineChoice.none());
    }

    /**
     * A stored {@code result.json} (or the run folder holding one) of the same scenario, seed and scales.
     *
     * @throws IllegalArgumentException when there is no result at {@code result}
     */
    public static Baseline stored(Path result) {
        Objects.requireNonNull(result, "a stored baseline needs the path of a result.json or its run folder");
        return new Baseline(BaselineChoice.stored(result));
    }

    /**
     * {@code auto}, {@code none}, or the path of a stored result, as the command line's {@code --baseline} takes.
     *
     * @throws IllegalArgumentException for anything else, naming the valid choices
     */
    public static Baseline parse(String text) {
        Objects.requireNonNull(text, "a baseline: auto, none, or the path of a stored result.json");
        return new Baseline(BaselineChoice.parse(text));
    }

    BaselineChoice choice() {
        return choice;
    }

    @Override
    public String toString() {
        return switch (choice.mode()) {
            case AUTO -> "auto";
            case NONE -> "none";
            case FILE -> choice.file().toString();
        };
    }
}
