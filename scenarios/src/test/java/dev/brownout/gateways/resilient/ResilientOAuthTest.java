package dev.brownout.gateways.resilient;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletion;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.fakes.oauth.OAuthClient;
import dev.brownout.fakes.oauth.OAuthLedgerEntry;
import dev.brownout.fakes.oauth.OAuthServer;
import dev.brownout.gateways.GatewayConfig;
import dev.brownout.gateways.OAuthCredentials;
import dev.brownout.gateways.RunningGateway;
import dev.brownout.gateways.TestWorld;
import dev.brownout.gateways.UpstreamConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An OAuth primary whose tokens live 2 s: the gateway fetches one, replaces it before it expires, and never fails over. */
class ResilientOAuthTest {

    private static final Duration TOKEN_TTL = Duration.ofSeconds(2);

    private TestWorld world;
    private OAuthServer oauth;
    private OAuthClient agent;
    private RunningGateway gateway;
    private OpenAIClient sdk;

    @BeforeEach
    void start() {
        world = TestWorld.startWithOAuthPrimary(41, TOKEN_TTL);
        oauth = world.world().oauth().orElseThrow();
        agent = oauth.clients().getFirst();
    }

    @AfterEach
    void stop() {
        sdk.close();
        gateway.close();
        world.close();
    }

    private void startGateway(OAuthCredentials credentials) {
        UpstreamConfig primary = UpstreamConfig.withOAuth("primary", world.primary().baseUrl(), credentials,
                TestWorld.PRIMARY_MODEL);
        gateway = ResilientGateway.start(GatewayConfig.of(primary, world.backupUpstream()));
        sdk = TestWorld.sdkFor(gateway);
    }

    /** Calls every 150 ms for three token lifetimes; returns the model of each answer. */
    private List<String> callAcrossExpiries() throws InterruptedException {
        List<String> models = new ArrayList<>();
        long end = System.nanoTime() + TOKEN_TTL.multipliedBy(3).toNanos();
        for (int call = 0; call < 100 && System.nanoTime() < end; call++) {
            ChatCompletion completion = sdk.chat().completions().create(TestWorld.ask("call " + call).build());
            models.add(completion.model());
            Thread.sleep(150);
        }
        return models;
    }

    private List<OAuthLedgerEntry> tokenGrants(String grant) {
        return oauth.ledger().all().stream()
                .filter(entry -> "token".equals(entry.endpoint()) && grant.equals(entry.grant())).toList();
    }

    @Test
    void clientCredentialsTokenIsRefreshedAheadOfExpiry() throws InterruptedException {
        startGateway(new OAuthCredentials(oauth.tokenUrl(), agent.clientId(), agent.clientSecret(), null));

        List<String> models = callAcrossExpiries();

        assertThat(models).as("every answer, across three token lifetimes").isNotEmpty()
                .containsOnly(TestWorld.PRIMARY_MODEL);
        assertThat(world.primary().ledger().all()).as("the primary never saw an expired or refused token")
                .extracting(ProviderCall::authFailure).containsOnlyNulls();
        assertThat(tokenGrants("client_credentials")).as("tokens fetched: one per lifetime or more")
                .hasSizeGreaterThanOrEqualTo(3).allSatisfy(entry -> assertThat(entry.status()).isEqualTo(200));
    }

    @Test
    void refreshTokenGrantKeepsCallsGoingWithRotatedRefreshTokens() throws InterruptedException {
        startGateway(new OAuthCredentials(oauth.tokenUrl(), agent.clientId(), agent.clientSecret(), agent.refreshToken()));

        List<String> models = callAcrossExpiries();

        assertThat(models).as("every answer, across three token lifetimes").isNotEmpty()
                .containsOnly(TestWorld.PRIMARY_MODEL);
        assertThat(world.primary().ledger().all()).as("the primary never saw an expired or refused token")
                .extracting(ProviderCall::authFailure).containsOnlyNulls();
        assertThat(tokenGrants("refresh_token")).as("refreshes, each accepted (a reused rotated token would be refused)")
                .hasSizeGreaterThanOrEqualTo(3).allSatisfy(entry -> assertThat(entry.status()).isEqualTo(200));
        assertThat(tokenGrants("client_credentials")).as("no fallback to the secret").isEmpty();
    }
}
