package dev.brownout.fakes.oauth;

import com.nimbusds.jwt.SignedJWT;
import dev.brownout.fakes.auth.AuthFailure;
import dev.brownout.fakes.auth.AuthResult;
import dev.brownout.fakes.auth.Authenticator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In-process validation of bearer tokens for providers in OAuth mode. One server for the class: no test
 * changes its behaviour, and each judges tokens of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthBearerAuthenticatorTest {

    private TestWorld world;

    @BeforeAll
    void start() {
        world = TestWorld.start(OAuthConfig.defaults().withTokenTtl(Duration.ofSeconds(2)).withClients(List.of(
                new OAuthClientConfig("agent", List.of("llm.invoke", "llm.batch"), null, null, null, null),
                new OAuthClientConfig("backup-only", null, List.of("backup"), List.of(GrantType.CLIENT_CREDENTIALS), null, null),
                new OAuthClientConfig("elsewhere", null, List.of("search-api"), List.of(GrantType.CLIENT_CREDENTIALS), null, null),
                new OAuthClientConfig("batch", List.of("llm.batch"), null, List.of(GrantType.CLIENT_CREDENTIALS), null, null))));
    }

    @AfterAll
    void stop() {
        world.close();
    }

    private Authenticator primary() {
        return world.server.authenticatorFor("primary", "llm.invoke");
    }

    private String tokenOf(String clientId) throws Exception {
        return TestWorld.issued(world.clientCredentials(world.server.client(clientId))).getAccessToken().getValue();
    }

    @Test
    void acceptsATokenForThisProviderWithTheScope() throws Exception {
        AuthResult result = primary().authenticate(world.accessToken());

        assertThat(result.accepted()).as("accepted: %s", result.detail()).isTrue();
        assertThat(result.principal()).as("principal").isEqualTo("agent");
    }

    @Test
    void missingTokenIsMissing() {
        assertThat(primary().authenticate(null).failure()).as("no credential").isEqualTo(AuthFailure.MISSING);
    }

    @Test
    void garbageIsMalformed() {
        assertThat(primary().authenticate("not-a-jwt").failure()).as("garbage bearer").isEqualTo(AuthFailure.MALFORMED);
    }

    @Test
    void tamperedSignatureIsBadSignature() throws Exception {
        String token = world.accessToken();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThat(primary().authenticate(tampered).failure()).as("tampered signature").isEqualTo(AuthFailure.BAD_SIGNATURE);
    }

    @Test
    void tokenForAnotherProviderOfTheWorldIsALeak() throws Exception {
        AuthResult result = primary().authenticate(tokenOf("backup-only"));

        assertThat(result.isLeak()).as("a backup token at primary is a leak: %s", result).isTrue();
        assertThat(result.owner()).as("owner").isEqualTo("backup");
        assertThat(result.principal()).as("principal").isEqualTo("backup-only");
    }

    @Test
    void tokenForAnAudienceOutsideTheWorldIsWrongAudience() throws Exception {
        AuthResult result = primary().authenticate(tokenOf("elsewhere"));

        assertThat(result.failure()).as("aud names no provider of this world").isEqualTo(AuthFailure.WRONG_AUDIENCE);
    }

    @Test
    void apiKeyOfAnotherProviderIsALeak() {
        world.registry.register("sk-backup-123", "backup");

        AuthResult result = primary().authenticate("sk-backup-123");

        assertThat(result.isLeak()).as("backup's API key at primary").isTrue();
        assertThat(result.owner()).as("owner").isEqualTo("backup");
    }

    @Test
    void clientSecretSentAsBearerIsALeakOfTheOAuthServer() {
        AuthResult result = primary().authenticate(world.agent().clientSecret());

        assertThat(result.isLeak()).as("the OAuth client secret sent to a provider").isTrue();
        assertThat(result.owner()).as("owner").isEqualTo("oauth");
    }

    @Test
    void tokenWithoutTheRequiredScopeIsInsufficientScope() throws Exception {
        AuthResult result = primary().authenticate(tokenOf("batch"));

        assertThat(result.failure()).as("scope llm.batch only").isEqualTo(AuthFailure.INSUFFICIENT_SCOPE);
    }

    @Test
    void tokenPastExpiryAndLeewayIsExpired() throws Exception {
        String token = world.accessToken();
        Authenticator strict = world.server.authenticatorFor("primary", "llm.invoke", Duration.ZERO);
        long exp = SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().getTime();

        assertThat(strict.authenticate(token).accepted()).as("fresh token accepted").isTrue();
        TestWorld.await("the 2 s token to expire", Duration.ofSeconds(10), () -> System.currentTimeMillis() > exp);
        assertThat(strict.authenticate(token).failure()).as("after exp").isEqualTo(AuthFailure.EXPIRED);
    }

    @Test
    void leewayKeepsAJustExpiredTokenValid() throws Exception {
        String token = world.accessToken();
        long exp = SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().getTime();
        TestWorld.await("the 2 s token to expire", Duration.ofSeconds(10), () -> System.currentTimeMillis() > exp + 100);

        assertThat(world.server.authenticatorFor("primary", "llm.invoke", Duration.ofMinutes(1)).authenticate(token).accepted())
                .as("expired by less than the leeway").isTrue();
    }

    @Test
    void revokedTokenIsRevoked() throws Exception {
        String token = world.accessToken();
        OAuthClient agent = world.agent();
        world.postForm(OAuthServer.REVOKE_PATH, "token=" + token + "&client_id=agent&client_secret=" + agent.clientSecret());

        assertThat(primary().authenticate(token).failure()).as("after revocation").isEqualTo(AuthFailure.REVOKED);
    }

    @Test
    void everySecretIsRegisteredWithTheServerAsOwner() {
        OAuthClient agent = world.agent();

        assertThat(world.registry.ownerOf(agent.clientSecret())).as("client secret owner").contains("oauth");
        assertThat(world.registry.ownerOf(agent.refreshToken())).as("seeded refresh token owner").contains("oauth");
    }
}
