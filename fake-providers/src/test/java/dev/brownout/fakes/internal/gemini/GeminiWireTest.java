package dev.brownout.fakes.internal.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brownout.fakes.AuthMode;
import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.TestWorlds;
import dev.brownout.fakes.WorldConfig;
import dev.brownout.fakes.behaviour.ProviderBehaviour;
import dev.brownout.fakes.behaviour.RateLimit;
import dev.brownout.fakes.behaviour.UnterminatedFault;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.fakes.oauth.OAuthClient;
import dev.brownout.fakes.oauth.OAuthConfig;
import dev.brownout.fakes.oauth.OAuthServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the SDK test cannot show on the wire: the key in the query, OAuth bearer tokens, the rate limiter's 429 with
 * Google's {@code RetryInfo} and no rate-limit headers, the stream's missing finish-reason chunk, the model list,
 * and the parser's refusals in Google's words.
 */
class GeminiWireTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hello\"}]}],"
            + "\"generation_config\":{\"max_output_tokens\":32}}";

    private static FakeWorld world;
    private static FakeProvider keyed;
    private static FakeProvider oauthed;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        world = FakeWorld.start(new WorldConfig(31L, WorldConfig.LOOPBACK, TestWorlds.instantCatalog().toString(),
                List.of(ProviderConfig.of("gemini", DialectKind.GEMINI, "mid", "small"),
                        ProviderConfig.of("vertex", DialectKind.GEMINI, "mid").withAuth(AuthMode.OAUTH)),
                OAuthConfig.defaults()));
        keyed = world.provider("gemini");
        oauthed = world.provider("vertex");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        http.close();
        world.close();
    }

    @BeforeEach
    void healthy() {
        keyed.behaviour().replace(ProviderBehaviour.healthy());
    }

    private static HttpResponse<String> post(FakeProvider provider, String pathAndQuery, String body,
                                             String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(provider.origin() + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theKeyIsAlsoTakenFromTheQuery() throws Exception {
        HttpResponse<String> answer = post(keyed, "/v1beta/models/mid:generateContent?key=" + keyed.apiKey(), BODY);

        assertThat(answer.statusCode()).as("status with ?key=: %s", answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("candidates").path(0).path("finishReason").asText())
                .as("finish reason").isIn("STOP", "MAX_TOKENS");
    }

    @Test
    void theRateLimitersRefusalIsResourceExhaustedWithRetryInfoAndNoRateLimitHeaders() throws Exception {
        keyed.behaviour().replace(ProviderBehaviour.healthy().withRateLimit(new RateLimit(1, null)));
        String key = "x-goog-api-key";
        post(keyed, "/v1beta/models/small:generateContent", BODY, key, keyed.apiKey());

        HttpResponse<String> refused = post(keyed, "/v1beta/models/small:generateContent", BODY, key, keyed.apiKey());

        assertThat(refused.statusCode()).as("status of the minute's second request").isEqualTo(429);
        JsonNode error = JSON.readTree(refused.body()).path("error");
        assertThat(error.path("status").asText()).as("Google's status").isEqualTo("RESOURCE_EXHAUSTED");
        assertThat(error.path("code").asInt()).as("code").isEqualTo(429);
        JsonNode retryInfo = error.path("details").findParent("retryDelay");
        assertThat(retryInfo).as("a RetryInfo detail in %s", refused.body()).isNotNull();
        assertThat(retryInfo.path("@type").asText()).as("its type").isEqualTo(GeminiErrors.RETRY_INFO);
        assertThat(retryInfo.path("retryDelay").asText()).as("a protobuf duration").matches("\\d+(\\.\\d{3})?s");
        assertThat(refused.headers().map().keySet()).as("response headers")
                .noneMatch(name -> name.startsWith("x-ratelimit") || name.startsWith("retry-after"));
        ProviderCall call = keyed.ledger().all().getLast();
        assertThat(call.retryAfterMillis()).as("the ledger keeps the wait RetryInfo asked for").isNotNull()
                .isPositive();
    }

    @Test
    void aStreamWithoutAltSseIsRefusedNamingWhatToAdd() throws Exception {
        HttpResponse<String> refused = post(keyed, "/v1beta/models/mid:streamGenerateContent", BODY,
                "x-goog-api-key", keyed.apiKey());

        assertThat(refused.statusCode()).as("status").isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("error").path("message").asText()).as("message")
                .contains("alt=sse");
    }

    @Test
    void anUnterminatedStreamLacksOnlyItsFinishReasonChunk() throws Exception {
        HttpResponse<String> whole = post(keyed, "/v1beta/models/mid:streamGenerateContent?alt=sse", BODY,
                "x-goog-api-key", keyed.apiKey());
        keyed.behaviour().replace(ProviderBehaviour.of(new UnterminatedFault(null, null, null, null)));
        HttpResponse<String> unterminated = post(keyed, "/v1beta/models/mid:streamGenerateContent?alt=sse", BODY,
                "x-goog-api-key", keyed.apiKey());

        List<String> wholeEvents = whole.body().lines().filter(line -> line.startsWith("data: ")).toList();
        List<String> cutEvents = unterminated.body().lines().filter(line -> line.startsWith("data: ")).toList();
        assertThat(wholeEvents.getLast()).as("a whole stream's last event").contains("\"finishReason\"")
                .contains("\"usageMetadata\"");
        assertThat(cutEvents).as("the same events but the last").hasSize(wholeEvents.size() - 1)
                .noneMatch(event -> event.contains("finishReason"));
    }

    @Test
    void candidateCountGivesThatManyCandidatesWholeAndStreamed() throws Exception {
        String body = "{\"contents\":[{\"parts\":[{\"text\":\"hello\"}]}],"
                + "\"generationConfig\":{\"candidateCount\":2,\"maxOutputTokens\":8}}";

        HttpResponse<String> whole = post(keyed, "/v1beta/models/mid:generateContent", body,
                "x-goog-api-key", keyed.apiKey());
        HttpResponse<String> streamed = post(keyed, "/v1beta/models/mid:streamGenerateContent?alt=sse", body,
                "x-goog-api-key", keyed.apiKey());

        assertThat(JSON.readTree(whole.body()).path("candidates").findValuesAsText("index")).as("whole candidates")
                .containsExactly("0", "1");
        String last = streamed.body().lines().filter(line -> line.startsWith("data: ")).reduce((a, b) -> b)
                .orElseThrow().substring("data: ".length());
        assertThat(JSON.readTree(last).path("candidates").findValuesAsText("finishReason"))
                .as("the last event's finish reason per candidate").hasSize(2);
    }

    @Test
    void theModelListNamesModelsAsModelsSlashId() throws Exception {
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(keyed.origin() + "/v1beta/models"))
                .header("x-goog-api-key", keyed.apiKey()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(list.statusCode()).as("status").isEqualTo(200);
        assertThat(JSON.readTree(list.body()).path("models").findValuesAsText("name")).as("model names")
                .containsExactly("models/mid", "models/small");
    }

    @Test
    void aFieldOfTheWrongTypeIsRefusedNamingItsPath() throws Exception {
        HttpResponse<String> refused = post(keyed, "/v1beta/models/mid:generateContent",
                "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}],\"generationConfig\":{\"maxOutputTokens\":\"many\"}}",
                "x-goog-api-key", keyed.apiKey());

        assertThat(refused.statusCode()).as("status").isEqualTo(400);
        JsonNode error = JSON.readTree(refused.body()).path("error");
        assertThat(error.path("status").asText()).as("status").isEqualTo("INVALID_ARGUMENT");
        assertThat(error.path("message").asText()).as("message")
                .contains("generation_config.max_output_tokens").contains("\"many\"");
    }

    @Test
    void anOauthProviderTakesTheWorldsBearerTokenAndRefusesAKey() throws Exception {
        OAuthServer oauth = world.oauth().orElseThrow();
        OAuthClient client = oauth.clients().getFirst();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(oauth.tokenUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (client.clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        String accessToken = JSON.readTree(token.body()).path("access_token").asText();

        HttpResponse<String> served = post(oauthed, "/v1beta/models/mid:generateContent", BODY,
                "Authorization", "Bearer " + accessToken);
        HttpResponse<String> refused = post(oauthed, "/v1beta/models/mid:generateContent", BODY,
                "x-goog-api-key", keyed.apiKey());

        assertThat(served.statusCode()).as("status with the world's token: %s", served.body()).isEqualTo(200);
        assertThat(refused.statusCode()).as("status with another provider's key").isEqualTo(401);
        assertThat(JSON.readTree(refused.body()).path("error").path("status").asText()).as("Google's status")
                .isEqualTo("UNAUTHENTICATED");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).as("the bearer challenge").isPresent();
    }
}
