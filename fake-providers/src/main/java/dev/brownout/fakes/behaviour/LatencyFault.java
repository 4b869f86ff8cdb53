package dev.brownout.fakes.behaviour;

import java.time.Duration;
import java.util.List;

/** Adds time before the first token (and so to a non-streaming answer). */
public record LatencyFault(Duration extraTtft, Double probability, List<String> models) implements Fault {

    public LatencyFault {
        if (extraTtft == null || extraTtft.isNegative()) {
            throw new IllegalArgumentException("latency: extra_ttft must be a duration >= 0, e.g. \"2s\"");
        }
        probability = Fault.probabilityOrOne(probability, "latency");
        models = Fault.modelsOrAll(models);
    }
}
