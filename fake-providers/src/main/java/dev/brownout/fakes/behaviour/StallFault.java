package dev.brownout.fakes.behaviour;

import java.time.Duration;
import java.util.List;

/**
 * Pauses a stream after {@code after_tokens} output tokens for {@code duration}, then carries on; with
 * {@code then} the stream does not carry on but ends there, the way {@link CutMode} says (a non-streaming
 * answer is then cut at that token after the pause, as {@link CutFault} cuts it).
 */
public record StallFault(Integer afterTokens, Duration duration, CutMode then, Double probability,
                         List<String> models, List<Integer> attempts, FaultCondition when) implements Fault {

    public StallFault {
        afterTokens = Fault.atLeast(afterTokens, 0, 1, "stall: after_tokens");
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("stall: duration must be a duration >= 0, e.g. \"5s\"");
        }
        probability = Fault.probabilityOrOne(probability, "stall");
        models = Fault.modelsOrAll(models);
        attempts = Fault.attemptsOrAll(attempts, "stall");
    }

    /** A stall after which the stream carries on, on every request. */
    public StallFault(Integer afterTokens, Duration duration, Double probability, List<String> models) {
        this(afterTokens, duration, null, probability, models, null, null);
    }
}
