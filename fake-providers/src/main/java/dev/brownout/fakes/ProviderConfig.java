package dev.brownout.fakes;

import dev.brownout.fakes.behaviour.ProviderBehaviour;

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
 */
public record ProviderConfig(String name, DialectKind dialect, List<String> models, AuthMode auth, Integer port,
                             String apiKey, String requiredScope, ProviderBehaviour behaviour) {

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
    }

    public static ProviderConfig of(String name, DialectKind dialect, String... models) {
        return new ProviderConfig(name, dialect, List.of(models), AuthMode.API_KEY, 0, null, null, null);
    }

    public ProviderConfig withAuth(AuthMode mode) {
        return new ProviderConfig(name, dialect, models, mode, port, apiKey, requiredScope, behaviour);
    }

    public ProviderConfig withBehaviour(ProviderBehaviour initial) {
        return new ProviderConfig(name, dialect, models, auth, port, apiKey, requiredScope, initial);
    }

    public ProviderConfig withPort(int fixedPort) {
        return new ProviderConfig(name, dialect, models, auth, fixedPort, apiKey, requiredScope, behaviour);
    }
}
