package dev.brownout.fakes.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.Mappers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What the harness reads back over the admin API: the ledger of requests, health and metrics. */
class LedgerAndMetricsTest {

    private TestWorld world;

    @BeforeEach
    void start() {
        world = TestWorld.start();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void everyTokenRequestIsInTheLedgerWithGrantClientStatusAndOutcome() throws Exception {
        world.clientCredentials(world.agent());
        world.refresh(world.agent(), "bo_rt_unknown");

        JsonNode entries = Mappers.json().readTree(world.get("/__brownout/ledger?since=0").body()).path("entries");

        assertThat(entries).as("two entries").hasSize(2);
        assertThat(entries.get(0).path("endpoint").asText()).as("endpoint").isEqualTo("token");
        assertThat(entries.get(0).path("grant").asText()).as("grant").isEqualTo("client_credentials");
        assertThat(entries.get(0).path("client_id").asText()).as("client").isEqualTo("agent");
        assertThat(entries.get(0).path("status").asInt()).as("status").isEqualTo(200);
        assertThat(entries.get(0).path("outcome").asText()).as("outcome").isEqualTo("ok");
        assertThat(entries.get(0).path("latency_ms").asDouble()).as("latency").isPositive();
        assertThat(entries.get(1).path("outcome").asText()).as("refused refresh").isEqualTo("invalid_grant");
        assertThat(entries.get(1).path("status").asInt()).as("refused status").isEqualTo(400);
    }

    @Test
    void ledgerCursorReturnsOnlyNewerEntries() throws Exception {
        world.clientCredentials(world.agent());
        long next = Mappers.json().readTree(world.get("/__brownout/ledger?since=0").body()).path("next").asLong();
        world.get(JwksEndpoint.PATH);

        JsonNode page = Mappers.json().readTree(world.get("/__brownout/ledger?since=" + next).body());

        assertThat(page.path("entries")).as("entries after the cursor").hasSize(1);
        assertThat(page.path("entries").get(0).path("endpoint").asText()).as("endpoint").isEqualTo("jwks");
    }

    @Test
    void injectedFaultsAreMarkedInjected() throws Exception {
        world.behave(OAuthBehaviour.healthy().withTokenEndpoint(new OAuthBehaviour.TokenFaults(1.0, 503, null, null)));
        world.clientCredentials(world.agent());

        OAuthLedgerEntry entry = world.server.ledger().all().getLast();

        assertThat(entry.outcome()).as("outcome").isEqualTo("temporarily_unavailable");
        assertThat(entry.injected()).as("injected by the behaviour").isTrue();
    }

    @Test
    void healthNamesTheServerAsOAuthKind() throws Exception {
        JsonNode health = Mappers.json().readTree(world.get("/__brownout/health").body());

        assertThat(health.path("kind").asText()).as("kind").isEqualTo("oauth");
        assertThat(health.path("name").asText()).as("name").isEqualTo("oauth");
    }

    @Test
    void metricsCountTokensByGrantErrorsByCodeAndLatency() throws Exception {
        world.clientCredentials(world.agent());
        world.refresh(world.agent(), world.agent().refreshToken());
        world.refresh(world.agent(), "bo_rt_unknown");

        HttpResponse<String> metrics = world.get("/__brownout/metrics");

        assertThat(metrics.body()).as("Prometheus text")
                .containsPattern("brownout_oauth_tokens_issued_total\\{[^}]*grant=\"client_credentials\"[^}]*} 1\\.0")
                .containsPattern("brownout_oauth_tokens_issued_total\\{[^}]*grant=\"refresh_token\"[^}]*} 1\\.0")
                .containsPattern("brownout_oauth_errors_total\\{[^}]*code=\"invalid_grant\"[^}]*} 1\\.0")
                .contains("brownout_oauth_request_seconds_count");
    }
}
