package dev.brownout.fakes.behaviour;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * One HTTP-level fault a provider can inject. Every fault applies with a probability (default 1) to the
 * models it names (default all), decided per request from the world's seed.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ErrorFault.class, name = "error"),
        @JsonSubTypes.Type(value = HangFault.class, name = "hang"),
        @JsonSubTypes.Type(value = LatencyFault.class, name = "latency"),
        @JsonSubTypes.Type(value = SlowTokensFault.class, name = "slow_tokens"),
        @JsonSubTypes.Type(value = StallFault.class, name = "stall"),
        @JsonSubTypes.Type(value = CutFault.class, name = "cut"),
        @JsonSubTypes.Type(value = StreamErrorFault.class, name = "stream_error"),
        @JsonSubTypes.Type(value = MalformedChunkFault.class, name = "malformed_chunk"),
        @JsonSubTypes.Type(value = QualityFault.class, name = "quality"),
        @JsonSubTypes.Type(value = SubstituteFault.class, name = "substitute")
})
public sealed interface Fault permits ErrorFault, HangFault, LatencyFault, SlowTokensFault, StallFault, CutFault,
        StreamErrorFault, MalformedChunkFault, QualityFault, SubstituteFault {

    /** Chance in [0, 1] that this fault applies to a request. */
    Double probability();

    /** Model ids this fault is scoped to; empty means every model. */
    List<String> models();

    default boolean appliesTo(String model) {
        return models().isEmpty() || models().contains(model);
    }

    static double probabilityOrOne(Double probability, String type) {
        double value = probability == null ? 1.0 : probability;
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(type + ": probability must be between 0 and 1, was " + probability);
        }
        return value;
    }

    static List<String> modelsOrAll(List<String> models) {
        if (models != null && models.stream().anyMatch(model -> model == null || model.isBlank())) {
            throw new IllegalArgumentException("models: every entry must name a model");
        }
        return models == null ? List.of() : List.copyOf(models);
    }

    static int atLeast(Integer value, int minimum, int fallback, String what) {
        int result = value == null ? fallback : value;
        if (result < minimum) {
            throw new IllegalArgumentException(what + " must be >= " + minimum + ", was " + value);
        }
        return result;
    }
}
