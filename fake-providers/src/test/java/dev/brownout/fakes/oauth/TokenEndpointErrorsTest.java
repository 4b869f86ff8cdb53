package dev.brownout.fakes.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.config.Mappers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal of the token and authorization endpoints, in the RFC 6749 §5.2 shape. One server for
 * the class: no test here changes its behaviour, and each works on its own codes and tokens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenEndpointErrorsTest {

    private static final String VERIFIER = "v".repeat(43);

    private TestWorld world;
    private String secret;

    @BeforeAll
    void start() {
        world = TestWorld.start(OAuthConfig.defaults().withSigningAlg(SigningAlgorithm.ES256).withClients(List.of(
                OAuthClientConfig.defaultAgent(),
                new OAuthClientConfig("robot", List.of("llm.invoke"), null, List.of(GrantType.CLIENT_CREDENTIALS), null, null))));
        secret = world.agent().clientSecret();
    }

    @AfterAll
    void stop() {
        world.close();
    }

    private HttpResponse<String> token(String body, String... headers) throws Exception {
        return world.postForm(OAuthServer.TOKEN_PATH, body, headers);
    }

    private String asAgent(String body) {
        return asAgent(world, body);
    }

    private static String asAgent(TestWorld in, String body) {
        return body + "&client_id=agent&client_secret=" + URLEncoder.encode(in.agent().clientSecret(), StandardCharsets.UTF_8);
    }

    private static String basicHeader(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String error(HttpResponse<String> response) throws Exception {
        JsonNode body = Mappers.json().readTree(response.body());
        assertThat(body.path("error_description").isTextual()).as("error_description in %s", response.body()).isTrue();
        return body.path("error").asText();
    }

    private String code(String redirectUri) throws Exception {
        return code(world, redirectUri);
    }

    /** Authorizes with PKCE and returns the code from the redirect. */
    private static String code(TestWorld world, String redirectUri) throws Exception {
        String query = "?response_type=code&client_id=agent&code_challenge_method=S256&code_challenge=" + PkceVerifier.s256(VERIFIER)
                + (redirectUri == null ? "" : "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8));
        HttpResponse<String> response = world.get(OAuthServer.AUTHORIZE_PATH + query);
        assertThat(response.statusCode()).as("authorize redirects: %s", response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.indexOf("code=") + 5).split("&")[0];
    }

    private String exchange(String code, String verifier, String redirectUri) {
        return exchange(world, code, verifier, redirectUri);
    }

    private static String exchange(TestWorld world, String code, String verifier, String redirectUri) {
        return asAgent(world, "grant_type=authorization_code&code=" + code + "&code_verifier=" + verifier
                + (redirectUri == null ? "" : "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)));
    }

    @Test
    void wrongSecretWithBasicIs401InvalidClientWithBasicChallenge() throws Exception {
        HttpResponse<String> response = token("grant_type=client_credentials", "Authorization", basicHeader("agent", "wrong"));

        assertThat(response.statusCode()).as("status").isEqualTo(401);
        assertThat(error(response)).as("error").isEqualTo("invalid_client");
        assertThat(response.headers().firstValue("WWW-Authenticate")).as("challenge")
                .hasValueSatisfying(value -> assertThat(value).startsWith("Basic realm="));
    }

    @Test
    void wrongSecretInTheBodyIs401InvalidClientWithoutChallenge() throws Exception {
        HttpResponse<String> response = token("grant_type=client_credentials&client_id=agent&client_secret=wrong");

        assertThat(response.statusCode()).as("status").isEqualTo(401);
        assertThat(error(response)).as("error").isEqualTo("invalid_client");
        assertThat(response.headers().firstValue("WWW-Authenticate")).as("no Basic challenge for client_secret_post").isEmpty();
    }

    @Test
    void unknownClientIsInvalidClient() throws Exception {
        assertThat(error(token("grant_type=client_credentials&client_id=nobody&client_secret=x"))).as("error").isEqualTo("invalid_client");
    }

    @Test
    void missingClientAuthenticationIsInvalidClient() throws Exception {
        assertThat(error(token("grant_type=client_credentials"))).as("error").isEqualTo("invalid_client");
    }

    @Test
    void basicAndPostTogetherIsInvalidRequest() throws Exception {
        HttpResponse<String> response = token(asAgent("grant_type=client_credentials"), "Authorization", basicHeader("agent", secret));

        assertThat(error(response)).as("two authentication methods").isEqualTo("invalid_request");
    }

    @Test
    void basicCredentialsAreFormDecoded() throws Exception {
        HttpResponse<String> response = token("grant_type=client_credentials", "Authorization",
                basicHeader("agent", URLEncoder.encode(secret, StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).as("form-encoded Basic credentials: %s", response.body()).isEqualTo(200);
    }

    @Test
    void missingGrantTypeIsInvalidRequest() throws Exception {
        HttpResponse<String> response = token(asAgent("scope=llm.invoke"));

        assertThat(response.statusCode()).as("status").isEqualTo(400);
        assertThat(error(response)).as("error").isEqualTo("invalid_request");
    }

    @Test
    void unknownGrantTypeIsUnsupportedGrantType() throws Exception {
        assertThat(error(token(asAgent("grant_type=password")))).as("error").isEqualTo("unsupported_grant_type");
    }

    @Test
    void grantNotAllowedForTheClientIsUnauthorizedClient() throws Exception {
        String robotSecret = world.server.client("robot").clientSecret();

        HttpResponse<String> response = token("grant_type=refresh_token&refresh_token=x", "Authorization", basicHeader("robot", robotSecret));

        assertThat(error(response)).as("error").isEqualTo("unauthorized_client");
    }

    @Test
    void scopeBeyondTheClientsIsInvalidScope() throws Exception {
        assertThat(error(token(asAgent("grant_type=client_credentials&scope=llm.admin")))).as("error").isEqualTo("invalid_scope");
    }

    @Test
    void duplicateParameterIsInvalidRequest() throws Exception {
        assertThat(error(token(asAgent("grant_type=client_credentials&grant_type=client_credentials"))))
                .as("error").isEqualTo("invalid_request");
    }

    @Test
    void jsonBodyIsInvalidRequest() throws Exception {
        HttpResponse<String> response = world.http.send(java.net.http.HttpRequest.newBuilder(world.server.tokenUrl())
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("status").isEqualTo(400);
        assertThat(error(response)).as("error").isEqualTo("invalid_request");
    }

    @Test
    void unknownRefreshTokenIsInvalidGrant() throws Exception {
        assertThat(error(token(asAgent("grant_type=refresh_token&refresh_token=bo_rt_nope")))).as("error").isEqualTo("invalid_grant");
    }

    @Test
    void getOnTheTokenEndpointIs405InTheOAuthShape() throws Exception {
        HttpResponse<String> response = world.get(OAuthServer.TOKEN_PATH);

        assertThat(response.statusCode()).as("status").isEqualTo(405);
        assertThat(error(response)).as("error").isEqualTo("invalid_request");
    }

    @Test
    void unknownPathIs404InTheOAuthShape() throws Exception {
        HttpResponse<String> response = world.get("/nowhere");

        assertThat(response.statusCode()).as("status").isEqualTo(404);
        assertThat(error(response)).as("error").isEqualTo("invalid_request");
    }

    @Test
    void authorizationCodeIsSingleUse() throws Exception {
        String code = code(null);

        HttpResponse<String> first = token(exchange(code, VERIFIER, null));
        HttpResponse<String> second = token(exchange(code, VERIFIER, null));

        assertThat(first.statusCode()).as("first exchange: %s", first.body()).isEqualTo(200);
        assertThat(error(second)).as("second exchange").isEqualTo("invalid_grant");
        String accessToken = Mappers.json().readTree(first.body()).path("access_token").asText();
        assertThat(world.server.authenticatorFor("primary", "llm.invoke").authenticate(accessToken).failure())
                .as("tokens of a replayed code are revoked").isEqualTo(dev.brownout.fakes.auth.AuthFailure.REVOKED);
    }

    @Test
    void wrongCodeVerifierIsInvalidGrant() throws Exception {
        assertThat(error(token(exchange(code(null), "w".repeat(43), null)))).as("error").isEqualTo("invalid_grant");
    }

    @Test
    void missingCodeVerifierIsInvalidRequest() throws Exception {
        assertThat(error(token(asAgent("grant_type=authorization_code&code=" + code(null))))).as("error").isEqualTo("invalid_request");
    }

    @Test
    void redirectUriMustMatchTheAuthorizationRequestExactly() throws Exception {
        String code = code(OAuthClientConfig.DEFAULT_REDIRECT_URI);

        assertThat(error(token(exchange(code, VERIFIER, OAuthClientConfig.DEFAULT_REDIRECT_URI + "/")))).as("error")
                .isEqualTo("invalid_grant");
    }

    @Test
    void expiredAuthorizationCodeIsInvalidGrant() throws Exception {
        try (TestWorld shortCodes = TestWorld.start(new OAuthConfig(null, null, null, Duration.ofSeconds(1), SigningAlgorithm.ES256, null))) {
            String code = code(shortCodes, null);
            long issued = System.currentTimeMillis();
            TestWorld.await("the 1 s code to expire", Duration.ofSeconds(10), () -> System.currentTimeMillis() > issued + 1100);

            assertThat(error(shortCodes.postForm(OAuthServer.TOKEN_PATH, exchange(shortCodes, code, VERIFIER, null))))
                    .as("error").isEqualTo("invalid_grant");
        }
    }

    @Test
    void plainPkceIsRefusedAtTheAuthorizationEndpoint() throws Exception {
        HttpResponse<String> response = world.get(OAuthServer.AUTHORIZE_PATH
                + "?response_type=code&client_id=agent&code_challenge_method=plain&code_challenge=" + VERIFIER);

        assertThat(response.statusCode()).as("status").isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).as("redirected error")
                .contains("error=invalid_request");
    }

    @Test
    void missingPkceIsRefusedAtTheAuthorizationEndpoint() throws Exception {
        HttpResponse<String> response = world.get(OAuthServer.AUTHORIZE_PATH + "?response_type=code&client_id=agent");

        assertThat(response.headers().firstValue("Location").orElseThrow()).as("redirected error")
                .contains("error=invalid_request");
    }

    @Test
    void unregisteredRedirectUriIsShownNotRedirected() throws Exception {
        HttpResponse<String> response = world.get(OAuthServer.AUTHORIZE_PATH
                + "?response_type=code&client_id=agent&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&code_challenge_method=S256&code_challenge="
                + PkceVerifier.s256(VERIFIER));

        assertThat(response.statusCode()).as("no redirect to an unregistered URI").isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).as("Location").isEmpty();
        assertThat(error(response)).as("error").isEqualTo("invalid_request");
    }

    @Test
    void revokingAnotherClientsTokenIsRefused() throws Exception {
        String robotSecret = world.server.client("robot").clientSecret();

        HttpResponse<String> response = world.postForm(OAuthServer.REVOKE_PATH, "token=" + world.agent().refreshToken(),
                "Authorization", basicHeader("robot", robotSecret));

        assertThat(error(response)).as("error").isEqualTo("unauthorized_client");
        assertThat(world.refresh(world.agent(), world.agent().refreshToken()).indicatesSuccess())
                .as("the agent's token still works").isTrue();
    }
}
