package dev.brownout.fakes.behaviour;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Duration;
import java.util.List;

/**
 * Adds time before the first token (and so to a non-streaming answer). {@code where} says whether the
 * response headers wait too (the default) or leave at once, so the client has its 200 and then waits for
 * the first byte of the body.
 */
public record LatencyFault(Duration extraTtft, Where where, Double probability, List<String> models,
                           List<Integer> attempts, FaultCondition when) implements Fault {

    public LatencyFault {
        if (extraTtft == null || extraTtft.isNegative()) {
            throw new IllegalArgumentException("latency: extra_ttft must be a duration >= 0, e.g. \"2s\"");
        }
        where = where == null ? Where.BEFORE_HEADERS : where;
        probability = Fault.probabilityOrOne(probability, "latency");
        models = Fault.modelsOrAll(models);
        attempts = Fault.attemptsOrAll(attempts, "latency");
    }

    /** Extra time before the headers and the first token, on every request. */
    public LatencyFault(Duration extraTtft, Double probability, List<String> models) {
        this(extraTtft, null, probability, models, null, null);
    }

    /** Where the added time sits relative to the response headers. */
    public enum Where {
        /** The headers wait with the first token: the client sees nothing until then. */
        BEFORE_HEADERS("before_headers"),
        /**
         * The headers are sent as soon as the request is admitted; the model's own time to first token and the
         * extra time follow them.
         */
        AFTER_HEADERS("after_headers");

        private final String label;

        Where(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }

        @JsonCreator
        public static Where fromLabel(String label) {
            for (Where where : values()) {
                if (where.label.equals(label)) {
                    return where;
                }
            }
            throw new IllegalArgumentException("unknown latency position '" + label
                    + "'; use before_headers or after_headers");
        }
    }
}
