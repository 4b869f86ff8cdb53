package dev.brownout.internal.sut;

import dev.brownout.fakes.oauth.OAuthClient;
import dev.brownout.world.OAuthEndpoint;
import dev.brownout.world.ProviderEndpoint;
import dev.brownout.world.WorldEndpoints;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What SUT templates can name: {@code providers.<name>.base_url|address|api_key|dialect|auth|model|models} (address
 * is the proxy's {@code host:port}, model is the first model) and, for a provider that authenticates with OAuth, {@code providers.<name>.oauth_client}
 * with the token_url, client_id, client_secret and refresh_token a gateway uses for it (the world's first
 * client, as the reference gateways use it); {@code provider_list} (the same, in order, each with its
 * {@code name}, for sections); {@code oauth.issuer|token_url|jwks_url|discovery_url|client_id|client_secret|refresh_token}
 * (the first client); {@code env.<VAR>} for every {@code BROWNOUT_*} variable; {@code brownout.java} and
 * {@code brownout.classpath}, the java executable and the absolute class path of the running Brownout, so a
 * SUT file can start the reference gateways it carries wherever it is run from; and, where the harness has
 * them, {@code port}, {@code run_dir} and {@code config_file}, and for a SUT in a container
 * {@code container.url|host|port}. Values that do not exist (an OAuth provider's
 * api key, a world without OAuth) are absent, so naming them is an error rather than an empty string.
 */
final class WorldTemplateModel {

    static final String PORT = "port";
    static final String RUN_DIR = "run_dir";
    static final String CONFIG_FILE = "config_file";
    static final String BROWNOUT = "brownout";
    static final String CONTAINER = "container";

    private final Map<String, Object> values;

    private WorldTemplateModel(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    static WorldTemplateModel of(WorldEndpoints endpoints, Map<String, String> environment) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> providers = new LinkedHashMap<>();
        List<Map<String, Object>> providerList = new ArrayList<>();
        for (ProviderEndpoint provider : endpoints.providers()) {
            Map<String, Object> entry = provider(provider, endpoints.oauth());
            providers.put(provider.name(), entry);
            Map<String, Object> named = new LinkedHashMap<>(entry);
            named.put("name", provider.name());
            providerList.add(named);
        }
        values.put("providers", providers);
        values.put("provider_list", providerList);
        endpoints.oauth().ifPresent(oauth -> values.put("oauth", oauth(oauth)));
        values.put("env", new LinkedHashMap<>(environment));
        values.put(BROWNOUT, brownout());
        return new WorldTemplateModel(values);
    }

    /**
     * This JVM's java and class path. The class path is made absolute because the SUT process runs in the
     * run folder, while {@code java -jar harness/cli/target/brownout.jar} leaves it relative to where the
     * user stood.
     */
    private static Map<String, Object> brownout() {
        String classPath = Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        entry.put("classpath", classPath);
        return entry;
    }

    private static Map<String, Object> provider(ProviderEndpoint provider, Optional<OAuthEndpoint> oauth) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("base_url", provider.baseUrl());
        entry.put("address", address(provider.baseUrl()));
        putIfPresent(entry, "api_key", provider.apiKey());
        entry.put("dialect", provider.dialect());
        entry.put("auth", provider.auth());
        if (!provider.models().isEmpty()) {
            entry.put("model", provider.models().getFirst());
        }
        entry.put("models", provider.models());
        if ("oauth".equals(provider.auth())) {
            oauth.filter(server -> !server.clients().isEmpty()).ifPresent(server -> entry.put("oauth_client", oauthClient(server)));
        }
        return entry;
    }

    /** Named apart from the top-level {@code oauth}, so a section over it inside {@code provider_list} cannot fall back to that. */
    private static Map<String, Object> oauthClient(OAuthEndpoint server) {
        OAuthClient client = server.clients().getFirst();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("token_url", server.tokenUrl());
        entry.put("client_id", client.clientId());
        putIfPresent(entry, "client_secret", client.clientSecret());
        putIfPresent(entry, "refresh_token", client.refreshToken());
        return entry;
    }

    private static Map<String, Object> oauth(OAuthEndpoint oauth) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("issuer", oauth.issuer());
        entry.put("token_url", oauth.tokenUrl());
        entry.put("jwks_url", oauth.jwksUrl());
        entry.put("discovery_url", oauth.discoveryUrl());
        if (!oauth.clients().isEmpty()) {
            OAuthClient client = oauth.clients().getFirst();
            entry.put("client_id", client.clientId());
            putIfPresent(entry, "client_secret", client.clientSecret());
            putIfPresent(entry, "refresh_token", client.refreshToken());
        }
        return entry;
    }

    /** {@code host:port} of a URL, the scheme's default port filled in: what a TCP forwarder is given. */
    private static String address(String url) {
        URI uri = URI.create(url);
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** The same model with one more top-level value. */
    WorldTemplateModel with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new WorldTemplateModel(copy);
    }

    WorldTemplateModel withPort(int port) {
        return with(PORT, port);
    }

    WorldTemplateModel withRunDir(Path runDir) {
        return with(RUN_DIR, runDir.toAbsolutePath().toString());
    }

    WorldTemplateModel withConfigFile(Path configFile) {
        return with(CONFIG_FILE, configFile.toAbsolutePath().toString());
    }

    /** {@code container.url}, {@code .host} and {@code .port}: where this machine reaches a SUT container's port. */
    WorldTemplateModel withContainer(String host, int port) {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("url", "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
        container.put("host", host);
        container.put("port", port);
        return with(CONTAINER, container);
    }

    /** The model as Mustache reads it. */
    Map<String, Object> values() {
        return values;
    }

    /** Renders one template against this model. */
    String render(String template, String name) {
        return SutTemplates.render(template, name, values);
    }

    /** Renders each value of a map of templates; {@code name} prefixes the key in errors. */
    Map<String, String> renderAll(Map<String, String> templates, String name) {
        Map<String, String> rendered = new LinkedHashMap<>();
        templates.forEach((key, template) -> rendered.put(key, render(template, name + "." + key)));
        return rendered;
    }
}
