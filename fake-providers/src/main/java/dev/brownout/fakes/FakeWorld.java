package dev.brownout.fakes;

import dev.brownout.fakes.admin.AdminToken;
import dev.brownout.fakes.auth.ApiKeyAuthenticator;
import dev.brownout.fakes.auth.AuthResult;
import dev.brownout.fakes.auth.Authenticator;
import dev.brownout.fakes.auth.CredentialRegistry;
import dev.brownout.fakes.catalog.ModelCatalog;
import dev.brownout.fakes.internal.exchange.Ids;
import dev.brownout.fakes.oauth.OAuthServer;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A running fake world: every provider of a {@link WorldConfig} on its own listener, with distinct
 * credentials registered world-wide so a key presented to the wrong provider is caught as a leak.
 * Closing the world closes every listener.
 */
public final class FakeWorld implements AutoCloseable {

    private final WorldConfig config;
    private final URI oauthPublicAddress;
    private final AdminToken adminToken;
    private final CredentialRegistry credentials = new CredentialRegistry();
    private final Map<String, FakeProvider> providers = new LinkedHashMap<>();
    private OAuthServer oauth;

    private FakeWorld(WorldConfig config, URI oauthPublicAddress, AdminToken adminToken) {
        this.config = config;
        this.oauthPublicAddress = oauthPublicAddress;
        this.adminToken = adminToken;
    }

    /** Starts every listener; if one fails to start, those already started are closed again. */
    public static FakeWorld start(WorldConfig config) {
        return start(config, null);
    }

    /**
     * As {@link #start(WorldConfig)}, with the OAuth server's issuer set to {@code oauthPublicAddress}
     * (for instance a fault proxy in front of it), so tokens and discovery name the address clients use.
     * Null keeps the server's own address.
     */
    public static FakeWorld start(WorldConfig config, URI oauthPublicAddress) {
        return start(config, oauthPublicAddress, AdminToken.none());
    }

    /**
     * As {@link #start(WorldConfig, URI)}, with every fake's admin API requiring {@code adminToken}: for a world
     * bound to an address other hosts can reach.
     */
    public static FakeWorld start(WorldConfig config, URI oauthPublicAddress, AdminToken adminToken) {
        FakeWorld world = new FakeWorld(config, oauthPublicAddress,
                Objects.requireNonNull(adminToken, "an admin token, or AdminToken.none()"));
        try {
            world.startProviders();
            return world;
        } catch (RuntimeException e) {
            world.close();
            throw e;
        }
    }

    private void startProviders() {
        ModelCatalog catalog = ModelCatalog.defaults();
        if (config.catalog() != null) {
            catalog = catalog.with(ModelCatalog.load(Path.of(config.catalog())));
        }
        catalog = catalog.paced(config.timeScale());
        if (config.oauth() != null) {
            oauth = OAuthServer.start(config.oauth(), config.providers().stream().map(ProviderConfig::name).toList(),
                    config.host(), 0, config.seed(), credentials, oauthPublicAddress, adminToken);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (ProviderConfig provider : config.providers()) {
            for (String model : provider.models()) {
                catalog.require(model);
            }
            if (provider.auth() == AuthMode.API_KEY) {
                String key = provider.apiKey() != null ? provider.apiKey() : generatedKey(provider);
                credentials.register(key, provider.name());
                keys.put(provider.name(), key);
            }
        }
        for (ProviderConfig provider : config.providers()) {
            String key = keys.get(provider.name());
            providers.put(provider.name(), new FakeProvider(provider, config.host(), config.seed(), catalog,
                    key, authenticator(provider, key), config.minute(), adminToken));
        }
    }

    private Authenticator authenticator(ProviderConfig provider, String key) {
        return switch (provider.auth()) {
            case API_KEY -> new ApiKeyAuthenticator(provider.name(), key, credentials);
            case NONE -> credential -> AuthResult.accept("anonymous");
            case OAUTH -> oauth.authenticatorFor(provider.name(), provider.requiredScope());
        };
    }

    private String generatedKey(ProviderConfig provider) {
        SplittableRandom random = new SplittableRandom(config.seed() * 31 + provider.name().hashCode());
        String prefix = switch (provider.dialect()) {
            case OPENAI -> "sk-brownout-" + provider.name() + "-";
            case ANTHROPIC -> "sk-ant-brownout-" + provider.name() + "-";
            case GEMINI -> "AIza-brownout-" + provider.name() + "-";
        };
        return Ids.alphanumeric(prefix, 32, random);
    }

    public long seed() {
        return config.seed();
    }

    /** The token every admin API of this world requires, or {@link AdminToken#none()}. */
    public AdminToken adminToken() {
        return adminToken;
    }

    public List<FakeProvider> providers() {
        return List.copyOf(providers.values());
    }

    public FakeProvider provider(String name) {
        FakeProvider provider = providers.get(name);
        if (provider == null) {
            throw new NoSuchElementException("no provider named '" + name + "'; this world has " + providers.keySet());
        }
        return provider;
    }

    /** The world's OAuth server, if it has one. */
    public Optional<OAuthServer> oauth() {
        return Optional.ofNullable(oauth);
    }

    /** Every secret the world issued, so nobody writes one into a report. */
    public CredentialRegistry credentials() {
        return credentials;
    }

    /** The endpoints and credentials, in the shape the standalone jar prints. */
    public Map<String, Object> describe() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (FakeProvider provider : providers.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", provider.name());
            entry.put("dialect", provider.dialect().label());
            entry.put("auth", provider.auth().label());
            entry.put("base_url", provider.baseUrl());
            entry.put("api_key", provider.apiKey());
            entry.put("admin_url", provider.adminUrl());
            entry.put("models", provider.models());
            list.add(entry);
        }
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("providers", list);
        if (oauth != null) {
            description.put("oauth", oauth.describe());
        }
        return description;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (FakeProvider provider : providers.values()) {
            try {
                provider.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        providers.clear();
        if (oauth != null) {
            try {
                oauth.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
            oauth = null;
        }
        if (failure != null) {
            throw failure;
        }
    }
}
