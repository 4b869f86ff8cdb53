package dev.brownout.fakes.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brownout.fakes.TestWorlds;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated malformed requests (see {@link MalformedRequestGenerator}) against both dialects and
 * OpenAI's Responses API,
 * sent concurrently: every one must get a 4xx in the dialect's own error shape with a request id and no
 * Java internals in its message, none may take the server down or hang, and afterwards the providers are
 * healthy and serve a valid request.
 */
class MalformedRequestFuzzTest {

    /** Fixed so a failure reproduces; change it to explore other requests. */
    static final long SEED = 0x5EED_F022L;
    static final int REQUESTS_PER_DIALECT = 1_700;
    static final int RESPONSES_REQUESTS = 800;
    static final int IN_FLIGHT = 24;
    static final Duration PER_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** A Java class name (dev.brownout.X, java.lang.X, com.fasterxml...) or a stack frame. */
    static final Pattern JAVA_INTERNALS = Pattern.compile(
            "Exception|\\bat (dev|java|jdk|com|org|io)\\.|\\b(java|javax|jakarta|jdk|dev\\.brownout|com\\.fasterxml"
                    + "|org\\.eclipse|io\\.javalin)\\.[a-zA-Z]");

    private static final ObjectMapper JSON = new ObjectMapper();

    static FakeWorld world;
    static HttpClient client;

    @BeforeAll
    static void startWorld() {
        world = FakeWorld.start(TestWorlds.openAiAndAnthropic(SEED));
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterAll
    static void stopWorld() {
        if (client != null) {
            client.close();
        }
        if (world != null) {
            world.close();
        }
    }

    @Test
    void everyMalformedRequestGetsTheDialectsFourHundredErrorAndTheServerStaysHealthy() throws Exception {
        FakeProvider openai = world.provider("openai");
        FakeProvider anthropic = world.provider("anthropic");
        List<Sent> sent = new ArrayList<>();
        sent.addAll(generate(openai, anthropic, SEED));
        sent.addAll(generate(anthropic, openai, SEED + 1));
        sent.addAll(generateResponses(openai, anthropic, SEED + 2));
        assertThat(sent).as("requests generated from seed %d", SEED).hasSizeGreaterThanOrEqualTo(3_800);

        List<Answer> answers = sendAll(sent);

        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byKind = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Answer answer : answers) {
            byStatus.merge(answer.statusLabel(), 1, Integer::sum);
            byKind.merge(answer.sent().dialect() + " " + answer.sent().request().kind(), 1,
                    Integer::sum);
            answer.problem().ifPresent(problem -> problems.add(problem + "\n    request: "
                    + answer.sent().dialect() + " " + answer.sent().request().describe()));
        }
        System.out.printf("malformed-request fuzz, seed %d: %d requests%n  by status: %s%n  by kind: %s%n",
                SEED, answers.size(), byStatus, byKind);

        assertThat(problems)
                .as("requests from seed %d that did not get a clean 4xx in the dialect's error shape "
                        + "(%d of %d; statuses %s); the first ones:%n%s", SEED, problems.size(), answers.size(),
                        byStatus, String.join("\n", problems.subList(0, Math.min(15, problems.size()))))
                .isEmpty();
        for (FakeProvider provider : List.of(openai, anthropic)) {
            assertHealthyAndServing(provider);
        }
    }

    private static List<Sent> generate(FakeProvider provider, FakeProvider other, long seed) {
        var target = new MalformedRequestGenerator.Target(provider.dialect().label(),
                provider.dialect() == dev.brownout.fakes.DialectKind.OPENAI ? "/v1/chat/completions" : "/v1/messages",
                provider.apiKey(), other.apiKey());
        return new MalformedRequestGenerator(target, seed).generate(REQUESTS_PER_DIALECT).stream()
                .map(request -> new Sent(provider, request))
                .toList();
    }

    /** Bad requests to an OpenAI provider's Responses API, which answers them in the same error shape. */
    private static List<Sent> generateResponses(FakeProvider openai, FakeProvider other, long seed) {
        var target = new MalformedRequestGenerator.Target("openai", "/v1/responses", openai.apiKey(), other.apiKey());
        return new MalformedRequestGenerator(target, seed).generate(RESPONSES_REQUESTS).stream()
                .map(request -> new Sent(openai, request))
                .toList();
    }

