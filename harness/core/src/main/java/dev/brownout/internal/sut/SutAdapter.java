package dev.brownout.internal.sut;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the harness talks to a system under test. */
public enum SutAdapter {
    /** A gateway speaking OpenAI Chat Completions at {@code base_url}. */
    OPENAI_CHAT("openai-chat"),
    /** A gateway speaking the OpenAI Responses API at {@code base_url}. */
    OPENAI_RESPONSES("openai-responses"),
    /** A gateway speaking the Anthropic Messages API at {@code base_url}. */
    ANTHROPIC_MESSAGES("anthropic-messages"),
    /** A gateway speaking Google's Gemini API ({@code generateContent}) at {@code base_url}, its origin. */
    GEMINI("gemini"),
    /** Any JSON-over-HTTP service: a templated request and a JSON pointer to the answer. */
    HTTP("http"),
    /** A process per task: a CLI agent. */
    COMMAND("command"),
    /** One of Brownout's reference gateways, started in this JVM in front of the world. */
    REFERENCE("reference");

    private final String label;

    SutAdapter(String label) {
        this.label = label;
    }

    /** Whether the SUT speaks an LLM API at a base URL (and so takes a model, a key, headers and body fields). */
    public boolean speaksAnLlmApi() {
        return this == OPENAI_CHAT || this == OPENAI_RESPONSES || this == ANTHROPIC_MESSAGES || this == GEMINI;
    }

    /** The name SUT files and {@code --sut} use. */
    public String label() {
        return label;
    }

    public static Optional<SutAdapter> fromLabel(String label) {
        return Arrays.stream(values()).filter(adapter -> adapter.label.equals(label)).findFirst();
    }

    static String known() {
        return Arrays.stream(values()).map(SutAdapter::label).collect(Collectors.joining(", "));
    }
}
