package dev.brownout.fakes.admin;

import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.WorldConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A world of one OpenAI and one Anthropic provider whose models answer at once (no time to first token,
 * a very high token rate), so a test that sends thousands of requests is bound by CPU, not by pacing.
 */
final class FastWorlds {

    static final String CATALOG = """
            models:
              - id: mid
                tier: mid
                capability: 0.86
                latency: { ttft_median: 0s, ttft_p99: 0s, tokens_per_second: 1000000 }
                price: { input: 3.00, output: 15.00 }
                context_window: 200000
              - id: small
                tier: small
                capability: 0.66
                latency: { ttft_median: 0s, ttft_p99: 0s, tokens_per_second: 1000000 }
                price: { input: 0.25, output: 2.00 }
                context_window: 128000
            """;

    private FastWorlds() {
    }

    /** Providers {@code openai} and {@code anthropic}, each serving {@code mid} and {@code small}. */
    static WorldConfig openAiAndAnthropic(long seed, Path directory) {
        Path catalog = directory.resolve("fast-catalog.yaml");
        try {
            Files.writeString(catalog, CATALOG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WorldConfig(seed, WorldConfig.LOOPBACK, catalog.toString(), List.of(
                ProviderConfig.of("openai", DialectKind.OPENAI, "mid", "small"),
                ProviderConfig.of("anthropic", DialectKind.ANTHROPIC, "mid", "small")));
    }
}
