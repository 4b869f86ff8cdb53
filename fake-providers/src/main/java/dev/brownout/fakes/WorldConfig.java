package dev.brownout.fakes;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.brownout.fakes.config.JsonProblem;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.oauth.OAuthConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fake world: its providers and the seed all their randomness derives from. Same shape as a
 * scenario's {@code world} section, so a standalone world file and a scenario describe it alike.
 *
 * @param host    the address every listener binds to; loopback unless the user asks otherwise
 * @param catalog a catalog file whose models override and extend the default catalog
 * @param oauth   the world's OAuth server; null for none, unless a provider uses {@code auth: oauth},
 *                which starts one with every default
 * @param timeScale how much faster (below 1) or slower the models answer than the catalog says: times to
 *                first token are multiplied by it and token rates divided by it, and the providers' per-minute
 *                rate limits count minutes of this length; 1 unless a scenario is played on a scaled clock
 */
public record WorldConfig(Long seed, String host, String catalog, List<ProviderConfig> providers, OAuthConfig oauth,
                          Double timeScale) {

    public static final long DEFAULT_SEED = 42;
    public static final String LOOPBACK = "127.0.0.1";

    public WorldConfig {
        seed = seed == null ? DEFAULT_SEED : seed;
        host = host == null ? LOOPBACK : host;
        providers = providers == null ? List.of() : List.copyOf(providers);
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("a world needs at least one provider under 'providers'");
        }
        Set<String> names = new HashSet<>();
        for (ProviderConfig provider : providers) {
            if (!names.add(provider.name())) {
                throw new IllegalArgumentException("two providers are named '" + provider.name() + "'");
            }
        }
        checkCassettes(providers);
        if (oauth == null && providers.stream().anyMatch(provider -> provider.auth() == AuthMode.OAUTH)) {
            oauth = OAuthConfig.defaults();
        }
        if (oauth != null && names.contains(oauth.name())) {
            throw new IllegalArgumentException("the OAuth server and a provider are both named '" + oauth.name() + "'");
        }
        timeScale = timeScale == null ? 1.0 : timeScale;
        if (!(timeScale > 0) || timeScale.isInfinite()) {
            throw new IllegalArgumentException("time_scale must be a number > 0, e.g. 0.05 or 2; was " + timeScale);
        }
    }

    /** A cassette an upstream-mode provider writes is written and read by no other provider of the world. */
    private static void checkCassettes(List<ProviderConfig> providers) {
        Map<Path, String> writers = new HashMap<>();
        for (ProviderConfig provider : providers) {
            if (provider.mode() == ProviderMode.UPSTREAM) {
                String other = writers.putIfAbsent(cassettePath(provider), provider.name());
                if (other != null) {
                    throw new IllegalArgumentException("providers '" + other + "' and '" + provider.name()
                            + "' both record to the cassette " + provider.cassette() + "; give each its own file");
                }
            }
        }
        for (ProviderConfig provider : providers) {
            String writer = writers.get(cassettePath(provider));
            if (provider.mode() == ProviderMode.REPLAY && writer != null) {
                throw new IllegalArgumentException("provider '" + provider.name() + "' replays the cassette "
                        + provider.cassette() + " that provider '" + writer + "' records to; replay a finished recording");
            }
        }
    }

    private static Path cassettePath(ProviderConfig provider) {
        return provider.cassette() == null ? Path.of("") : Path.of(provider.cassette()).toAbsolutePath().normalize();
    }

    public WorldConfig(Long seed, String host, String catalog, List<ProviderConfig> providers, OAuthConfig oauth) {
        this(seed, host, catalog, providers, oauth, null);
    }

    public WorldConfig(Long seed, String host, String catalog, List<ProviderConfig> providers) {
        this(seed, host, catalog, providers, null);
    }

    public WorldConfig withOAuth(OAuthConfig config) {
        return new WorldConfig(seed, host, catalog, providers, config, timeScale);
    }

    /** This world with every listener bound to {@code address}. */
    public WorldConfig withHost(String address) {
        return new WorldConfig(seed, address, catalog, providers, oauth, timeScale);
    }

    /** A minute on this world's clock: what the providers' per-minute rate limits count in. */
    public Duration minute() {
        return Duration.ofNanos(Math.round(Duration.ofMinutes(1).toNanos() * timeScale));
    }

    /** This world with its models answering on a clock {@code factor} times as long. */
    public WorldConfig withTimeScale(double factor) {
        return new WorldConfig(seed, host, catalog, providers, oauth, factor);
    }

    /** One OpenAI provider named {@code openai} and one Anthropic provider named {@code anthropic}. */
    public static WorldConfig defaults() {
        return new WorldConfig(DEFAULT_SEED, LOOPBACK, null, List.of(
                ProviderConfig.of("openai", DialectKind.OPENAI),
                ProviderConfig.of("anthropic", DialectKind.ANTHROPIC)));
    }

    public static WorldConfig of(long seed, ProviderConfig... providers) {
        return new WorldConfig(seed, LOOPBACK, null, List.of(providers));
    }

    /** Reads a world file (YAML or JSON); errors name the file, the field, the line and what is wrong. */
    public static WorldConfig load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the world file (" + e.getMessage() + ")");
        }
        try {
            WorldConfig config = Mappers.yaml().readValue(bytes, WorldConfig.class);
            if (config == null) {
                throw new IllegalArgumentException(file + ": the world file is empty");
            }
            return config;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": " + JsonProblem.of(e).describe());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }
}
