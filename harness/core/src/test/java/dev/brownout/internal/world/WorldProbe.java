package dev.brownout.internal.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brownout.fakes.admin.AdminApi;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.oauth.OAuthBehaviour;
import dev.brownout.scenario.NetworkFaults;
import dev.brownout.scenario.Phase;
import dev.brownout.scenario.TargetFaults;
import dev.brownout.world.ProviderEndpoint;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads a proxied world's actual state from the outside, as a third party would: proxies with
 * toxiproxy-java, extension toxics and the fakes' behaviours over plain HTTP.
 */
public final class WorldProbe {

    private static final ObjectMapper JSON = Mappers.json();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ProxiedWorld world;

    public WorldProbe(ProxiedWorld world) {
        this.world = world;
    }

    Proxy proxy(String target) {
        try {
            return world.backend().client().getProxy(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean enabled(String target) {
        return proxy(target).isEnabled();
    }

    /** Toxiproxy toxics as toxiproxy-java lists them (it leaves extension toxics out). */
    List<String> toxicNames(String target) {
        try {
            List<String> names = new ArrayList<>();
            for (Toxic toxic : proxy(target).toxics().getAll()) {
                names.add(toxic.getName());
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every toxic, extensions included, as the embedded server's API lists them. */
    JsonNode allToxics(String target) {
        return get(URI.create(world.backend().controlUrl() + "/proxies/" + target + "/toxics"), true);
    }

    /** The behaviour the target's admin API reports. */
    JsonNode behaviour(String target) {
        String admin = world.fakes().oauth().filter(o -> target.equals("oauth"))
                .map(o -> "http://127.0.0.1:" + o.port() + AdminApi.PREFIX)
                .orElseGet(() -> world.fakes().provider(target).adminUrl());
        return get(URI.create(admin + "/behaviour"), false);
    }

    static JsonNode asJson(Object behaviour) {
        return JSON.valueToTree(behaviour);
    }

    private static JsonNode get(URI uri, boolean extensions) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (extensions) {
            request.header("X-Brownout-Extensions", "true");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> targets(ProxiedWorld world) {
        List<String> targets = new ArrayList<>(world.endpoints().providers().stream().map(ProviderEndpoint::name).toList());
        world.endpoints().oauth().ifPresent(o -> targets.add(TargetFaults.OAUTH));
        return targets;
    }

    /** Asserts that every target of {@code world} is in exactly {@code phase}'s state: proxy, toxics, behaviour. */
    public static void assertExactly(ProxiedWorld world, Phase phase) {
        WorldProbe probe = new WorldProbe(world);
        for (String target : targets(world)) {
            Optional<TargetFaults> faults = phase.faultsOn(target);
            NetworkFaults network = faults.map(TargetFaults::network).orElse(null);
            boolean down = network != null && network.down();
            List<String> toxics = network == null ? List.of()
                    : NamedToxic.forPhase(phase.name(), network.toxics()).stream().map(NamedToxic::name).toList();
            Object behaviour = target.equals(TargetFaults.OAUTH)
                    ? faults.map(TargetFaults::oauthBehaviour).orElse(OAuthBehaviour.healthy())
                    : faults.map(TargetFaults::providerBehaviour).orElse(ProviderBehaviour.healthy());
            assertThat(probe.enabled(target)).as("%s proxy enabled in phase %s", target, phase.name()).isEqualTo(!down);
            assertThat(probe.toxicNames(target)).as("%s proxy toxics in phase %s", target, phase.name())
                    .containsExactlyElementsOf(toxics);
            assertThat(probe.behaviour(target)).as("%s behaviour in phase %s", target, phase.name())
                    .isEqualTo(WorldProbe.asJson(behaviour));
        }
    }
}
