package dev.brownout.internal.sut;

import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.WorldConfig;
import dev.brownout.fakes.oauth.OAuthClient;
import dev.brownout.faultproxy.backend.FaultProxyBackend;
import dev.brownout.internal.world.ProxiedWorld;
import dev.brownout.internal.world.WorldEnvironment;
import dev.brownout.scenario.ScenarioLibrary;
import dev.brownout.scenario.ScenarioWorld;
import dev.brownout.world.OAuthEndpoint;
import dev.brownout.world.ProviderEndpoint;
import dev.brownout.world.WorldEndpoints;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Worlds, endpoints and commands the SUT tests share. */
final class SutFixtures {

    private SutFixtures() {
    }

    /** A world that exists only on paper: enough to render templates against, nothing listening. */
    static WorldEndpoints paperWorld() {
        return new WorldEndpoints(List.of(
                new ProviderEndpoint("primary", "openai", "api-key", "http://127.0.0.1:18001/v1", "sk-primary", List.of("frontier", "mid")),
                new ProviderEndpoint("backup", "anthropic", "oauth", "http://127.0.0.1:18002", null, List.of("mid"))),
                Optional.of(new OAuthEndpoint("http://127.0.0.1:18003", "http://127.0.0.1:18003/oauth/token",
                        "http://127.0.0.1:18003/.well-known/jwks.json",
                        "http://127.0.0.1:18003/.well-known/openid-configuration",
                        List.of(new OAuthClient("gateway", "s3cret", "rt-1"), new OAuthClient("agent", "other", null)))));
    }

    static Map<String, String> environmentOf(WorldEndpoints endpoints) {
        return WorldEnvironment.of(endpoints);
    }

    /** Two OpenAI api-key providers answering instantly behind the embedded fault proxy. */
    static ProxiedWorld startWorld() {
        WorldConfig config = new WorldConfig(42L, null, instantCatalog().toString(), List.of(
                ProviderConfig.of("primary", DialectKind.OPENAI, "frontier"),
                ProviderConfig.of("backup", DialectKind.OPENAI, "mid")));
        return ProxiedWorld.start(config, FaultProxyBackend.embedded());
    }

    /** A shipped scenario's world (its providers, dialects, auth and OAuth server) with its models answering instantly. */
    static ProxiedWorld startWorldOf(String scenarioName) {
        ScenarioWorld world = ScenarioLibrary.load(scenarioName).world();
        WorldConfig config = new WorldConfig(42L, world.host(), instantCatalog().toString(), world.providers(), world.oauth());
        return ProxiedWorld.start(config, FaultProxyBackend.embedded());
    }

    static Path instantCatalog() {
        try {
            return Path.of(Objects.requireNonNull(SutFixtures.class.getResource("/world/instant-catalog.yaml")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This JVM's java launcher and test class path: runs any class of the tests in a child process. */
    static List<String> java(String mainClass, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
