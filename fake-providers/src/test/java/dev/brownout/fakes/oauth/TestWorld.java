package dev.brownout.fakes.oauth;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.brownout.fakes.auth.CredentialRegistry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A started OAuth server of a small world (providers primary and backup), and what tests do with it. */
final class TestWorld implements AutoCloseable {

    static final List<String> PROVIDERS = List.of("primary", "backup");
    static final long SEED = 42;

    final CredentialRegistry registry = new CredentialRegistry();
    final OAuthServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestWorld(OAuthConfig config) {
        this.server = OAuthServer.start(config, PROVIDERS, "127.0.0.1", 0, SEED, registry);
    }

    static TestWorld start() {
        return new TestWorld(OAuthConfig.defaults().withSigningAlg(SigningAlgorithm.ES256));
    }

    static TestWorld start(OAuthConfig config) {
        return new TestWorld(config);
    }

    OAuthClient agent() {
        return server.client("agent");
    }

    ClientSecretBasic basic(OAuthClient client) {
        return new ClientSecretBasic(new ClientID(client.clientId()), new Secret(client.clientSecret()));
    }

    TokenResponse clientCredentials(OAuthClient client) throws Exception {
        return TokenResponse.parse(new TokenRequest(server.tokenUrl(), basic(client), new ClientCredentialsGrant(), null)
                .toHTTPRequest().send());
    }

    /** An access token for the agent, by client_credentials; fails the test if none was issued. */
    String accessToken() throws Exception {
        return issued(clientCredentials(agent())).getAccessToken().getValue();
    }

    TokenResponse refresh(OAuthClient client, String refreshToken) throws Exception {
        return TokenResponse.parse(new TokenRequest(server.tokenUrl(), basic(client),
                new RefreshTokenGrant(new RefreshToken(refreshToken)), null).toHTTPRequest().send());
    }

    static Tokens issued(TokenResponse response) {
        assertThat(response.indicatesSuccess())
                .as("token request succeeded, but got %s", response.indicatesSuccess() ? "" : describe(response.toErrorResponse()))
                .isTrue();
        return response.toSuccessResponse().getTokens();
    }

    static String errorCode(TokenResponse response) {
        assertThat(response.indicatesSuccess()).as("token request was refused").isFalse();
        return response.toErrorResponse().getErrorObject().getCode();
    }

    private static String describe(TokenErrorResponse error) {
        return error.getErrorObject().getHTTPStatusCode() + " " + error.getErrorObject().getCode() + ": "
                + error.getErrorObject().getDescription();
    }

    void behave(OAuthBehaviour behaviour) {
        server.behaviour().replace(behaviour);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.issuer() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.issuer() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.issuer() + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until the condition holds; fails after {@code limit}. For waiting out short token lifetimes. */
    static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s for %s", limit, what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
