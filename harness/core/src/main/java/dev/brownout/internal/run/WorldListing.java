package dev.brownout.internal.run;

import dev.brownout.scenario.TargetFaults;
import dev.brownout.internal.world.ProxiedWorld;
import dev.brownout.world.ProviderEndpoint;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code world.json}: the run's world without its secrets — what the SUT was given (proxy addresses) and
 * every port the world listened on, so anyone can check afterwards that none is left open.
 *
 * @param listeners {@code host:port} of every proxy, every fake's own listener and the proxy control API
 * @param connectionsNotCounted why the fault proxy logged no connections (then there is no
 *                              {@code connections.jsonl}), or null when it did
 */
record WorldListing(List<Provider> providers, String oauthIssuer, String proxyControlUrl, List<String> listeners,
                    String connectionsNotCounted) {

    record Provider(String name, String dialect, String auth, String baseUrl, List<String> models, int ownPort) {
    }

    static WorldListing of(ProxiedWorld world) {
        List<Provider> providers = new ArrayList<>();
        List<String> listeners = new ArrayList<>();
        for (ProviderEndpoint endpoint : world.endpoints().providers()) {
            URI fake = world.fakeOrigin(endpoint.name());
            providers.add(new Provider(endpoint.name(), endpoint.dialect(), endpoint.auth(), endpoint.baseUrl(),
                    endpoint.models(), fake.getPort()));
            listeners.add(hostPort(URI.create(endpoint.baseUrl())));
            listeners.add(hostPort(fake));
        }
        String issuer = world.endpoints().oauth().map(oauth -> oauth.issuer()).orElse(null);
        if (issuer != null) {
            listeners.add(hostPort(URI.create(issuer)));
            listeners.add(hostPort(world.fakeOrigin(TargetFaults.OAUTH)));
        }
        URI control = world.controlUrl();
        listeners.add(hostPort(control));
        return new WorldListing(providers, issuer, control.toString(), listeners,
                world.connectionsNotCounted().orElse(null));
    }

    private static String hostPort(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }
}
