package dev.brownout.gateways;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.WorldConfig;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.fakes.oauth.OAuthConfig;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A fake world with a {@code primary} serving {@code perfect} and a {@code backup} serving {@code mid}, both
 * answering instantly and speaking OpenAI unless asked otherwise, and the gateway configs and SDK clients
 * tests point at it.
 */
public final class TestWorld implements AutoCloseable {

    public static final String PRIMARY_MODEL = "perfect";
    public static final String BACKUP_MODEL = "mid";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeWorld world;

    private TestWorld(FakeWorld world) {
        this.world = world;
    }

    public static TestWorld start(long seed) {
        return start(seed, DialectKind.OPENAI, DialectKind.OPENAI);
    }

    /** The primary and the backup speak the dialects named. */
    public static TestWorld start(long seed, DialectKind primaryDialect, DialectKind backupDialect) {
        return new TestWorld(FakeWorld.start(new WorldConfig(seed, WorldConfig.LOOPBACK, instantCatalog(), List.of(
                ProviderConfig.of("primary", primaryDialect, PRIMARY_MODEL),
                ProviderConfig.of("backup", backupDialect, BACKUP_MODEL)))));
    }

    /** The primary takes OAuth tokens from the world's OAuth server, whose tokens live {@code tokenTtl}. */
    public static TestWorld startWithOAuthPrimary(long seed, Duration tokenTtl) {
        return new TestWorld(FakeWorld.start(new WorldConfig(seed, WorldConfig.LOOPBACK, instantCatalog(), List.of(
                ProviderConfig.of("primary", DialectKind.OPENAI, PRIMARY_MODEL).withAuth(dev.brownout.fakes.AuthMode.OAUTH),
                ProviderConfig.of("backup", DialectKind.OPENAI, BACKUP_MODEL)),
                OAuthConfig.defaults().withTokenTtl(tokenTtl))));
    }

    public FakeWorld world() {
        return world;
    }

    public FakeProvider primary() {
        return world.provider("primary");
    }

    public FakeProvider backup() {
        return world.provider("backup");
    }

    public UpstreamConfig primaryUpstream() {
        return UpstreamConfig.withApiKey("primary", primary().baseUrl(), primary().apiKey(), PRIMARY_MODEL)
                .withDialect(dialectOf(primary()));
    }

    public UpstreamConfig backupUpstream() {
        return UpstreamConfig.withApiKey("backup", backup().baseUrl(), backup().apiKey(), BACKUP_MODEL)
                .withDialect(dialectOf(backup()));
    }

    /** The gateway's name for the dialect {@code provider} speaks. */
    public static UpstreamDialect dialectOf(FakeProvider provider) {
        return switch (provider.dialect()) {
            case OPENAI -> UpstreamDialect.OPENAI;
            case ANTHROPIC -> UpstreamDialect.ANTHROPIC;
            case GEMINI -> throw new IllegalArgumentException("the reference gateways do not speak gemini");
        };
    }

    /** Primary then backup, every default. */
    public GatewayConfig primaryThenBackup() {
        return GatewayConfig.of(primaryUpstream(), backupUpstream());
    }

    /** An SDK client that never retries by itself, so what the test sees is the gateway's doing. */
    public static OpenAIClient sdkFor(RunningGateway gateway) {
        return OpenAIOkHttpClient.builder().baseUrl(gateway.baseUrl()).apiKey("not-checked-by-the-gateway")
                .maxRetries(0).timeout(Duration.ofSeconds(20)).build();
    }

    public static ChatCompletionCreateParams.Builder ask(String prompt) {
        return ChatCompletionCreateParams.builder().model("any-model-the-gateway-maps").addUserMessage(prompt);
    }

    /** A chat request for {@code prompt} as JSON, for tests that read the raw HTTP answer. */
    public static ObjectNode rawRequest(String prompt, boolean stream) {
        ObjectNode request = JSON.createObjectNode();
        request.put("model", "any-model-the-gateway-maps");
        request.put("stream", stream);
        request.putArray("messages").addObject().put("role", "user").put("content", prompt);
        return request;
    }

    /** Posts {@code request} to the gateway's chat completions with a plain HTTP client; the body is read whole. */
    public static HttpResponse<String> postRaw(RunningGateway gateway, ObjectNode request) throws IOException, InterruptedException {
        HttpRequest http = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                .timeout(Duration.ofSeconds(10))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(http, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The calls {@code provider} saw after sequence {@code since}. */
    public static List<ProviderCall> callsSince(FakeProvider provider, long since) {
        return provider.ledger().all().stream().filter(call -> call.seq() > since).toList();
    }

    private static String instantCatalog() {
        try {
            return Path.of(Objects.requireNonNull(TestWorld.class.getResource("/catalogs/instant.yaml")).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        world.close();
    }
}
