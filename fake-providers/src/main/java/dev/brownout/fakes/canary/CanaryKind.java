package dev.brownout.fakes.canary;

import java.util.Locale;

/** The canary task families; each can be graded exactly and answered by a real LLM too. */
public enum CanaryKind {
    ARITHMETIC,
    LOOKUP,
    JSON,
    TOOL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CanaryKind fromLabel(String label) {
        for (CanaryKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown canary kind '" + label + "'; known: arithmetic, lookup, json, tool");
    }
}
