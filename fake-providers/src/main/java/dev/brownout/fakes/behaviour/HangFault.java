package dev.brownout.fakes.behaviour;

import java.time.Duration;
import java.util.List;

/**
 * Accepts the request and never answers. Without a {@code duration} the connection stays open until the
 * client gives up; with one, the fake closes it after that long without having sent a byte, as a proxy or
 * load balancer in front of a silent upstream does when its own timeout fires ({@code 0s}: at once, an empty
 * reply).
 */
public record HangFault(Duration duration, Double probability, List<String> models, List<Integer> attempts,
                        FaultCondition when) implements Fault {

    public HangFault {
        if (duration != null && duration.isNegative()) {
            throw new IllegalArgumentException("hang: duration must be a duration >= 0, e.g. \"30s\"; leave it out to "
                    + "hang until the client gives up");
        }
        probability = Fault.probabilityOrOne(probability, "hang");
        models = Fault.modelsOrAll(models);
        attempts = Fault.attemptsOrAll(attempts, "hang");
    }

    /** A hang on every request until the client gives up. */
    public HangFault(Double probability, List<String> models) {
        this(null, probability, models, null, null);
    }
}
