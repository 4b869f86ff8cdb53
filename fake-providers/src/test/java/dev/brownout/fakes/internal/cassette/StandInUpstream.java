package dev.brownout.fakes.internal.cassette;

import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.ReplayPacing;
import dev.brownout.fakes.TestWorlds;
import dev.brownout.fakes.UpstreamConfig;
import dev.brownout.fakes.WorldConfig;
import org.assertj.core.api.Assumptions;

import java.nio.file.Path;
import java.util.List;

/**
 * A second fake world standing in for the real APIs, with keys from the environment as a user's real keys are
 * (the module's Surefire configuration sets them), and worlds that record from it or replay what was recorded.
 */
final class StandInUpstream {

    static final String OPENAI_KEY_ENV = "BROWNOUT_TEST_OPENAI_KEY";
    static final String ANTHROPIC_KEY_ENV = "BROWNOUT_TEST_ANTHROPIC_KEY";

    private StandInUpstream() {
    }

    static String key(String variable) {
        String key = System.getenv(variable);
        Assumptions.assumeThat(key).as("environment variable " + variable + " (set by the module's Surefire "
                + "configuration; run the test through Maven)").isNotBlank();
        return key;
    }

    /** Providers {@code real-openai} and {@code real-anthropic} serving {@code perfect} and {@code mid}, instantly. */
    static FakeWorld start() {
        return TestWorlds.start(11,
                withKey(ProviderConfig.of("real-openai", DialectKind.OPENAI, "perfect", "mid"), key(OPENAI_KEY_ENV)),
                withKey(ProviderConfig.of("real-anthropic", DialectKind.ANTHROPIC, "perfect", "mid"),
                        key(ANTHROPIC_KEY_ENV)));
    }

    private static ProviderConfig withKey(ProviderConfig config, String key) {
        return new ProviderConfig(config.name(), config.dialect(), config.models(), config.auth(), config.port(), key,
                null, null);
    }

    /** Providers {@code openai} and {@code anthropic} forwarding to the stand-in, each to its own cassette. */
    static FakeWorld recording(FakeWorld upstream, Path openaiCassette, Path anthropicCassette) {
        return start(
                ProviderConfig.of("openai", DialectKind.OPENAI, "perfect", "mid").withUpstream(
                        UpstreamConfig.at(upstream.provider("real-openai").baseUrl(), OPENAI_KEY_ENV), openaiCassette),
                ProviderConfig.of("anthropic", DialectKind.ANTHROPIC, "perfect", "mid").withUpstream(
                        UpstreamConfig.at(upstream.provider("real-anthropic").baseUrl(), ANTHROPIC_KEY_ENV),
                        anthropicCassette));
    }

    /** Providers {@code openai} and {@code anthropic} answering from the cassettes at the recorded pace. */
    static FakeWorld replaying(Path openaiCassette, Path anthropicCassette) {
        return start(
                ProviderConfig.of("openai", DialectKind.OPENAI, "perfect", "mid")
                        .withReplay(openaiCassette, ReplayPacing.RECORDED),
                ProviderConfig.of("anthropic", DialectKind.ANTHROPIC, "perfect", "mid")
                        .withReplay(anthropicCassette, ReplayPacing.RECORDED));
    }

    static FakeWorld start(ProviderConfig... providers) {
        return FakeWorld.start(new WorldConfig(5L, WorldConfig.LOOPBACK, TestWorlds.instantCatalog().toString(),
                List.of(providers)));
    }
}
