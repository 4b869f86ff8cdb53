package dev.brownout.internal.sut;

import dev.brownout.world.OAuthEndpoint;
import dev.brownout.world.ProviderEndpoint;
import dev.brownout.world.WorldEndpoints;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The world as a SUT in a container sees it. The world listens on this machine's loopback, which inside a
 * container is the container's own; so each loopback URL names {@value #HOST_ALIAS} instead (the name
 * Testcontainers gives this machine inside its containers) and keeps its port, and {@link #hostPorts()} lists the
 * ports to expose from this machine ({@code Testcontainers.exposeHostPorts}) for those URLs to work. A URL on
 * any other host (a remote Docker host's proxies) is left as it is.
 */
final class ContainerAddresses {

    static final String HOST_ALIAS = "host.testcontainers.internal";

    private static final Pattern LOOPBACK_URL = Pattern.compile(
            "^(https?)://(localhost|127(?:\\.\\d{1,3}){3}|\\[::1])(?::(\\d{1,5}))?(?=[/?#]|$)", Pattern.CASE_INSENSITIVE);

    private final WorldEndpoints endpoints;
    private final Map<String, String> environment;
    private final Set<Integer> hostPorts;

    private ContainerAddresses(WorldEndpoints endpoints, Map<String, String> environment, Set<Integer> hostPorts) {
        this.endpoints = endpoints;
        this.environment = Collections.unmodifiableMap(environment);
        this.hostPorts = Collections.unmodifiableSet(hostPorts);
    }

    /** The world's endpoints and its {@code BROWNOUT_*} variables, every loopback URL in them rewritten. */
    static ContainerAddresses of(WorldEndpoints world, Map<String, String> worldEnvironment) {
        Set<Integer> ports = new TreeSet<>();
        List<ProviderEndpoint> providers = world.providers().stream()
                .map(provider -> new ProviderEndpoint(provider.name(), provider.dialect(), provider.auth(),
                        rewrite(provider.baseUrl(), ports), provider.apiKey(), provider.models()))
                .toList();
        Optional<OAuthEndpoint> oauth = world.oauth().map(server -> new OAuthEndpoint(rewrite(server.issuer(), ports),
                rewrite(server.tokenUrl(), ports), rewrite(server.jwksUrl(), ports), rewrite(server.discoveryUrl(), ports),
                server.clients()));
        Map<String, String> environment = new LinkedHashMap<>();
        worldEnvironment.forEach((name, value) -> environment.put(name, rewrite(value, ports)));
        return new ContainerAddresses(new WorldEndpoints(providers, oauth), environment, ports);
    }

    /** The endpoints on the addresses a container reaches them at. */
    WorldEndpoints endpoints() {
        return endpoints;
    }

    /** The world's {@code BROWNOUT_*} variables on the addresses a container reaches them at. */
    Map<String, String> environment() {
        return environment;
    }

    /** This machine's ports the rewritten URLs name, in order; each must be exposed to the container. */
    Set<Integer> hostPorts() {
        return hostPorts;
    }

    /**
     * {@code value} with its loopback origin turned into {@value #HOST_ALIAS} and the port added to {@code ports};
     * anything that is not a loopback http(s) URL (a key, a dialect, another host's URL) as it is.
     */
    static String rewrite(String value, Set<Integer> ports) {
        if (value == null) {
            return null;
        }
        Matcher url = LOOPBACK_URL.matcher(value);
        if (!url.find()) {
            return value;
        }
        String scheme = url.group(1).toLowerCase(java.util.Locale.ROOT);
        int port = url.group(3) != null ? Integer.parseInt(url.group(3)) : "https".equals(scheme) ? 443 : 80;
        ports.add(port);
        return scheme + "://" + HOST_ALIAS + ":" + port + value.substring(url.end());
    }
}
