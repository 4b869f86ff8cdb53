package dev.brownout.internal.world;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.oauth.OAuthClient;
import dev.brownout.scenario.TargetFaults;
import dev.brownout.world.OAuthEndpoint;
import dev.brownout.world.ProviderEndpoint;
import dev.brownout.world.WorldEndpoints;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A world another process started ({@code brownout fakes --json}), as its JSON line describes it: what the system
 * under test is given, and where the harness drives it (each fake's admin API, the fault proxy's control API and the
 * name of each target's proxy on it, the token they require). {@link ProxiedWorld#attach} drives it.
 *
 * @param source      where the description came from, named in every error
 * @param adminToken  the bearer token the world's admin and control APIs require, or null for none
 * @param targets     every fault target the world has: providers in world order, then {@code oauth}
 * @param timeScale   the clock the world's models and rate limits run on (see {@code WorldConfig#timeScale()})
 */
public record RemoteWorld(String source, String adminToken, URI proxyControlUrl, List<RemoteTarget> targets,
                          WorldEndpoints endpoints, double timeScale) {

    /** The version of the JSON line this harness writes and reads. */
    public static final int FORMAT = 1;

    /** One fault target of a remote world: its fake's admin API and its proxy's name on the control API. */
    public record RemoteTarget(String name, boolean oauth, URI adminUrl, String proxy) {
    }

    public RemoteWorld {
        targets = List.copyOf(targets);
    }

    /** The line {@code brownout fakes --json} prints for {@code world}, with {@code adminToken} (null for none). */
    static Map<String, Object> describe(WorldEndpoints endpoints, List<RemoteTarget> targets, URI proxyControlUrl,
                                        String adminToken, double timeScale, Map<String, String> environment) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("world_format", FORMAT);
        line.put("time_scale", timeScale);
        line.put("admin_token", adminToken);
        line.put("proxy_control_url", proxyControlUrl.toString());
        List<Map<String, Object>> providers = new ArrayList<>();
        for (ProviderEndpoint provider : endpoints.providers()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", provider.name());
            entry.put("dialect", provider.dialect());
            entry.put("auth", provider.auth());
            entry.put("base_url", provider.baseUrl());
            entry.put("api_key", provider.apiKey());
            entry.put("models", provider.models());
            RemoteTarget target = target(targets, provider.name());
            entry.put("admin_url", target.adminUrl().toString());
            entry.put("proxy", target.proxy());
            providers.add(entry);
        }
        line.put("providers", providers);
        line.put("oauth", endpoints.oauth().map(oauth -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("issuer", oauth.issuer());
            entry.put("token_url", oauth.tokenUrl());
            entry.put("jwks_url", oauth.jwksUrl());
            entry.put("discovery_url", oauth.discoveryUrl());
            entry.put("clients", oauth.clients());
            RemoteTarget target = targets.stream().filter(RemoteTarget::oauth).findFirst().orElseThrow();
            entry.put("admin_url", target.adminUrl().toString());
            entry.put("proxy", target.proxy());
            return entry;
        }).orElse(null));
        line.put("environment", environment);
        return line;
    }

    private static RemoteTarget target(List<RemoteTarget> targets, String name) {
        return targets.stream().filter(t -> !t.oauth() && t.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Reads the JSON line in {@code file} (the first non-blank line).
     *
     * @throws IllegalArgumentException naming the file and the field that is missing or wrong, and what is valid
     */
    public static RemoteWorld read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the world file (" + e.getMessage() + "); give the "
                    + "file 'brownout fakes --json' printed its line into");
        }
        String line = text.lines().filter(l -> !l.isBlank()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + ": the world file is empty; it must hold the "
                        + "JSON line 'brownout fakes --json' prints"));
        return parse(line, file.toString());
    }

    /** As {@link #read(Path)}, from the line itself; {@code source} names it in errors. */
    public static RemoteWorld parse(String line, String source) {
        ObjectMapper mapper = Mappers.json();
        JsonNode root;
        try {
            root = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not JSON (" + e.getOriginalMessage() + "); it must hold the "
                    + "JSON line 'brownout fakes --json' prints");
        }
        Fields fields = new Fields(source);
        if (root == null || !root.isObject()) {
            throw fields.wrong("", "must be a JSON object, the line 'brownout fakes --json' prints");
        }
        JsonNode format = root.get("world_format");
        if (format == null || !format.isInt()) {
            throw fields.wrong("world_format", format == null ? "is missing; this harness reads world_format " + FORMAT
                    + " (the line of 'brownout fakes --json' from the same Brownout version)"
                    : "must be the whole number " + FORMAT);
        }
        if (format.asInt() != FORMAT) {
            throw fields.wrong("world_format", "is " + format.asInt() + "; this harness reads only " + FORMAT
                    + ": start the world with the same Brownout version");
        }
        JsonNode timeScale = root.get("time_scale");
        if (timeScale == null || !timeScale.isNumber() || !(timeScale.asDouble() > 0)) {
            throw fields.wrong("time_scale", timeScale == null ? "is missing" : "must be a number > 0");
        }
        JsonNode tokenNode = root.get("admin_token");
        String token = tokenNode == null || tokenNode.isNull() ? null : fields.text(root, "admin_token", "");
        URI control = fields.url(root, "proxy_control_url", "");
        List<RemoteTarget> targets = new ArrayList<>();
        List<ProviderEndpoint> providers = new ArrayList<>();
        JsonNode providerNodes = root.get("providers");
        if (providerNodes == null || !providerNodes.isArray() || providerNodes.isEmpty()) {
            throw fields.wrong("providers", "must be a non-empty array of the world's providers");
        }
        for (int i = 0; i < providerNodes.size(); i++) {
            JsonNode node = providerNodes.get(i);
            String at = "providers[" + i + "].";
            String name = fields.text(node, "name", at);
            JsonNode key = node.get("api_key");
            List<String> models = new ArrayList<>();
            JsonNode modelNodes = node.get("models");
            if (modelNodes == null || !modelNodes.isArray()) {
                throw fields.wrong(at + "models", "must be an array of model ids");
            }
            modelNodes.forEach(model -> models.add(model.asText()));
            providers.add(new ProviderEndpoint(name, fields.text(node, "dialect", at), fields.text(node, "auth", at),
                    fields.url(node, "base_url", at).toString(), key == null || key.isNull() ? null : key.asText(),
                    models));
            targets.add(new RemoteTarget(name, false, fields.url(node, "admin_url", at), fields.text(node, "proxy", at)));
        }
        Optional<OAuthEndpoint> oauth = Optional.empty();
        JsonNode oauthNode = root.get("oauth");
        if (oauthNode != null && !oauthNode.isNull()) {
            String at = "oauth.";
            List<OAuthClient> clients = new ArrayList<>();
            JsonNode clientNodes = oauthNode.get("clients");
            if (clientNodes == null || !clientNodes.isArray()) {
                throw fields.wrong(at + "clients", "must be an array of the OAuth server's clients");
            }
            for (Iterator<JsonNode> it = clientNodes.elements(); it.hasNext(); ) {
                JsonNode client = it.next();
                try {
                    clients.add(mapper.treeToValue(client, OAuthClient.class));
                } catch (JsonProcessingException e) {
                    throw fields.wrong(at + "clients", "holds a client this harness cannot read ("
                            + e.getOriginalMessage() + ")");
                }
            }
            oauth = Optional.of(new OAuthEndpoint(fields.url(oauthNode, "issuer", at).toString(),
                    fields.url(oauthNode, "token_url", at).toString(), fields.url(oauthNode, "jwks_url", at).toString(),
                    fields.url(oauthNode, "discovery_url", at).toString(), clients));
            targets.add(new RemoteTarget(TargetFaults.OAUTH, true,
                    fields.url(oauthNode, "admin_url", at), fields.text(oauthNode, "proxy", at)));
        }
        return new RemoteWorld(source, token, control, targets, new WorldEndpoints(providers, oauth),
                timeScale.asDouble());
    }

    /** Reads one field after another, each error naming the source and the field's path. */
    private record Fields(String source) {

        IllegalArgumentException wrong(String field, String problem) {
            return new IllegalArgumentException(source + ": " + (field.isEmpty() ? "the line" : field) + " " + problem);
        }

        String text(JsonNode node, String name, String at) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                throw wrong(at + name, "is missing");
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                throw wrong(at + name, "must be a non-empty string");
            }
            return value.asText();
        }

        URI url(JsonNode node, String name, String at) {
            String text = text(node, name, at);
            try {
                URI uri = URI.create(text);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                        && uri.getPort() > 0) {
                    return uri;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw wrong(at + name, "must be an http URL with a host and a port, e.g. http://10.0.0.5:41234; was '"
                    + text + "'");
        }
    }
}
