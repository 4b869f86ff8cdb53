package dev.brownout.fakes.catalog;

import java.util.List;

/**
 * One model a fake provider can serve.
 *
 * @param id            the name clients put in {@code model}
 * @param tier          {@code frontier}, {@code mid}, {@code small} or another label
 * @param capability    probability of answering a difficulty-1 canary correctly, in [0, 1]
 * @param latency       time to first token and output rate
 * @param price         USD per 1M input and output tokens
 * @param contextWindow the largest prompt plus output, in tokens
 * @param source        where the seed figures came from, for the reader of the catalog
 */
public record ModelProfile(String id, String tier, double capability, LatencyProfile latency, Price price,
                           int contextWindow, List<String> aliases, String source) {

    public ModelProfile {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a model needs an id");
        }
        if (!(capability >= 0 && capability <= 1)) {
            throw new IllegalArgumentException("model '" + id + "': capability must be in [0, 1], was " + capability);
        }
        if (latency == null || price == null) {
            throw new IllegalArgumentException("model '" + id + "' needs a latency profile and a price");
        }
        if (contextWindow < 1) {
            throw new IllegalArgumentException("model '" + id + "': context_window must be >= 1");
        }
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        tier = tier == null ? "custom" : tier;
        source = source == null ? "" : source;
    }

    /** This model with its pace on a clock {@code factor} times as long; see {@link LatencyProfile#scaled}. */
    public ModelProfile paced(double factor) {
        return new ModelProfile(id, tier, capability, latency.scaled(factor), price, contextWindow, aliases, source);
    }
}
