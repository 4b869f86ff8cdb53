package dev.brownout.fakes.behaviour;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A property of the request a fault can be limited to ({@code when:}). */
public enum FaultCondition {
    /**
     * The conversation ends with an assistant message that has text: the caller asks the model to continue
     * it (a prefill, or a gateway resuming a cut stream from what it already received).
     */
    ASSISTANT_PREFILL("assistant_prefill");

    private final String label;

    FaultCondition(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static FaultCondition fromLabel(String label) {
        for (FaultCondition condition : values()) {
            if (condition.label.equals(label)) {
                return condition;
            }
        }
        throw new IllegalArgumentException("unknown condition '" + label + "'; use assistant_prefill");
    }

    boolean holdsFor(CallFacts call) {
        return switch (this) {
            case ASSISTANT_PREFILL -> call.assistantPrefill();
        };
    }
}
