package dev.brownout.fakes.behaviour;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP-level fault a provider can inject. Every fault is scoped the same way: it applies with a
 * probability (default 1), decided per request from the world's seed, to the models it names (default all),
 * to the attempts of a task it names (default all) and, with a condition, only to requests that meet it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ErrorFault.class, name = "error"),
        @JsonSubTypes.Type(value = HangFault.class, name = "hang"),
        @JsonSubTypes.Type(value = LatencyFault.class, name = "latency"),
        @JsonSubTypes.Type(value = SlowTokensFault.class, name = "slow_tokens"),
        @JsonSubTypes.Type(value = StallFault.class, name = "stall"),
        @JsonSubTypes.Type(value = CutFault.class, name = "cut"),
        @JsonSubTypes.Type(value = UnterminatedFault.class, name = "unterminated"),
        @JsonSubTypes.Type(value = StreamErrorFault.class, name = "stream_error"),
        @JsonSubTypes.Type(value = MalformedChunkFault.class, name = "malformed_chunk"),
        @JsonSubTypes.Type(value = QualityFault.class, name = "quality"),
        @JsonSubTypes.Type(value = SubstituteFault.class, name = "substitute")
})
public sealed interface Fault permits ErrorFault, HangFault, LatencyFault, SlowTokensFault, StallFault, CutFault,
        UnterminatedFault, StreamErrorFault, MalformedChunkFault, QualityFault, SubstituteFault {

    /** Chance in [0, 1] that this fault applies to a request. */
    Double probability();

    /** Model ids this fault is scoped to; empty means every model. */
    List<String> models();

    /**
     * Attempts of a task this fault is scoped to, counted from 1 per provider and task id; empty means every
     * request. A request that carries no task id is no attempt of anything, so a fault scoped to attempts
     * never applies to it.
     */
    List<Integer> attempts();

    /** The condition a request must meet for this fault to apply; null means every request. */
    FaultCondition when();

    /** Whether the fault's scope (models, attempts, condition) takes in this call; probability aside. */
    default boolean appliesTo(CallFacts call) {
        return (models().isEmpty() || models().contains(call.model()))
                && (attempts().isEmpty() || call.attempt() != null && attempts().contains(call.attempt()))
                && (when() == null || when().holdsFor(call));
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

    /** The attempt numbers in the order given, each once; null or empty means every attempt. */
    static List<Integer> attemptsOrAll(List<Integer> attempts, String type) {
        if (attempts == null) {
            return List.of();
        }
        List<Integer> distinct = new ArrayList<>();
        for (Integer attempt : attempts) {
            if (attempt == null || attempt < 1) {
                throw new IllegalArgumentException(type + ": attempts are numbered from 1 (a task's first call to "
                        + "this provider), was " + attempt);
            }
            if (!distinct.contains(attempt)) {
                distinct.add(attempt);
            }
        }
        return List.copyOf(distinct);
    }

    static int atLeast(Integer value, int minimum, int fallback, String what) {
        int result = value == null ? fallback : value;
        if (result < minimum) {
            throw new IllegalArgumentException(what + " must be >= " + minimum + ", was " + value);
        }
        return result;
    }

    /** An optional field of an error body: absent, or text that is not blank. */
    static String optionalText(String value, String what) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank; leave it out for the dialect's usual value");
        }
        return value;
    }
}
