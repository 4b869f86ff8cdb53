package dev.brownout.fakes;

import dev.brownout.fakes.behaviour.ProviderBehaviour;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One fake provider of a world, as a scenario's {@code world.providers} entry describes it.
 *
 * @param models        catalog model ids it serves; empty means the whole catalog
 * @param port          fixed port, or 0 for a free one
 * @param apiKey        fixed key for api-key mode, or null to generate one from the world's seed
 * @param requiredScope scope an OAuth token must carry, in oauth mode
 * @param behaviour     the behaviour it starts with
 * @param mode          where its answers come from: {@code simulated} (the default), {@code upstream} or {@code replay}
 * @param upstream      the real API it forwards to, in upstream mode only
 * @param cassette      the cassette file it appends to (upstream mode) or answers from (replay mode)
 * @param pacing        the pace of a sourced answer, in upstream and replay mode; {@code recorded} unless given
 */
public record ProviderConfig(String name, DialectKind dialect, List<String> models, AuthMode auth, Integer port,
                             String apiKey, String requiredScope, ProviderBehaviour behaviour, ProviderMode mode,
                             UpstreamConfig upstream, String cassette, ReplayPacing pacing) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public ProviderConfig {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("provider name '" + name + "' must be lower-case letters, digits and "
                    + "dashes, starting with a letter, at most 40 characters");
        }
        if (dialect == null) {
            throw new IllegalArgumentException("provider '" + name + "' needs a dialect: openai, anthropic or gemini");
        }
        models = models == null ? List.of() : List.copyOf(models);
        auth = auth == null ? AuthMode.API_KEY : auth;
        port = port == null ? 0 : port;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("provider '" + name + "': port must be between 0 and 65535");
        }
        if (apiKey != null && apiKey.isBlank()) {
            throw new IllegalArgumentException("provider '" + name + "': api_key must not be blank");
        }
        requiredScope = requiredScope == null ? "llm.invoke" : requiredScope;
        behaviour = behaviour == null ? ProviderBehaviour.healthy() : behaviour;
        mode = mode == null ? ProviderMode.SIMULATED : mode;
        checkMode(name, mode, upstream, cassette, pacing);
        pacing = pacing == null && mode != ProviderMode.SIMULATED ? ReplayPacing.RECORDED : pacing;
    }

    /** A simulated provider, as before providers had modes. */
    public ProviderConfig(String name, DialectKind dialect, List<String> models, AuthMode auth, Integer port,
                          String apiKey, String requiredScope, ProviderBehaviour behaviour) {
        this(name, dialect, models, auth, port, apiKey, requiredScope, behaviour, null, null, null, null);
    }

    private static void checkMode(String name, ProviderMode mode, UpstreamConfig upstream, String cassette,
                                  ReplayPacing pacing) {
        String prefix = "provider '" + name + "': ";
        if (cassette != null && cassette.isBlank()) {
            throw new IllegalArgumentException(prefix + "cassette must be a file path, not blank");
        }
        switch (mode) {
            case SIMULATED -> {
                if (upstream != null || cassette != null || pacing != null) {
                    throw new IllegalArgumentException(prefix + "upstream, cassette and pacing belong to mode upstream "
                            + "or replay; this provider's mode is simulated");
                }
            }
            case UPSTREAM -> {
                if (upstream == null || cassette == null) {
                    throw new IllegalArgumentException(prefix + "mode upstream needs 'upstream' (base_url or "
                            + "base_url_env, and api_key_env) and 'cassette' (the file it records to)");
                }
            }
            case REPLAY -> {
                if (cassette == null) {
                    throw new IllegalArgumentException(prefix + "mode replay needs 'cassette' (the file it answers from)");
                }
                if (upstream != null) {
                    throw new IllegalArgumentException(prefix + "mode replay answers offline from its cassette; "
                            + "remove 'upstream' or use mode upstream");
                }
            }
        }
    }

    /** A simulated provider in api-key mode with a generated key and a free port. */
    public static ProviderConfig of(String name, DialectKind dialect, String... models) {
        return new ProviderConfig(name, dialect, List.of(models), AuthMode.API_KEY, 0, null, null, null);
    }

    /** This provider with another auth mode. */
    public ProviderConfig withAuth(AuthMode authMode) {
        return new ProviderConfig(name, dialect, models, authMode, port, apiKey, requiredScope, behaviour, mode,
                upstream, cassette, pacing);
    }

    /** This provider starting with another behaviour. */
    public ProviderConfig withBehaviour(ProviderBehaviour initial) {
        return new ProviderConfig(name, dialect, models, auth, port, apiKey, requiredScope, initial, mode, upstream,
                cassette, pacing);
    }

    /** This provider on a fixed port. */
    public ProviderConfig withPort(int fixedPort) {
        return new ProviderConfig(name, dialect, models, auth, fixedPort, apiKey, requiredScope, behaviour, mode,
                upstream, cassette, pacing);
    }

    /**
     * This provider in upstream mode: every request forwarded to {@code api}, each exchange appended to
     * {@code cassetteFile} (created with its header when absent), answers sent as soon as the upstream has sent them.
     */
    public ProviderConfig withUpstream(UpstreamConfig api, Path cassetteFile) {
        return new ProviderConfig(name, dialect, models, auth, port, apiKey, requiredScope, behaviour,
                ProviderMode.UPSTREAM, api, cassetteFile.toString(), null);
    }

    /** This provider, in its mode, with its cassette at {@code file} (e.g. a relative path made absolute). */
    public ProviderConfig withCassette(String file) {
        return new ProviderConfig(name, dialect, models, auth, port, apiKey, requiredScope, behaviour, mode, upstream,
                file, pacing);
    }

    /** This provider in replay mode, answering from {@code cassetteFile} at the pace given. */
    public ProviderConfig withReplay(Path cassetteFile, ReplayPacing replayPacing) {
        return new ProviderConfig(name, dialect, models, auth, port, apiKey, requiredScope, behaviour,
                ProviderMode.REPLAY, null, cassetteFile.toString(), replayPacing);
    }
}
