package dev.brownout.fakes;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.UnauthorizedException;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.fakes.oauth.OAuthBehaviour;
import dev.brownout.fakes.oauth.OAuthClient;
import dev.brownout.fakes.oauth.OAuthConfig;
import dev.brownout.fakes.oauth.OAuthServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * openai-java holding an OAuth access token against a provider in {@code auth: oauth}: calls work, the
 * token expires and calls get 401, a refresh brings them back, and during a token-endpoint outage the
 * refresh fails and calls keep failing until it ends.
 */
class OAuthModeEndToEndTest {

    private FakeWorld world;
    private FakeProvider primary;
    private OAuthServer oauth;
    private OAuthClient agent;

    @BeforeEach
    void start() {
        world = FakeWorld.start(new WorldConfig(3L, WorldConfig.LOOPBACK, TestWorlds.instantCatalog().toString(),
                List.of(ProviderConfig.of("primary", DialectKind.OPENAI, "mid").withAuth(AuthMode.OAUTH),
                        ProviderConfig.of("backup", DialectKind.OPENAI, "mid")),
                OAuthConfig.defaults().withTokenTtl(Duration.ofSeconds(2))));
        primary = world.provider("primary");
        oauth = world.oauth().orElseThrow();
        agent = oauth.clients().getFirst();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private OpenAIClient clientWith(String accessToken) {
        return OpenAIOkHttpClient.builder().baseUrl(primary.baseUrl()).apiKey(accessToken).maxRetries(0).build();
    }

    private static void ask(OpenAIClient client) {
        client.chat().completions().create(ChatCompletionCreateParams.builder().model("mid").addUserMessage("hi").build());
    }

    private Tokens clientCredentials() throws Exception {
        return TokenResponse.parse(new TokenRequest(oauth.tokenUrl(), basic(), new ClientCredentialsGrant(), null)
                .toHTTPRequest().send()).toSuccessResponse().getTokens();
    }

    private TokenResponse refresh(String refreshToken) throws Exception {
        return TokenResponse.parse(new TokenRequest(oauth.tokenUrl(), basic(),
                new RefreshTokenGrant(new RefreshToken(refreshToken)), null).toHTTPRequest().send());
    }

    private ClientSecretBasic basic() {
        return new ClientSecretBasic(new ClientID(agent.clientId()), new Secret(agent.clientSecret()));
    }

    /** Calls until the provider refuses the token; bounded by twice its lifetime and a margin. */
    private UnauthorizedException untilRefused(OpenAIClient client) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                ask(client);
            } catch (UnauthorizedException refused) {
                return refused;
            }
        }
        throw new AssertionError("the 2 s token was still accepted after 15 s");
    }

    @Test
    void issuedTokenWorksThenExpiresThenARefreshBringsCallsBack() throws Exception {
        OpenAIClient client = clientWith(clientCredentials().getAccessToken().getValue());
        ask(client);

        UnauthorizedException refused = untilRefused(client);

        assertThat(refused.headers().values("WWW-Authenticate")).as("bearer challenge on refusal")
                .anySatisfy(value -> assertThat(value).contains("invalid_token"));
        ProviderCall refusal = primary.ledger().all().getLast();
        assertThat(refusal.authFailure()).as("why the ledger says it was refused").isEqualTo("expired");

        TokenResponse refreshed = refresh(agent.refreshToken());
        assertThat(refreshed.indicatesSuccess()).as("refresh with the seeded refresh token").isTrue();
        ask(clientWith(refreshed.toSuccessResponse().getTokens().getAccessToken().getValue()));
    }

    @Test
    void duringATokenEndpointOutageRefreshFailsAndCallsKeepFailingUntilItEnds() throws Exception {
        Tokens first = clientCredentials();
        OpenAIClient client = clientWith(first.getAccessToken().getValue());
        untilRefused(client);
        oauth.behaviour().replace(OAuthBehaviour.healthy()
                .withTokenEndpoint(new OAuthBehaviour.TokenFaults(1.0, 503, null, null)));

        TokenResponse duringOutage = refresh(agent.refreshToken());

        assertThat(duringOutage.indicatesSuccess()).as("refresh while the token endpoint is down").isFalse();
        assertThat(duringOutage.toErrorResponse().getErrorObject().getHTTPStatusCode()).isEqualTo(503);
        assertThatThrownBy(() -> ask(client)).as("calls with the expired token").isInstanceOf(UnauthorizedException.class);

        oauth.behaviour().replace(OAuthBehaviour.healthy());
        TokenResponse after = refresh(agent.refreshToken());

        assertThat(after.indicatesSuccess()).as("refresh once the outage ends").isTrue();
        ask(clientWith(after.toSuccessResponse().getTokens().getAccessToken().getValue()));
    }

    @Test
    void theResponsesApiAcceptsAnIssuedTokenAndChallengesAForgedOne() throws Exception {
        OpenAIClient client = clientWith(clientCredentials().getAccessToken().getValue());

        Response response = client.responses().create(ResponseCreateParams.builder().model("mid").input("hi").build());

        assertThat(response.output()).as("output of a call with an issued token").isNotEmpty();
        assertThatThrownBy(() -> clientWith("eyJhbGciOiJub25lIn0.e30.").responses()
                .create(ResponseCreateParams.builder().model("mid").input("hi").build()))
                .isInstanceOfSatisfying(UnauthorizedException.class, refused -> assertThat(
                        refused.headers().values("WWW-Authenticate")).as("bearer challenge on refusal")
                        .anySatisfy(value -> assertThat(value).contains("invalid_token")));
        assertThat(primary.ledger().all()).extracting(ProviderCall::api).as("the APIs of the calls")
                .containsExactly("responses", "responses");
    }

    @Test
    void anotherProvidersApiKeyPresentedToAnOAuthProviderIsALeak() throws Exception {
        String backupKey = world.provider("backup").apiKey();

        assertThatThrownBy(() -> ask(clientWith(backupKey))).isInstanceOf(UnauthorizedException.class);

        ProviderCall leak = primary.ledger().all().getLast();
        assertThat(leak.credentialOwner()).as("the backup's key presented to primary").isEqualTo("backup");
    }

    @Test
    void worldDescriptionCarriesTheOAuthServerAndEachProvidersAuthMode() {
        var description = world.describe();

        assertThat(description).containsKey("oauth");
        @SuppressWarnings("unchecked")
        var oauthEntry = (java.util.Map<String, Object>) description.get("oauth");
        assertThat(oauthEntry).containsKeys("issuer", "token_url", "jwks_url", "clients");
        assertThat(URI.create(oauthEntry.get("token_url").toString())).isEqualTo(oauth.tokenUrl());
        @SuppressWarnings("unchecked")
        var providers = (List<java.util.Map<String, Object>>) description.get("providers");
        assertThat(providers).extracting(p -> p.get("auth")).containsExactly("oauth", "api-key");
        assertThat(providers.getFirst().get("api_key")).as("no key for a provider in oauth mode").isNull();
    }
}