    /** Sends every request with at most {@link #IN_FLIGHT} open at once, each bounded by its timeout. */
    private static List<Answer> sendAll(List<Sent> sent) throws InterruptedException {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<Answer>> futures = new ArrayList<>();
        for (Sent one : sent) {
            if (!inFlight.tryAcquire(PER_REQUEST_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS)) {
                throw new AssertionError("no request finished within " + PER_REQUEST_TIMEOUT.multipliedBy(2)
                        + " although each has a timeout: the client is stuck");
            }
            futures.add(client.sendAsync(one.httpRequest(), HttpResponse.BodyHandlers.ofByteArray())
                    .handle((response, failure) -> {
                        inFlight.release();
                        return new Answer(one, response, failure);
                    }));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private static void assertHealthyAndServing(FakeProvider provider) throws IOException, InterruptedException {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(provider.adminUrl() + "/health"))
                .timeout(PER_REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as("%s health status after the fuzz", provider.name()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("status").asText())
                .as("%s health body after the fuzz: %s", provider.name(), health.body()).isEqualTo("ok");

        boolean anthropic = provider.dialect() == dev.brownout.fakes.DialectKind.ANTHROPIC;
        HttpRequest.Builder valid = HttpRequest.newBuilder(URI.create(provider.origin()
                        + (anthropic ? "/v1/messages" : "/v1/chat/completions")))
                .timeout(PER_REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"mid\",\"max_tokens\":32,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"still there?\"}]}"));
        if (anthropic) {
            valid.header("x-api-key", provider.apiKey()).header("anthropic-version", "2023-06-01");
        } else {
            valid.header("Authorization", "Bearer " + provider.apiKey());
        }
        HttpResponse<String> answer = client.send(valid.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("%s answer to a valid request after the fuzz: %s", provider.name(),
                answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(anthropic ? body.path("content").path(0).path("text").asText()
                : body.path("choices").path(0).path("message").path("content").asText())
                .as("%s answer text after the fuzz", provider.name()).isNotBlank();
        if (!anthropic) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(provider.origin()
                            + "/v1/responses"))
                    .timeout(PER_REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + provider.apiKey())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"mid\",\"input\":\"still there?\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s Responses API answer after the fuzz: %s", provider.name(),
                    response.body()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).path("output").path(0).path("content").path(0).path("text")
                    .asText()).as("%s Responses API answer text after the fuzz", provider.name()).isNotBlank();
        }
    }

    record Sent(FakeProvider provider, MalformedRequest request) {

        String dialect() {
            return provider.dialect().label();
        }

        HttpRequest httpRequest() {
            HttpRequest.BodyPublisher body;
            if (request.body() == null) {
                body = HttpRequest.BodyPublishers.noBody();
            } else if (request.chunked()) {
                body = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()));
            } else {
                body = HttpRequest.BodyPublishers.ofByteArray(request.body());
            }
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(provider.origin() + request.path()))
                    .timeout(PER_REQUEST_TIMEOUT)
                    .method(request.method(), body);
            request.headers().forEach(builder::header);
            return builder.build();
        }
    }

    record Answer(Sent sent, HttpResponse<byte[]> response, Throwable failure) {

        String statusLabel() {
            if (response == null) {
                return failure instanceof java.net.http.HttpTimeoutException
                        || failure.getCause() instanceof java.net.http.HttpTimeoutException ? "timeout" : "no answer";
            }
            return Integer.toString(response.statusCode());
        }

        /** What is wrong with this answer, if anything. */
        Optional<String> problem() {
            if (response == null) {
                return Optional.of(statusLabel() + ": " + failure);
            }
            int status = response.statusCode();
            String text = new String(response.body(), StandardCharsets.UTF_8);
            if (status < 400 || status > 499) {
                return Optional.of("status " + status + " (expected 4xx): " + abbreviate(text));
            }
            boolean anthropic = sent.dialect().equals("anthropic");
            String idHeader = anthropic ? "request-id" : "x-request-id";
            Optional<String> requestId = response.headers().firstValue(idHeader);
            if (requestId.isEmpty() || requestId.get().isBlank()) {
                return Optional.of("status " + status + " without a " + idHeader + " header: " + abbreviate(text));
            }
            JsonNode body;
            try {
                body = JSON.readTree(text);
            } catch (IOException e) {
                return Optional.of("status " + status + " with a body that is not JSON: " + abbreviate(text));
            }
            Optional<String> shape = anthropic ? anthropicShape(body, requestId.get()) : openAiShape(body);
            if (shape.isPresent()) {
                return Optional.of("status " + status + ": " + shape.get() + ": " + abbreviate(text));
            }
            if (JAVA_INTERNALS.matcher(text).find()) {
                return Optional.of("status " + status + " with Java internals in its body: " + abbreviate(text));
            }
            return Optional.empty();
        }

        private static Optional<String> openAiShape(JsonNode body) {
            JsonNode error = body == null ? null : body.get("error");
            if (error == null || !error.isObject()) {
                return Optional.of("no OpenAI \"error\" object");
            }
            if (!error.path("message").isTextual() || error.path("message").asText().isBlank()) {
                return Optional.of("OpenAI error without a message");
            }
            if (!error.path("type").isTextual()) {
                return Optional.of("OpenAI error without a type");
            }
            for (String field : List.of("param", "code")) {
                if (!error.has(field) || !(error.get(field).isNull() || error.get(field).isTextual())) {
                    return Optional.of("OpenAI error without '" + field + "' (string or null)");
                }
            }
            return Optional.empty();
        }

        private static Optional<String> anthropicShape(JsonNode body, String requestId) {
            if (body == null || !"error".equals(body.path("type").asText())) {
                return Optional.of("Anthropic error without \"type\":\"error\"");
            }
            JsonNode error = body.path("error");
            if (!error.path("type").isTextual() || !error.path("message").isTextual()
                    || error.path("message").asText().isBlank()) {
                return Optional.of("Anthropic error without error.type and error.message");
            }
            if (!requestId.equals(body.path("request_id").asText())) {
                return Optional.of("Anthropic request_id in the body differs from the request-id header "
                        + requestId);
            }
            return Optional.empty();
        }

        private static String abbreviate(String text) {
            return text.length() <= 300 ? text : text.substring(0, 300) + "...";
        }
    }
}
