package dev.brownout.fakes.behaviour;

import java.util.List;

/** Multiplies the output token rate by {@code factor}: 0.25 streams four times slower. */
public record SlowTokensFault(Double factor, Double probability, List<String> models, List<Integer> attempts,
                              FaultCondition when) implements Fault {

    public SlowTokensFault {
        if (factor == null || !(factor > 0 && factor <= 1000)) {
            throw new IllegalArgumentException("slow_tokens: factor must be > 0 and <= 1000, was " + factor);
        }
        probability = Fault.probabilityOrOne(probability, "slow_tokens");
        models = Fault.modelsOrAll(models);
        attempts = Fault.attemptsOrAll(attempts, "slow_tokens");
    }

    /** Slower tokens on every request. */
    public SlowTokensFault(Double factor, Double probability, List<String> models) {
        this(factor, probability, models, null, null);
    }
}
