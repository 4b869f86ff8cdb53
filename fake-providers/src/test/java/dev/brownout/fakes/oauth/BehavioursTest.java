package dev.brownout.fakes.oauth;

import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import dev.brownout.fakes.auth.AuthFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each behaviour of the server, switched while serving, and what a real client sees. */
class BehavioursTest {

    private TestWorld world;

    @BeforeEach
    void start() {
        world = TestWorld.start();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private static OAuthBehaviour healthy() {
        return OAuthBehaviour.healthy();
    }

    private OAuthBehaviour.TokenFaults tokenFaults(double rate, int status, Duration delay, boolean hang) {
        return new OAuthBehaviour.TokenFaults(rate, status, delay, hang);
    }

    @Test
    void tokenEndpointAnswers503TemporarilyUnavailableWithProbabilityOne() throws Exception {
        world.behave(healthy().withTokenEndpoint(tokenFaults(1, 503, null, false)));

        TokenResponse response = world.clientCredentials(world.agent());

        assertThat(TestWorld.errorCode(response)).as("error code").isEqualTo("temporarily_unavailable");
        assertThat(response.toErrorResponse().getErrorObject().getHTTPStatusCode()).as("status").isEqualTo(503);
    }

    @Test
    void tokenEndpointAnswers500ServerErrorWhenAskedFor500() throws Exception {
        world.behave(healthy().withTokenEndpoint(tokenFaults(1, 500, null, false)));

        TokenResponse response = world.clientCredentials(world.agent());

        assertThat(TestWorld.errorCode(response)).as("error code").isEqualTo("server_error");
        assertThat(response.toErrorResponse().getErrorObject().getHTTPStatusCode()).as("status").isEqualTo(500);
    }

    @Test
    void injectedErrorsFollowTheRateAndTheSeed() throws Exception {
        int[] failures = new int[2];
        for (int run = 0; run < 2; run++) {
            try (TestWorld fresh = TestWorld.start()) {
                fresh.behave(healthy().withTokenEndpoint(tokenFaults(0.5, 503, null, false)));
                for (int i = 0; i < 40; i++) {
                    failures[run] += fresh.clientCredentials(fresh.agent()).indicatesSuccess() ? 0 : 1;
                }
            }
        }

        assertThat(failures[0]).as("about half of 40 fail at rate 0.5").isBetween(8, 32);
        assertThat(failures[1]).as("the same seed fails the same requests").isEqualTo(failures[0]);
    }

    @Test
    void tokenEndpointDelayIsAddedToEveryAnswer() throws Exception {
        world.behave(healthy().withTokenEndpoint(tokenFaults(0, 503, Duration.ofMillis(700), false)));

        long start = System.nanoTime();
        TokenResponse response = world.clientCredentials(world.agent());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.indicatesSuccess()).as("still answers").isTrue();
        assertThat(took).as("answer took at least the delay").isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void hungTokenEndpointTimesTheClientOutAndTheServerStaysHealthy() throws Exception {
        world.behave(healthy().withTokenEndpoint(tokenFaults(0, 503, null, true)));
        HTTPRequest request = new TokenRequest(world.server.tokenUrl(), world.basic(world.agent()),
                new ClientCredentialsGrant(), null).toHTTPRequest();
        request.setReadTimeout(1000);

        assertThatThrownBy(request::send).as("a client with a 1 s read timeout gives up").isInstanceOf(SocketTimeoutException.class);
        assertThat(world.get("/__brownout/health").statusCode()).as("admin health while a request hangs").isEqualTo(200);
        assertThat(world.get(JwksEndpoint.PATH).statusCode()).as("JWKS while a request hangs").isEqualTo(200);
        world.behave(healthy());
        assertThat(world.clientCredentials(world.agent()).indicatesSuccess()).as("tokens again once healed").isTrue();
        assertThat(world.server.ledger().all()).as("the hang is in the ledger")
                .anyMatch(entry -> entry.outcome().equals("hang") && entry.injected());
    }

    @Test
    void closingTheServerIsNotHeldUpByAHungRequest() throws Exception {
        world.behave(healthy().withTokenEndpoint(tokenFaults(0, 503, null, true)));
        CompletableFuture<HttpResponse<String>> hung = world.http.sendAsync(java.net.http.HttpRequest
                        .newBuilder(world.server.tokenUrl())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        TestWorld.await("the request to be held", Duration.ofSeconds(5),
                () -> world.server.ledger().all().stream().anyMatch(entry -> entry.outcome().equals("hang")));

        long start = System.nanoTime();
        world.server.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("close() while a request hangs").isLessThan(Duration.ofSeconds(5));
        assertThat(hung.handle((response, failure) -> "ended")).as("the held request ends when the server stops")
                .succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void refreshFailsWithInvalidGrantWhenForcedToRelogin() throws Exception {
        world.behave(healthy().withRefreshFails(true));

        TokenResponse response = world.refresh(world.agent(), world.agent().refreshToken());

        assertThat(TestWorld.errorCode(response)).as("refresh under forced re-login").isEqualTo("invalid_grant");
        assertThat(world.clientCredentials(world.agent()).indicatesSuccess()).as("other grants still work").isTrue();
    }

    @Test
    void jwksUnavailableAnswers503ButIssuedTokensStillValidateInProcess() throws Exception {
        String token = world.accessToken();
        world.behave(healthy().withJwksUnavailable(true));

        HttpResponse<String> jwks = world.get(JwksEndpoint.PATH);

        assertThat(jwks.statusCode()).as("JWKS status").isEqualTo(503);
        assertThatThrownBy(() -> RemoteResourceServerTest.validatorFor(world.server, "primary").process(token, null))
                .as("a remote validator cannot get keys").isInstanceOf(Exception.class);
        assertThat(world.server.authenticatorFor("primary", "llm.invoke").authenticate(token).accepted())
                .as("in-process validation is unaffected").isTrue();
    }

    @Test
    void rotatedKeyKeepsOldTokensValidWhileOldKeysAreKept() throws Exception {
        String before = world.accessToken();
        world.behave(healthy().withSigningKey(new OAuthBehaviour.SigningKey(1, true)));
        String after = world.accessToken();

        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).as("new kid after rotation")
                .isNotEqualTo(SignedJWT.parse(before).getHeader().getKeyID());
        assertThat(JWKSet.parse(world.get(JwksEndpoint.PATH).body()).getKeys()).as("both keys published").hasSize(2);
        assertThat(world.server.authenticatorFor("primary", "llm.invoke").authenticate(before).accepted())
                .as("old token in-process").isTrue();
        assertThat(RemoteResourceServerTest.validatorFor(world.server, "primary").process(before, null))
                .as("old token remotely").isNotNull();
    }

    @Test
    void rotatedKeyWithOldKeysDroppedFailsOldTokensWithBadSignature() throws Exception {
        String before = world.accessToken();
        world.behave(healthy().withSigningKey(new OAuthBehaviour.SigningKey(1, false)));
        String after = world.accessToken();

        assertThat(JWKSet.parse(world.get(JwksEndpoint.PATH).body()).getKeys()).as("only the new key published").hasSize(1);
        assertThat(world.server.authenticatorFor("primary", "llm.invoke").authenticate(before).failure())
                .as("old token in-process").isEqualTo(AuthFailure.BAD_SIGNATURE);
        assertThatThrownBy(() -> RemoteResourceServerTest.validatorFor(world.server, "primary").process(before, null))
                .as("old token remotely").isInstanceOf(BadJOSEException.class);
        assertThat(world.server.authenticatorFor("primary", "llm.invoke").authenticate(after).accepted())
                .as("new token").isTrue();
    }

    @Test
    void clockBehindIssuesTokensAlreadyExpired() throws Exception {
        world.behave(healthy().withClockSkew(new OAuthBehaviour.ClockSkew(OAuthBehaviour.ClockSkew.Direction.BEHIND,
                Duration.ofMinutes(10))));

        String token = world.accessToken();

        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant())
                .as("exp in the past").isBefore(Instant.now());
        assertThat(world.server.authenticatorFor("primary", "llm.invoke").authenticate(token).failure())
                .as("in-process").isEqualTo(AuthFailure.EXPIRED);
        assertThatThrownBy(() -> RemoteResourceServerTest.validatorFor(world.server, "primary").process(token, null))
                .as("remote validator").hasMessageContaining("Expired JWT");
    }

    @Test
    void clockAheadIssuesTokensNotYetValid() throws Exception {
        world.behave(healthy().withClockSkew(new OAuthBehaviour.ClockSkew(OAuthBehaviour.ClockSkew.Direction.AHEAD,
                Duration.ofSeconds(30))));

        String token = world.accessToken();

        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getNotBeforeTime().toInstant())
                .as("nbf in the future").isAfter(Instant.now());
        assertThat(world.server.authenticatorFor("primary", "llm.invoke").authenticate(token).failure())
                .as("in-process").isEqualTo(AuthFailure.NOT_YET_VALID);
        assertThatThrownBy(() -> RemoteResourceServerTest.validatorFor(world.server, "primary").process(token, null))
                .as("remote validator").hasMessageContaining("before use time");
    }

