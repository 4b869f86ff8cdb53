package dev.brownout.gateways;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The API an upstream speaks; callers always speak OpenAI Chat Completions to the gateway. */
public enum UpstreamDialect {

    /** OpenAI Chat Completions: requests and answers pass through as they are. */
    OPENAI("openai"),
    /** Anthropic Messages: requests and answers are translated to and from the caller's OpenAI shape. */
    ANTHROPIC("anthropic");

    private final String label;

    UpstreamDialect(String label) {
        this.label = label;
    }

    /** How config files name it. */
    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static UpstreamDialect fromLabel(String label) {
        String wanted = label == null ? "" : label.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(dialect -> dialect.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown dialect '" + label + "'; valid dialects are "
                        + Arrays.stream(values()).map(UpstreamDialect::label).collect(Collectors.joining(", "))));
    }
}
