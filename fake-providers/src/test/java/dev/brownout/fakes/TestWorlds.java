package dev.brownout.fakes;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Worlds for tests: the instant catalog (no TTFT, fast tokens) unless a test is about pacing. */
public final class TestWorlds {

    private TestWorlds() {
    }

    /** The catalog whose models answer instantly; also has {@code perfect}, {@code hopeless} and {@code paced}. */
    public static Path instantCatalog() {
        try {
            return Path.of(Objects.requireNonNull(TestWorlds.class.getResource("/catalogs/instant.yaml")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Providers {@code openai} and {@code anthropic}, each serving {@code mid} and {@code small}, instantly. */
    public static WorldConfig openAiAndAnthropic(long seed) {
        return new WorldConfig(seed, WorldConfig.LOOPBACK, instantCatalog().toString(), List.of(
                ProviderConfig.of("openai", DialectKind.OPENAI, "mid", "small"),
                ProviderConfig.of("anthropic", DialectKind.ANTHROPIC, "mid", "small")));
    }

    public static FakeWorld start(long seed, ProviderConfig... providers) {
        return FakeWorld.start(new WorldConfig(seed, WorldConfig.LOOPBACK, instantCatalog().toString(), List.of(providers)));
    }
}
