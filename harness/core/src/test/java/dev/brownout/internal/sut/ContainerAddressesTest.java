package dev.brownout.internal.sut;

import dev.brownout.world.ProviderEndpoint;
import dev.brownout.world.WorldEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The world as a container sees it: loopback URLs on the host alias, their ports to expose, and templates over that view. */
class ContainerAddressesTest {

    private final WorldEndpoints world = SutFixtures.paperWorld();
    private final ContainerAddresses addresses = ContainerAddresses.of(world, SutFixtures.environmentOf(world));

    @TempDir
    Path runDir;

    @Test
    void aLoopbackUrlNamesTheHostAliasAndKeepsItsPortAndPath() {
        Set<Integer> ports = new TreeSet<>();

        assertThat(ContainerAddresses.rewrite("http://127.0.0.1:18001/v1/chat?x=1", ports)).as("the rewritten URL")
                .isEqualTo("http://host.testcontainers.internal:18001/v1/chat?x=1");
        assertThat(ports).as("ports to expose").containsExactly(18001);
    }

    @Test
    void localhostAndIpv6LoopbackAreLoopbackToo() {
        Set<Integer> ports = new TreeSet<>();

        assertThat(ContainerAddresses.rewrite("http://localhost:4001", ports)).as("localhost")
                .isEqualTo("http://host.testcontainers.internal:4001");
        assertThat(ContainerAddresses.rewrite("https://[::1]:4002/x", ports)).as("[::1]")
                .isEqualTo("https://host.testcontainers.internal:4002/x");
        assertThat(ports).as("ports to expose").containsExactly(4001, 4002);
    }

    @Test
    void anythingElseIsLeftAsItIs() {
        Set<Integer> ports = new TreeSet<>();

        assertThat(ContainerAddresses.rewrite("http://10.1.2.3:8666/v1", ports)).as("another host's URL")
                .isEqualTo("http://10.1.2.3:8666/v1");
        assertThat(ContainerAddresses.rewrite("http://127.0.0.1.example.com:80/", ports)).as("a host that only starts like loopback")
                .isEqualTo("http://127.0.0.1.example.com:80/");
        assertThat(ContainerAddresses.rewrite("sk-127.0.0.1", ports)).as("a key").isEqualTo("sk-127.0.0.1");
        assertThat(ports).as("ports to expose").isEmpty();
    }

    @Test
    void everyProviderAndOAuthUrlIsRewrittenAndItsPortListed() {
        WorldEndpoints seen = addresses.endpoints();

        assertThat(seen.providers()).extracting(ProviderEndpoint::baseUrl).as("providers' base URLs")
                .containsExactly("http://host.testcontainers.internal:18001/v1", "http://host.testcontainers.internal:18002");
        assertThat(seen.oauth().orElseThrow().tokenUrl()).as("the token URL")
                .isEqualTo("http://host.testcontainers.internal:18003/oauth/token");
        assertThat(seen.oauth().orElseThrow().jwksUrl()).as("the JWKS URL")
                .isEqualTo("http://host.testcontainers.internal:18003/.well-known/jwks.json");
        assertThat(addresses.hostPorts()).as("ports to expose").containsExactly(18001, 18002, 18003);
    }

    @Test
    void theEnvironmentHasTheSameVariablesWithOnlyTheirUrlsRewritten() {
        Map<String, String> original = SutFixtures.environmentOf(world);

        assertThat(addresses.environment()).as("variables").containsOnlyKeys(original.keySet());
        assertThat(addresses.environment()).as("rewritten variables")
                .containsEntry("BROWNOUT_PRIMARY_BASE_URL", "http://host.testcontainers.internal:18001/v1")
                .containsEntry("BROWNOUT_OAUTH_ISSUER", "http://host.testcontainers.internal:18003")
                .containsEntry("BROWNOUT_PRIMARY_API_KEY", original.get("BROWNOUT_PRIMARY_API_KEY"))
                .containsEntry("BROWNOUT_OAUTH_CLIENT_SECRET", original.get("BROWNOUT_OAUTH_CLIENT_SECRET"));
    }

    @Test
    void aWorldOnAnotherHostExposesNothing() {
        WorldEndpoints remote = new WorldEndpoints(List.of(new ProviderEndpoint("primary", "openai", "api-key",
                "http://192.168.99.100:32768/v1", "sk-1", List.of("frontier"))), Optional.empty());

        ContainerAddresses seen = ContainerAddresses.of(remote, SutFixtures.environmentOf(remote));

        assertThat(seen.endpoints().providers().getFirst().baseUrl()).as("the remote proxy's URL")
                .isEqualTo("http://192.168.99.100:32768/v1");
        assertThat(seen.hostPorts()).as("ports to expose").isEmpty();
    }

    @Test
    void theContainersCommandAndEnvironmentAreRenderedOverTheWorldAsTheContainerSeesIt() {
        ContainerSpec container = new ContainerSpec("alpine/socat:1.8.0.3",
                List.of("TCP-LISTEN:8080,fork,reuseaddr", "TCP:{{providers.primary.address}}"),
                Map.of("UPSTREAM", "{{providers.backup.base_url}}", "KEY", "{{providers.primary.api_key}}"), 8080, null);

        SutStarter.RenderedContainer rendered = SutStarter.render(container, addresses, runDir);

        assertThat(rendered.command()).as("the command").containsExactly("TCP-LISTEN:8080,fork,reuseaddr",
                "TCP:host.testcontainers.internal:18001");
        assertThat(rendered.environment()).as("the environment")
                .containsEntry("UPSTREAM", "http://host.testcontainers.internal:18002")
                .containsEntry("KEY", "sk-primary")
                .containsEntry("BROWNOUT_BACKUP_BASE_URL", "http://host.testcontainers.internal:18002");
    }

    @Test
    void theContainersOwnEnvironmentWinsOverTheWorldsVariable() {
        ContainerSpec container = new ContainerSpec("my/gateway", null,
                Map.of("BROWNOUT_PRIMARY_BASE_URL", "http://my-mock:1/v1"), 8080, null);

        SutStarter.RenderedContainer rendered = SutStarter.render(container, addresses, runDir);

        assertThat(rendered.environment()).as("the environment").containsEntry("BROWNOUT_PRIMARY_BASE_URL", "http://my-mock:1/v1");
    }

    @Test
    void aContainerTemplateCannotNameTheContainersOwnAddressAndSaysWhichField() {
        ContainerSpec container = new ContainerSpec("my/gateway", List.of("--public-url", "{{container.url}}"), null, 8080, null);

        assertThatThrownBy(() -> SutStarter.render(container, addresses, runDir)).as("container.* inside the container")
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("container.command[1] line 1: unknown template variable 'container.url': "
                        + "container.* is where this machine reaches the container, known once it runs;");
    }
}
