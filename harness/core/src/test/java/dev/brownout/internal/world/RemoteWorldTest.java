package dev.brownout.internal.world;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.WorldConfig;
import dev.brownout.fakes.admin.AdminToken;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.faultproxy.backend.FaultProxyBackend;
import dev.brownout.scenario.NetworkFaults;
import dev.brownout.scenario.Phase;
import dev.brownout.scenario.Scenario;
import dev.brownout.scenario.ScenarioLibrary;
import dev.brownout.scenario.TargetFaults;
import dev.brownout.scenario.Toxic;
import dev.brownout.scenario.ToxicKind;
import dev.brownout.scenario.ToxicStream;
import dev.brownout.world.ProviderEndpoint;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A world driven from its JSON line, as {@code brownout run --world} drives one another process started: phases,
 * ledgers and clean-up over HTTP only, and precise errors for a line or a world that does not fit.
 */
class RemoteWorldTest {

    private static final String TOKEN = "remote-world-token";

    private static String line(ProxiedWorld world) throws Exception {
        return Mappers.json().writeValueAsString(world.describe());
    }

    /** The world of {@code scenario} on 127.0.0.2 (standing in for another host) with every API tokened. */
    private static ProxiedWorld tokenedWorld(WorldConfig config) {
        return ProxiedWorld.start(config.withHost("127.0.0.2"), FaultProxyBackend.embedded("127.0.0.2", TOKEN),
                AdminToken.of(TOKEN));
    }

    /** Two providers whose models answer at once. */
    private static WorldConfig twoProviders() {
        return new WorldConfig(7L, null, TestWorlds.instantCatalog().toString(), List.of(
                ProviderConfig.of("primary", DialectKind.OPENAI, "mid"), ProviderConfig.of("backup", DialectKind.ANTHROPIC, "small")));
    }

