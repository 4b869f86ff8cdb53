package dev.brownout.internal.world;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fault proxy in front of one target, driven over the Toxiproxy HTTP API. Raw HTTP rather than
 * toxiproxy-java because the client knows no extension toxic ({@code brownout.blackhole}) and throws on
 * listing one.
 */
final class TargetProxy {

    /** Makes the embedded server list extension toxics too; other servers ignore it. */
    private static final String[] LIST_EXTENSIONS = {"X-Brownout-Extensions", "true"};

    /** The embedded server's connection log (docs/fault-proxy.md); Toxiproxy answers it with 404. */
    static final String CONNECTIONS_PATH = "/brownout/connections";

    private final JsonHttp http;
    private final URI proxyUrl;
    private final URI connectionsUrl;
    private final String name;
    private final String listen;

    private TargetProxy(JsonHttp http, URI proxyUrl, URI connectionsUrl, String name, String listen) {
        this.http = http;
        this.proxyUrl = proxyUrl;
        this.connectionsUrl = connectionsUrl;
        this.name = name;
        this.listen = listen;
    }

    /** Creates an enabled proxy; {@code listen} may name port 0, the reported listen has the real port. */
    static TargetProxy create(JsonHttp http, URI controlUrl, String name, String listen, String upstream) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("listen", listen);
        body.put("upstream", upstream);
        body.put("enabled", true);
        JsonNode created = http.post(controlUrl.resolve("/proxies"), body);
        return new TargetProxy(http, controlUrl.resolve("/proxies/" + encode(name)),
                controlUrl.resolve(CONNECTIONS_PATH + "?proxy=" + encode(name)), name, created.path("listen").asText());
    }

    /** A proxy that already runs on the server, by name; its listen as the server reports it. */
    static TargetProxy existing(JsonHttp http, URI controlUrl, String name) {
        URI proxyUrl = controlUrl.resolve("/proxies/" + encode(name));
        JsonNode found = http.get(proxyUrl);
        return new TargetProxy(http, proxyUrl, controlUrl.resolve(CONNECTIONS_PATH + "?proxy=" + encode(name)), name,
                found.path("listen").asText());
    }

    String name() {
        return name;
    }

    /** The listen the server reports, with the real port. */
    String listen() {
        return listen;
    }

    /** Points the proxy at another upstream; the server restarts it on the same listen, as Toxiproxy does. */
    void retarget(String upstream) {
        http.post(proxyUrl, Map.of("upstream", upstream));
    }

    void setEnabled(boolean enabled) {
        http.post(proxyUrl, Map.of("enabled", enabled));
    }

    /** Makes {@code wanted} exactly the proxy's toxics: others removed, same-named ones updated, the rest added. */
    void setToxics(List<NamedToxic> wanted) {
        Set<String> present = new LinkedHashSet<>();
        for (JsonNode toxic : http.get(toxicsUrl(), LIST_EXTENSIONS)) {
            present.add(toxic.path("name").asText());
        }
        Set<String> wantedNames = new LinkedHashSet<>();
        wanted.forEach(toxic -> wantedNames.add(toxic.name()));
        for (String stale : present) {
            if (!wantedNames.contains(stale)) {
                http.delete(toxicUrl(stale));
            }
        }
        for (NamedToxic toxic : wanted) {
            if (present.contains(toxic.name())) {
                http.post(toxicUrl(toxic.name()), toxic.body());
            } else {
                http.post(toxicsUrl(), toxic.body());
            }
        }
    }

    void delete() {
        http.delete(proxyUrl);
    }

    /**
     * This proxy's connections logged after {@code since}, one page (entries, next, last, dropped), from a server
     * known to keep the log.
     */
    JsonNode connections(long since) {
        return http.get(URI.create(connectionsUrl + "&since=" + since));
    }

    private URI toxicsUrl() {
        return URI.create(proxyUrl + "/toxics");
    }

    private URI toxicUrl(String toxic) {
        return URI.create(proxyUrl + "/toxics/" + encode(toxic));
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
