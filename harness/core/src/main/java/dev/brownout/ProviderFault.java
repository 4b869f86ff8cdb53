package dev.brownout;

import dev.brownout.fakes.behaviour.Fault;

import java.util.List;
import java.util.Objects;

/**
 * One HTTP-level fault a fake provider serves, made by {@link Faults}: by default on every request and every
 * model; {@link #probability(double)} and {@link #onModels(String...)} narrow it. Immutable: each method
 * returns a new fault.
 */
public final class ProviderFault {

    /** Builds the provider's own fault record from a probability (null: always) and models (null: all). */
    @FunctionalInterface
    interface Maker {
        Fault make(Double probability, List<String> models);
    }

    private final String kind;
    private final Maker maker;
    private final Double probability;
    private final List<String> models;

    private ProviderFault(String kind, Maker maker, Double probability, List<String> models) {
        this.kind = kind;
        this.maker = maker;
        this.probability = probability;
        this.models = models;
    }

    static ProviderFault of(String kind, Maker maker) {
        ProviderFault fault = new ProviderFault(kind, maker, null, null);
        fault.toFault();
        return fault;
    }

    /**
     * Serves the fault on this share of requests, drawn from the world's seeded random.
     *
     * @throws IllegalArgumentException unless {@code share} is between 0 and 1
     */
    public ProviderFault probability(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(kind + ": a probability is between 0 and 1, was " + share);
        }
        return new ProviderFault(kind, maker, share, models);
    }

    /** Serves the fault only on requests for these models (the ids the provider's catalog names). */
    public ProviderFault onModels(String... modelIds) {
        Objects.requireNonNull(modelIds, "model ids");
        if (modelIds.length == 0) {
            throw new IllegalArgumentException(kind + ": name at least one model, or leave the fault on every model");
        }
        return new ProviderFault(kind, maker, probability, List.of(modelIds));
    }

    Fault toFault() {
        return maker.make(probability, models);
    }

    @Override
    public String toString() {
        return kind + (probability == null ? "" : " p=" + probability) + (models == null ? "" : " on " + models);
    }
}
