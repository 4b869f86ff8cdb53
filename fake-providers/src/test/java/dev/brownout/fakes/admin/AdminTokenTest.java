package dev.brownout.fakes.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.WorldConfig;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.fakes.oauth.OAuthConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A world bound to 127.0.0.2 (standing in for another host) with an admin token: every admin API checks it. */
class AdminTokenTest {

    private static final AdminToken TOKEN = AdminToken.of("s3cret-admin-token");
    private static FakeWorld world;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        world = FakeWorld.start(WorldConfig.defaults().withHost("127.0.0.2").withOAuth(OAuthConfig.defaults()), null, TOKEN);
    }

    @AfterAll
    static void stop() {
        world.close();
        HTTP.close();
    }

    private static HttpResponse<String> get(String url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String providerAdmin() {
        return world.provider("openai").adminUrl();
    }

    @Test
    void aCallWithoutTheTokenIsRefusedWith401InTheAdminErrorShape() throws Exception {
        HttpResponse<String> response = get(providerAdmin() + "/behaviour", null);

        assertThat(response.statusCode()).as("status of an admin call without a token").isEqualTo(401);
        JsonNode body = Mappers.json().readTree(response.body());
        assertThat(body.path("error").asText()).as("the admin API's own error body says a bearer token is required")
                .contains("requires a bearer token");
    }

    @Test
    void aWrongTokenIsRefusedWithoutEchoingEitherToken() throws Exception {
        HttpResponse<String> response = get(providerAdmin() + "/ledger", "Bearer not-the-token");

        assertThat(response.statusCode()).as("status of an admin call with a wrong token").isEqualTo(401);
        assertThat(response.body()).as("the refusal says the token is wrong").contains("wrong")
                .as("and shows neither the token sent nor the real one")
                .doesNotContain("not-the-token").doesNotContain(TOKEN.value());
    }

    @Test
    void theRightTokenIsLetThrough() throws Exception {
        HttpResponse<String> response = get(providerAdmin() + "/ledger", TOKEN.header());

        assertThat(response.statusCode()).as("status of an admin call with the token; body %s", response.body())
                .isEqualTo(200);
    }

    @Test
    void healthNeedsNoTokenSoAContainerPlatformsProbesCanCallIt() throws Exception {
        HttpResponse<String> response = get(providerAdmin() + "/health", null);

        assertThat(response.statusCode()).as("status of health without a token; body %s", response.body())
                .isEqualTo(200);
        assertThat(response.body()).as("health tells the name and kind only").contains("\"status\":\"ok\"");
    }

    @Test
    void theToolEndpointRequiresTheTokenLikeTheRestOfTheAdminApi() throws Exception {
        assertThat(get(providerAdmin() + "/v1/tools", null).statusCode()).as("GET v1/tools without a token")
                .isEqualTo(401);
        assertThat(get(providerAdmin() + "/v1/tools", TOKEN.header()).statusCode()).as("GET v1/tools with it")
                .isEqualTo(200);
    }

    @Test
    void theOAuthServersAdminApiRequiresTheTokenToo() throws Exception {
        String admin = "http://127.0.0.2:" + world.oauth().orElseThrow().port() + AdminApi.PREFIX + "/behaviour";

        assertThat(get(admin, null).statusCode()).as("the OAuth server's admin API without a token").isEqualTo(401);
        assertThat(get(admin, TOKEN.header()).statusCode()).as("the OAuth server's admin API with it").isEqualTo(200);
    }

    @Test
    void theProviderApiItselfNeedsNoAdminToken() throws Exception {
        HttpResponse<String> models = get(world.provider("openai").baseUrl() + "/models",
                "Bearer " + world.provider("openai").apiKey());

        assertThat(models.statusCode()).as("the dialect's own API answers its own credential, not the admin token")
                .isEqualTo(200);
    }

    @Test
    void onlyTheDefaultLoopbackAddressesGoWithoutAToken() {
        assertThat(AdminToken.forHost("127.0.0.1", null).required()).as("127.0.0.1 needs no token").isFalse();
        assertThat(AdminToken.forHost("::1", null).required()).as("::1 needs no token").isFalse();
        assertThat(AdminToken.forHost("localhost", null).required()).as("localhost needs no token").isFalse();
        assertThat(AdminToken.forHost("127.0.0.2", null).required()).as("127.0.0.2 stands for another host").isTrue();
        assertThat(AdminToken.forHost("0.0.0.0", null).required()).as("every interface").isTrue();
        assertThat(AdminToken.forHost("127.0.0.1", "given").required()).as("a given token on loopback").isTrue();
    }

    @Test
    void generatedTokensAreLongAndDifferent() {
        String first = AdminToken.generate().value();

        assertThat(first).as("32 random bytes as hex").hasSize(64);
        assertThat(AdminToken.generate().value()).as("a second generated token").isNotEqualTo(first);
    }

    @Test
    void aTokenAHeaderCannotCarryIsRefusedSayingWhatIsValid() {
        assertThatThrownBy(() -> AdminToken.of("two words")).as("a token with a space")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("printable ASCII without spaces");
    }

    @Test
    void itsTextNeverShowsTheToken() {
        assertThat(TOKEN.toString()).as("toString of a token").doesNotContain(TOKEN.value());
    }
}
