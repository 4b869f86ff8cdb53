package dev.brownout.fakes.behaviour;

import java.util.List;

/**
 * Everything that makes a provider misbehave, replaced whole through the admin API. An empty behaviour
 * serves every request correctly at the model's own pace.
 */
public record ProviderBehaviour(List<Fault> faults, RateLimit rateLimit) {

    public ProviderBehaviour {
        if (faults != null && faults.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("faults: an entry is null");
        }
        faults = faults == null ? List.of() : List.copyOf(faults);
        rateLimit = rateLimit == null ? RateLimit.defaults() : rateLimit;
    }

    public static ProviderBehaviour healthy() {
        return new ProviderBehaviour(List.of(), RateLimit.defaults());
    }

    public static ProviderBehaviour of(Fault... faults) {
        return new ProviderBehaviour(List.of(faults), RateLimit.defaults());
    }

    public ProviderBehaviour withRateLimit(RateLimit limit) {
        return new ProviderBehaviour(faults, limit);
    }
}
