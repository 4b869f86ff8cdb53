package dev.brownout.gateways.resilient;

import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletion;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.fakes.oauth.OAuthBehaviour;
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

/**
 * An OAuth primary whose tokens live 2 s: the gateway fetches one and replaces it before it expires; when
 * no token can be had, it fails over rather than present an expired one.
 */
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

    /** Calls every 150 ms for {@code span}; returns the model of each answer. */
    private List<String> callFor(Duration span) throws InterruptedException {
        List<String> models = new ArrayList<>();
        long end = System.nanoTime() + span.toNanos();
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

        List<String> models = callFor(TOKEN_TTL.multipliedBy(2));

        assertThat(models).as("every answer, across two token lifetimes").isNotEmpty()
                .containsOnly(TestWorld.PRIMARY_MODEL);
        assertThat(world.primary().ledger().all()).as("the primary never saw an expired or refused token")
                .extracting(ProviderCall::authFailure).containsOnlyNulls();
        assertThat(tokenGrants("client_credentials")).as("tokens fetched: the first and at least one ahead of its expiry")
                .hasSizeGreaterThanOrEqualTo(2).allSatisfy(entry -> assertThat(entry.status()).isEqualTo(200));
    }

    @Test
    void refreshTokenGrantKeepsCallsGoingWithRotatedRefreshTokens() throws InterruptedException {
        startGateway(new OAuthCredentials(oauth.tokenUrl(), agent.clientId(), agent.clientSecret(), agent.refreshToken()));

        List<String> models = callFor(TOKEN_TTL.multipliedBy(2));

        assertThat(models).as("every answer, across two token lifetimes").isNotEmpty()
                .containsOnly(TestWorld.PRIMARY_MODEL);
        assertThat(world.primary().ledger().all()).as("the primary never saw an expired or refused token")
                .extracting(ProviderCall::authFailure).containsOnlyNulls();
        assertThat(tokenGrants("refresh_token")).as("refreshes, each accepted (a reused rotated token would be refused)")
                .hasSizeGreaterThanOrEqualTo(2).allSatisfy(entry -> assertThat(entry.status()).isEqualTo(200));
        assertThat(tokenGrants("client_credentials")).as("no fallback to the secret").isEmpty();
    }

    @Test
    void tokenEndpointOutageKeepsTheValidTokenThenFailsOverOnceItExpires() throws InterruptedException {
        startGateway(new OAuthCredentials(oauth.tokenUrl(), agent.clientId(), agent.clientSecret(), null));
        sdk.chat().completions().create(TestWorld.ask("fetches the first token").build());
        oauth.behaviour().replace(OAuthBehaviour.healthy()
                .withTokenEndpoint(new OAuthBehaviour.TokenFaults(1.0, 503, null, null)));

        List<String> models = callFor(TOKEN_TTL.plusSeconds(1));

        assertThat(models.getFirst()).as("answered while the old token is still valid").isEqualTo(TestWorld.PRIMARY_MODEL);
        assertThat(models.getLast()).as("answered once the token expired and none could be had")
                .isEqualTo(TestWorld.BACKUP_MODEL);
        assertThat(world.primary().ledger().all()).as("the primary never saw an expired token")
                .extracting(ProviderCall::authFailure).containsOnlyNulls();
    }
}