    private static JsonNode getWithToken(URI uri) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + TOKEN).header("X-Brownout-Extensions", "true").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s with the token: %s", uri, response.body()).isEqualTo(200);
            return Mappers.json().readTree(response.body());
        }
    }

    @Test
    void everyPhaseOfATimelineSetOverHttpLeavesTheWorldInExactlyThatPhase() throws Exception {
        Scenario scenario = ScenarioLibrary.load("provider-brownout");
        try (ProxiedWorld owner = TestWorlds.start(scenario)) {
            RemoteWorld remote = RemoteWorld.parse(line(owner), "the test's line");
            try (ProxiedWorld attached = ProxiedWorld.attach(remote, scenario.worldConfig())) {
                for (Phase phase : scenario.timeline()) {
                    attached.phases().apply(phase);
                    WorldProbe.assertExactly(owner, phase);
                }
            }
        }
    }

    @Test
    void closingAnAttachedWorldClearsItsFaultsAndLeavesItServing() throws Exception {
        try (ProxiedWorld owner = tokenedWorld(twoProviders())) {
            RemoteWorld remote = RemoteWorld.parse(line(owner), "the test's line");
            Toxic latency = new Toxic(ToxicKind.LATENCY, ToxicStream.DOWNSTREAM, 1, Map.of("latency", 50L));
            try (ProxiedWorld attached = ProxiedWorld.attach(remote, twoProviders())) {
                attached.phases().apply(new Phase(Duration.ZERO, "slow", List.of(new TargetFaults("primary",
                        new NetworkFaults(false, List.of(latency)), null, null))));
                assertThat(getWithToken(owner.controlUrl().resolve("/proxies/primary/toxics")))
                        .as("the toxic the attached world set, read on the owner's control API").hasSize(1);
            }
            assertThat(getWithToken(owner.controlUrl().resolve("/proxies/primary/toxics")))
                    .as("toxics once the attached world closed").isEmpty();
            assertThat(getWithToken(owner.controlUrl().resolve("/proxies")).size())
                    .as("the owner's proxies are still there").isEqualTo(2);
            ProviderEndpoint primary = owner.endpoints().provider("primary");
            assertThat(TestWorlds.ask(primary, primary.apiKey())).as("the world still answers through its proxy")
                    .isNotBlank();
        }
    }

    @Test
    void ledgersArePulledOverHttpFromWhereTheyStoodWhenAttached() throws Exception {
        try (ProxiedWorld owner = tokenedWorld(twoProviders())) {
            ProviderEndpoint primary = owner.endpoints().provider("primary");
            TestWorlds.ask(primary, primary.apiKey());
            RemoteWorld remote = RemoteWorld.parse(line(owner), "the test's line");
            try (ProxiedWorld attached = ProxiedWorld.attach(remote, twoProviders())) {
                Map<String, Long> before = attached.ledgerPositions();
                TestWorlds.ask(primary, primary.apiKey());

                List<ProviderCall> pulled = attached.ledger("primary");
                List<ProviderCall> inProcess = owner.fakes().provider("primary").ledger().all();
                assertThat(pulled).as("the calls since attaching, pulled over the admin API")
                        .containsExactly(inProcess.getLast());
                assertThat(attached.ledgerPositions().get("primary")).as("the position after one more call")
                        .isEqualTo(before.get("primary") + 1).isEqualTo(inProcess.getLast().seq());
            }
        }
    }

    @Test
    void aScenarioNamingAProviderTheWorldLacksIsRefusedNamingIt() throws Exception {
        try (ProxiedWorld owner = tokenedWorld(new WorldConfig(7L, null, null,
                List.of(ProviderConfig.of("primary", DialectKind.OPENAI))))) {
            RemoteWorld remote = RemoteWorld.parse(line(owner), "world.json");

            assertThatThrownBy(() -> ProxiedWorld.check(remote, twoProviders()))
                    .as("a scenario whose world has a provider 'backup' the running world lacks")
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("world.json").hasMessageContaining("provider 'backup'")
                    .hasMessageContaining("primary (openai)");
        }
    }

    @Test
    void aWorldOnAnotherClockThanTheRunIsRefused() throws Exception {
        try (ProxiedWorld owner = tokenedWorld(twoProviders())) {
            RemoteWorld remote = RemoteWorld.parse(line(owner), "world.json");

            assertThatThrownBy(() -> ProxiedWorld.check(remote, twoProviders().withTimeScale(0.05)))
                    .as("a run at time scale 0.05 on a world started at 1").isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("world.json: time_scale is 1.0, but this run plays at 0.05");
        }
    }

    @Test
    void aWrongTokenIsRefusedBeforeAnythingChangesNamingTheField() throws Exception {
        try (ProxiedWorld owner = tokenedWorld(twoProviders())) {
            RemoteWorld remote = RemoteWorld.parse(line(owner).replace(TOKEN, "not-the-token"), "world.json");

            assertThatThrownBy(() -> ProxiedWorld.check(remote, twoProviders())).as("a line with the wrong token")
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("world.json")
                    .hasMessageContaining("admin_url").hasMessageContaining("refused the world's admin_token");
        }
    }

    @Test
    void anUnreachableAdminUrlIsNamedWithItsField() throws Exception {
        String line;
        try (ProxiedWorld owner = TestWorlds.start(ScenarioLibrary.load("provider-brownout"))) {
            line = line(owner);
        }
        RemoteWorld gone = RemoteWorld.parse(line, "world.json");

        assertThatThrownBy(() -> ProxiedWorld.check(gone, ScenarioLibrary.load("provider-brownout").worldConfig()))
                .as("a line whose world has stopped").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("world.json: providers[0].admin_url").hasMessageContaining("could not be reached")
                .hasMessageContaining("connection was refused");
    }

    @Test
    void aLineWithoutAFieldNamesTheFieldAndTheSource() throws Exception {
        try (ProxiedWorld owner = TestWorlds.start(ScenarioLibrary.load("provider-brownout"))) {
            com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                    Mappers.json().valueToTree(owner.describe());
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("providers").path(0)).remove("proxy");
            String line = tree.toString();

            assertThatThrownBy(() -> RemoteWorld.parse(line, "world.json")).as("a line missing a provider's proxy")
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("world.json: providers[0].proxy is missing");
        }
    }

    @Test
    void anotherFormatVersionIsRefusedNamingTheOneRead() {
        assertThatThrownBy(() -> RemoteWorld.parse("{\"world_format\": 2}", "world.json")).as("world_format 2")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("world.json: world_format is 2; this harness reads only 1");
        assertThatThrownBy(() -> RemoteWorld.parse("{\"providers\": []}", "world.json")).as("no world_format")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("world.json: world_format is missing");
    }

    @Test
    void aFileThatIsNotJsonIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> RemoteWorld.parse("export BROWNOUT_PRIMARY_BASE_URL=x", "world.json"))
                .as("the text output instead of the JSON line").isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("world.json: not JSON");
    }
}
