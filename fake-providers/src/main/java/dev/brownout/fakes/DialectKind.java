package dev.brownout.fakes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.brownout.fakes.internal.anthropic.AnthropicDialect;
import dev.brownout.fakes.internal.exchange.Dialect;
import dev.brownout.fakes.internal.gemini.GeminiDialect;
import dev.brownout.fakes.internal.openai.OpenAiDialect;
import dev.brownout.fakes.internal.openai.ResponsesDialect;

import java.util.List;
import java.util.Locale;

/**
 * The LLM APIs a fake provider can speak: {@code openai} serves Chat Completions and the Responses API,
 * {@code anthropic} the Messages API, {@code gemini} Google's Gemini API ({@code generateContent}).
 */
public enum DialectKind {
    OPENAI,
    ANTHROPIC,
    GEMINI;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DialectKind fromLabel(String label) {
        for (DialectKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown dialect '" + label + "'; use openai, anthropic or gemini");
    }

    Dialect create() {
        return switch (this) {
            case OPENAI -> new OpenAiDialect();
            case ANTHROPIC -> new AnthropicDialect();
            case GEMINI -> new GeminiDialect();
        };
    }

    /**
     * The other APIs a provider of this dialect serves on its listener: OpenAI's Responses API beside Chat
     * Completions.
     */
    List<Dialect> alsoServed() {
        return switch (this) {
            case OPENAI -> List.of(new ResponsesDialect());
            case ANTHROPIC, GEMINI -> List.of();
        };
    }
}
