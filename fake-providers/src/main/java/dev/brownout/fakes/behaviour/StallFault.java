package dev.brownout.fakes.behaviour;

import java.time.Duration;
import java.util.List;

/** Pauses a stream after {@code after_tokens} output tokens for {@code duration}, then carries on. */
public record StallFault(Integer afterTokens, Duration duration, Double probability, List<String> models)
        implements Fault {

    public StallFault {
        afterTokens = Fault.atLeast(afterTokens, 0, 1, "stall: after_tokens");
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("stall: duration must be a duration >= 0, e.g. \"5s\"");
        }
        probability = Fault.probabilityOrOne(probability, "stall");
        models = Fault.modelsOrAll(models);
    }
}
