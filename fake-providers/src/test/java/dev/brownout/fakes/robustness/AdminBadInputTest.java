package dev.brownout.fakes.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brownout.fakes.TestWorlds;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The admin API's own bad input gets a 400 whose message names what is wrong, never a 500, and never
 * replaces the behaviour in force.
 */
class AdminBadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static FakeWorld world;
    static HttpClient client;

    @BeforeAll
    static void startWorld() {
        world = FakeWorld.start(TestWorlds.openAiAndAnthropic(11));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stopWorld() {
        client.close();
        world.close();
    }

    static Stream<Arguments> badBehaviours() {
        return Stream.of(
                arguments("malformed JSON", "{\"faults\":[", "line 1"),
                arguments("not an object", "[]", "object"),
                arguments("JSON null", "null", "JSON object"),
                arguments("empty body", "", "empty"),
                arguments("unknown fault type", "{\"faults\":[{\"type\":\"explode\"}]}", "explode"),
                arguments("fault without a type", "{\"faults\":[{\"status\":503}]}", "type"),
                arguments("probability 2", "{\"faults\":[{\"type\":\"error\",\"status\":503,\"probability\":2}]}",
                        "probability"),
                arguments("negative probability",
                        "{\"faults\":[{\"type\":\"hang\",\"probability\":-0.5}]}", "probability"),
                arguments("negative retry_after",
                        "{\"faults\":[{\"type\":\"error\",\"status\":503,\"retry_after\":\"-2s\"}]}", "retry_after"),
                arguments("negative extra_ttft as a number",
                        "{\"faults\":[{\"type\":\"latency\",\"extra_ttft\":-500}]}", "extra_ttft"),
                arguments("negative stall duration",
                        "{\"faults\":[{\"type\":\"stall\",\"duration\":\"-1s\"}]}", "duration"),
                arguments("negative after_tokens", "{\"faults\":[{\"type\":\"cut\",\"after_tokens\":-3}]}",
                        "after_tokens"),
                arguments("status outside 400-599", "{\"faults\":[{\"type\":\"error\",\"status\":200}]}", "status"),
                arguments("unknown model in models",
                        "{\"faults\":[{\"type\":\"error\",\"status\":503,\"models\":[\"gpt-9\"]}]}", "gpt-9"),
                arguments("substitute to a model not in the catalog",
                        "{\"faults\":[{\"type\":\"substitute\",\"serve_model\":\"gpt-9\"}]}", "serve_model"),
                arguments("faults of the wrong type", "{\"faults\":\"all\"}", "faults"),
                arguments("status as a string", "{\"faults\":[{\"type\":\"error\",\"status\":\"503\"}]}", "status"),
                arguments("after_tokens as a boolean",
                        "{\"faults\":[{\"type\":\"cut\",\"after_tokens\":true}]}", "after_tokens"),
                arguments("duration that is not a duration",
                        "{\"faults\":[{\"type\":\"latency\",\"extra_ttft\":\"soon\"}]}", "extra_ttft"),
                arguments("rate limit as a string", "{\"rate_limit\":{\"requests_per_minute\":\"many\"}}",
                        "requests_per_minute"),
                arguments("rate limit of zero", "{\"rate_limit\":{\"tokens_per_minute\":0}}", "tokens_per_minute"),
                arguments("misspelt field", "{\"fautls\":[]}", "fautls"),
                arguments("null fault", "{\"faults\":[null]}", "faults"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBehaviours")
    void badBehaviourIsRefusedWith400NamingTheFieldAndTheOldBehaviourStays(String what, String body,
                                                                           String named) throws Exception {
        FakeProvider provider = world.provider("openai");
        String before = get(provider.adminUrl() + "/behaviour").body();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(provider.adminUrl()
                        + "/behaviour"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("status of PUT behaviour with %s: %s", what, response.body())
                .isEqualTo(400);
        String message = errorMessage(response);
        assertThat(message).as("error message for %s", what).containsIgnoringCase(named);
        assertThat(message).as("error message for %s, which is for a user, not a Java developer", what)
                .doesNotContainPattern(MalformedRequestFuzzTest.JAVA_INTERNALS)
                .doesNotContain("JsonToken", "POJO", "CoercionConfig", "StreamReadFeature");
        assertThat(get(provider.adminUrl() + "/behaviour").body())
                .as("behaviour after the refused PUT with %s", what).isEqualTo(before);
    }

    static Stream<Arguments> badLedgerQueries() {
        return Stream.of(
                arguments("since=-1", "since"),
                arguments("since=abc", "since"),
                arguments("since=1.5", "since"),
                arguments("since=99999999999999999999", "since"),
                arguments("limit=abc", "limit"),
                arguments("limit=0", "limit"),
                arguments("limit=-5", "limit"),
                arguments("limit=10000001", "limit"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLedgerQueries")
    void badLedgerQueryIsRefusedWith400NamingTheParameter(String query, String named) throws Exception {
        HttpResponse<String> response = get(world.provider("anthropic").adminUrl() + "/ledger?" + query);

        assertThat(response.statusCode()).as("status of GET ledger?%s: %s", query, response.body()).isEqualTo(400);
        assertThat(errorMessage(response)).as("error message for ledger?%s", query).contains("'" + named + "'")
                .doesNotContainPattern(MalformedRequestFuzzTest.JAVA_INTERNALS);
    }

    static Stream<Arguments> wrongMethods() {
        return Stream.of(arguments("DELETE", "/behaviour"), arguments("POST", "/behaviour"),
                arguments("POST", "/health"), arguments("PUT", "/ledger"), arguments("PATCH", "/metrics"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrongMethods")
    void wrongMethodOnAnAdminRouteIs405InTheAdminShapeAndNoProviderCall(String method, String route)
            throws Exception {
        FakeProvider provider = world.provider("openai");
        long callsBefore = provider.ledger().lastSequence();

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(provider.adminUrl() + route))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as("status of %s %s: %s", method, route, response.body()).isEqualTo(405);
        assertThat(errorMessage(response)).as("admin error message for %s %s", method, route).contains(route);
        assertThat(provider.ledger().lastSequence()).as("provider calls recorded for an admin request %s %s",
                method, route).isEqualTo(callsBefore);
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String errorMessage(HttpResponse<String> response) throws IOException {
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("error").isTextual()).as("admin error body %s has an 'error' message", response.body())
                .isTrue();
        return body.get("error").asText();
    }
}
