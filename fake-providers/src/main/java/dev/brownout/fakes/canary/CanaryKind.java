package dev.brownout.fakes.canary;

import java.util.Arrays;
import java.util.Locale;

/** The canary task families; each can be graded exactly and answered by a real LLM too. */
public enum CanaryKind {
    ARITHMETIC,
    LOOKUP,
    JSON,
    TOOL,
    /** Several tool calls in sequence, each fed the previous call's result; see {@link ToolChains}. */
    CHAIN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CanaryKind fromLabel(String label) {
        for (CanaryKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown canary kind '" + label + "'; known: "
                + String.join(", ", Arrays.stream(values()).map(CanaryKind::label).toList()));
    }
}
