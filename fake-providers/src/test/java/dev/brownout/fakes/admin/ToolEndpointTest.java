package dev.brownout.fakes.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.TestWorlds;
import dev.brownout.fakes.canary.ToolChains;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static dev.brownout.fakes.admin.AdminClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The chain tools served under {@code /__brownout/v1/tools} for agents out of process, over real HTTP. */
class ToolEndpointTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static FakeWorld world;
    private static AdminClient client;
    private static String tools;

    @BeforeAll
    static void startWorld() {
        world = TestWorlds.start(3, ProviderConfig.of("openai", DialectKind.OPENAI, "mid"));
        client = new AdminClient();
        tools = world.provider("openai").adminUrl() + "/v1/tools";
    }

    @AfterAll
    static void stopWorld() {
        client.close();
        world.close();
        HTTP.close();
    }

    private static HttpResponse<String> post(String tool, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(tools + "/" + tool))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void getListsTheToolsWithTheirParameterSchemas() {
        HttpResponse<String> response = client.get(tools);

        JsonNode listed = json(response).path("tools");
        assertThat(response.statusCode()).as("status; body %s", response.body()).isEqualTo(200);
        assertThat(listed.size()).as("tools listed").isEqualTo(ToolChains.tools().size());
        assertThat(listed.path(1).path("name").asText()).as("the second tool").isEqualTo("latest_order");
        assertThat(listed.path(1).path("parameters").path("required").path(0).asText())
                .as("its required parameter").isEqualTo("customer_id");
    }

    @Test
    void postRunsTheToolAsToolChainsDoes() throws Exception {
        HttpResponse<String> response = post("find_customer", "{\"name\": \"Ines Silva\"}");

        assertThat(response.statusCode()).as("status; body %s", response.body()).isEqualTo(200);
        assertThat(json(response).path("result").asText()).as("the result")
                .isEqualTo(ToolChains.result("find_customer", "{\"name\": \"Ines Silva\"}"));
    }

    @Test
    void aBodyThatIsNotJsonIsA400SayingWhatToSend() throws Exception {
        HttpResponse<String> response = post("latest_order", "customer_id=C-482913");

        assertThat(response.statusCode()).as("status; body %s", response.body()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).as("the error")
                .startsWith("latest_order: the arguments are not JSON").contains("{\"customer_id\": \"...\"}");
    }

    @Test
    void aMissingParameterIsA400NamingIt() throws Exception {
        HttpResponse<String> response = post("latest_order", "{\"customerId\": \"C-482913\"}");

        assertThat(response.statusCode()).as("status; body %s", response.body()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).as("the error")
                .contains("needs the argument \"customer_id\" as a string");
    }

    @Test
    void anIdOfTheWrongKindIsA400SayingWhatItLooksLike() throws Exception {
        HttpResponse<String> response = post("latest_order", "{\"customer_id\": \"O-7312550\"}");

        assertThat(response.statusCode()).as("status; body %s", response.body()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).as("the error").contains("looks like C-482913");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"null", "[]", "\"C-482913\"", "{\"customer_id\": null}", "{\"customer_id\": {\"id\": 1}}",
            "{\"customer_id\": \"C-482913\"", "{\"customer_id\": \"\u0000\"}", "\u00ff\u00fe"})
    void oddBodiesAreA400NeverA500(String body) throws Exception {
        HttpResponse<String> response = post("latest_order", body);

        assertThat(response.statusCode()).as("status for body %s; answer %s", body, response.body()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).as("the error names the tool").startsWith("latest_order");
    }

    @Test
    void aDeeplyNestedBodyIsA400() throws Exception {
        HttpResponse<String> response = post("latest_order", "[".repeat(5_000) + "]".repeat(5_000));

        assertThat(response.statusCode()).as("status; body %s", response.body()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).as("the error").contains("not JSON");
    }

    @Test
    void anEmptyBodyIsA400() throws Exception {
        HttpResponse<String> response = post("find_customer", "");

        assertThat(response.statusCode()).as("status; body %s", response.body()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).as("the error").contains("got nothing");
    }

    @Test
    void anUnknownToolIsA404ListingTheTools() throws Exception {
        HttpResponse<String> response = post("get_weather", "{\"city\": \"Oslo\"}");

        assertThat(response.statusCode()).as("status; body %s", response.body()).isEqualTo(404);
        assertThat(json(response).path("error").asText()).as("the error").contains("find_customer, latest_order");
    }
}