    @Test
    void revocationRoundRevokesEveryTokenIssuedBeforeIt() throws Exception {
        String before = world.accessToken();
        world.behave(healthy().withRevocationRound(1));
        String after = world.accessToken();

        assertThat(world.server.authenticatorFor("primary", "llm.invoke").authenticate(before).failure())
                .as("token issued before the round").isEqualTo(AuthFailure.REVOKED);
        assertThat(TestWorld.errorCode(world.refresh(world.agent(), world.agent().refreshToken())))
                .as("seeded refresh token").isEqualTo("invalid_grant");
        assertThat(world.server.authenticatorFor("primary", "llm.invoke").authenticate(after).accepted())
                .as("token issued after the round").isTrue();
    }

    @Test
    void authorizeDenyRedirectsWithAccessDenied() throws Exception {
        world.behave(healthy().withAuthorize(OAuthBehaviour.AuthorizeDecision.DENY));

        HttpResponse<String> response = world.get(OAuthServer.AUTHORIZE_PATH
                + "?response_type=code&client_id=agent&state=s1&code_challenge_method=S256&code_challenge="
                + PkceVerifier.s256("a".repeat(43)));

        assertThat(response.statusCode()).as("redirect").isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).as("Location").hasValueSatisfying(location ->
                assertThat(location).startsWith(OAuthClientConfig.DEFAULT_REDIRECT_URI + "?error=access_denied")
                        .contains("state=s1"));
    }

    @Test
    void behaviourIsSwitchedThroughTheAdminApi() throws Exception {
        HttpResponse<String> put = world.put("/__brownout/behaviour",
                "{\"token_endpoint\": {\"error_rate\": 1.0, \"error_status\": 503}, \"jwks_unavailable\": true}");

        assertThat(put.statusCode()).as("PUT accepted: %s", put.body()).isEqualTo(200);
        assertThat(TestWorld.errorCode(world.clientCredentials(world.agent()))).as("token endpoint")
                .isEqualTo("temporarily_unavailable");
        assertThat(world.get(JwksEndpoint.PATH).statusCode()).as("JWKS").isEqualTo(503);
        assertThat(world.get("/__brownout/behaviour").body()).as("GET shows the behaviour")
                .contains("\"error_rate\":1.0").contains("\"jwks_unavailable\":true");
    }

    @Test
    void invalidBehaviourIsRefusedWithThePreciseField() throws Exception {
        HttpResponse<String> rate = world.put("/__brownout/behaviour", "{\"token_endpoint\": {\"error_rate\": 1.5}}");
        HttpResponse<String> typo = world.put("/__brownout/behaviour", "{\"jwks_unavailabel\": true}");
        HttpResponse<String> status = world.put("/__brownout/behaviour", "{\"token_endpoint\": {\"error_status\": 502}}");

        assertThat(rate.statusCode()).as("rate status").isEqualTo(400);
        assertThat(rate.body()).as("rate message").contains("token_endpoint.error_rate must be between 0 and 1");
        assertThat(typo.statusCode()).as("typo status").isEqualTo(400);
        assertThat(typo.body()).as("typo message").contains("jwks_unavailabel");
        assertThat(status.body()).as("status message").contains("token_endpoint.error_status must be 429, 500 or 503, was 502");
        assertThat(world.server.behaviour().current()).as("behaviour unchanged").isEqualTo(OAuthBehaviour.healthy());
    }

    @Test
    void errorResponsesOfAnInjectedFaultAreStillNotCacheable() throws Exception {
        world.behave(healthy().withTokenEndpoint(tokenFaults(1, 503, null, false)));

        HTTPResponse response = new TokenRequest(world.server.tokenUrl(), world.basic(world.agent()),
                new ClientCredentialsGrant(), null).toHTTPRequest().send();

        assertThat(response.getHeaderValue("Cache-Control")).as("Cache-Control").isEqualTo("no-store");
    }

    @Test
    void throttledTokenEndpointAnswers429WithRetryAfterThatNimbusReadsAsAnErrorResponse() throws Exception {
        world.behave(healthy().withTokenEndpoint(new OAuthBehaviour.TokenFaults(1.0, 429, null, null, Duration.ofSeconds(3))));

        HTTPResponse http = new TokenRequest(world.server.tokenUrl(), world.basic(world.agent()),
                new ClientCredentialsGrant(), null).toHTTPRequest().send();
        TokenResponse response = TokenResponse.parse(http);

        assertThat(http.getStatusCode()).as("HTTP status of a throttled token request").isEqualTo(429);
        assertThat(http.getHeaderValue("Retry-After")).as("Retry-After, in whole seconds").isEqualTo("3");
        assertThat(response.indicatesSuccess()).as("Nimbus parses the 429 as an error response, not a token").isFalse();
        assertThat(TestWorld.errorCode(response)).as("RFC 6749 error code in the body").isEqualTo("temporarily_unavailable");
        assertThat(response.toErrorResponse().getErrorObject().getHTTPStatusCode()).as("status Nimbus reports").isEqualTo(429);
    }

    @Test
    void retryAfterOfAFractionOfASecondIsRoundedUpSoTheClientNeverComesBackEarly() throws Exception {
        world.behave(healthy().withTokenEndpoint(new OAuthBehaviour.TokenFaults(1.0, 429, null, null, Duration.ofMillis(1500))));

        HTTPResponse http = new TokenRequest(world.server.tokenUrl(), world.basic(world.agent()),
                new ClientCredentialsGrant(), null).toHTTPRequest().send();

        assertThat(http.getHeaderValue("Retry-After")).as("1.5s sent as whole seconds").isEqualTo("2");
    }

    @Test
    void throttledTokenEndpointWithoutRetryAfterSendsNoRetryAfterHeader() throws Exception {
        world.behave(healthy().withTokenEndpoint(tokenFaults(1, 429, null, false)));

        HTTPResponse http = new TokenRequest(world.server.tokenUrl(), world.basic(world.agent()),
                new ClientCredentialsGrant(), null).toHTTPRequest().send();

        assertThat(http.getStatusCode()).as("HTTP status").isEqualTo(429);
        assertThat(http.getHeaderValue("Retry-After")).as("no Retry-After when none was asked for").isNull();
    }

    @Test
    void retryAfterIsAcceptedOnlyWithStatus429AndWithinAnHour() throws Exception {
        HttpResponse<String> wrongStatus = world.put("/__brownout/behaviour",
                "{\"token_endpoint\": {\"error_status\": 503, \"retry_after\": \"2s\"}}");
        HttpResponse<String> tooLong = world.put("/__brownout/behaviour",
                "{\"token_endpoint\": {\"error_status\": 429, \"retry_after\": \"2h\"}}");
        HttpResponse<String> fine = world.put("/__brownout/behaviour",
                "{\"token_endpoint\": {\"error_rate\": 1, \"error_status\": 429, \"retry_after\": \"2s\"}}");

        assertThat(wrongStatus.statusCode()).as("retry_after with 503").isEqualTo(400);
        assertThat(wrongStatus.body()).as("message for retry_after with 503")
                .contains("token_endpoint.retry_after is only sent with error_status 429, was 503");
        assertThat(tooLong.statusCode()).as("retry_after of 2h").isEqualTo(400);
        assertThat(tooLong.body()).as("message for retry_after of 2h")
                .contains("token_endpoint.retry_after must be between 0s and 1h");
        assertThat(fine.statusCode()).as("429 with retry_after 2s").isEqualTo(200);
        assertThat(world.server.behaviour().current().tokenEndpoint().retryAfter()).as("retry_after as stored")
                .isEqualTo(Duration.ofSeconds(2));
    }
}
