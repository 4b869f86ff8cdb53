package dev.brownout.fakes.behaviour;

import java.util.List;

/** Silent quality brownout: capability is multiplied by {@code capability_multiplier}; nothing else changes. */
public record QualityFault(Double capabilityMultiplier, Double probability, List<String> models,
                           List<Integer> attempts, FaultCondition when) implements Fault {

    public QualityFault {
        if (capabilityMultiplier == null || !(capabilityMultiplier >= 0 && capabilityMultiplier <= 1)) {
            throw new IllegalArgumentException("quality: capability_multiplier must be between 0 and 1, was "
                    + capabilityMultiplier);
        }
        probability = Fault.probabilityOrOne(probability, "quality");
        models = Fault.modelsOrAll(models);
        attempts = Fault.attemptsOrAll(attempts, "quality");
    }

    /** A quality drop on every request. */
    public QualityFault(Double capabilityMultiplier, Double probability, List<String> models) {
        this(capabilityMultiplier, probability, models, null, null);
    }
}
