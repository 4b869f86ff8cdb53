package dev.brownout.fakes.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.DialectKind;
import dev.brownout.fakes.FakeProvider;
import dev.brownout.fakes.FakeWorld;
import dev.brownout.fakes.ProviderConfig;
import dev.brownout.fakes.TestWorlds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated malformed requests against a Gemini provider, sent concurrently: each is bad in exactly one way on top
 * of a request the provider serves (a field of the wrong type at every level, a missing or empty required field,
 * a number out of range, an unknown field, a bad path, method, credential or body), and each must get a 4xx in
 * Google's error shape ({@code error.code} the HTTP status, a message, an upper-case {@code error.status}) with a
 * request id and no Java internals; none may hang, and the provider still serves a valid request afterwards.
 */
class GeminiMalformedRequestFuzzTest {

    /** Fixed so a failure reproduces; change it to explore other requests. */
    static final long SEED = 0x6E41_F022L;
    static final int RANDOM_CASES = 300;
    static final int IN_FLIGHT = 16;
    static final Duration PER_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final String PATH = "/v1beta/models/mid:generateContent";

    private static final ObjectMapper JSON = new ObjectMapper();

    static FakeWorld world;
    static FakeProvider gemini;
    static HttpClient client;

    @BeforeAll
    static void startWorld() {
        world = TestWorlds.start(SEED, ProviderConfig.of("gemini", DialectKind.GEMINI, "mid"),
                ProviderConfig.of("openai", DialectKind.OPENAI, "mid"));
        gemini = world.provider("gemini");
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
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
    void everyMalformedRequestGetsAFourHundredInGooglesErrorShapeAndTheProviderStaysHealthy() throws Exception {
        List<MalformedRequest> requests = new Generator(new SplittableRandom(SEED)).generate();
        assertThat(requests.size()).as("requests generated from seed %d", SEED).isGreaterThan(RANDOM_CASES);

        List<Answer> answers = sendAll(requests);

        Map<String, Integer> byStatus = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Answer answer : answers) {
            byStatus.merge(answer.statusLabel(), 1, Integer::sum);
            answer.problem().ifPresent(problem -> problems.add(problem + "\n    request: "
                    + answer.request().describe()));
        }
        assertThat(problems)
                .as("requests from seed %d without a clean 4xx in Google's error shape (%d of %d; statuses %s); "
                        + "the first ones:%n%s", SEED, problems.size(), answers.size(), byStatus,
                        String.join("\n", problems.subList(0, Math.min(15, problems.size()))))
                .isEmpty();

        HttpResponse<String> valid = client.send(post(PATH, validBody().toString(), validHeaders()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(valid.statusCode()).as("a valid request after the fuzz: %s", valid.body()).isEqualTo(200);
        assertThat(JSON.readTree(valid.body()).path("candidates").path(0).path("content").path("parts").path(0)
                .path("text").asText()).as("its answer text").isNotBlank();
    }

    private static HttpRequest.Builder post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gemini.origin() + path))
                .timeout(PER_REQUEST_TIMEOUT).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return builder;
    }

    static ObjectNode validBody() {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode content = body.putArray("contents").addObject();
        content.put("role", "user");
        content.putArray("parts").addObject().put("text", "hello");
        body.putObject("systemInstruction").putArray("parts").addObject().put("text", "be brief");
        body.putArray("tools").addObject().putArray("functionDeclarations").addObject().put("name", "lookup")
                .putObject("parameters").put("type", "OBJECT");
        body.putObject("toolConfig").putObject("functionCallingConfig").put("mode", "AUTO");
        body.putObject("generationConfig").put("maxOutputTokens", 16).put("temperature", 0.5)
                .put("candidateCount", 1);
        return body;
    }

    static Map<String, String> validHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("x-goog-api-key", gemini.apiKey());
        return headers;
    }

    /** Each known place in the body with each value it must refuse there, as a JSON pointer into the valid body. */
    private static final class Generator {

        private final SplittableRandom random;
        private final List<MalformedRequest> requests = new ArrayList<>();

        Generator(SplittableRandom random) {
            this.random = random;
        }

        List<MalformedRequest> generate() {
            List<String> notObjects = List.of("42", "\"text\"", "true", "[]");
            List<String> notArrays = List.of("42", "\"text\"", "true", "{}");
            List<String> notStrings = List.of("42", "true", "[]", "{}");
            Map<String, List<String>> wrong = new LinkedHashMap<>();
            wrong.put("/contents", List.of("42", "\"hello\"", "{}", "[]", "null", "[42]", "[[]]"));
            wrong.put("/contents/0/role", List.of("42", "\"assistant\"", "\"system\"", "[]"));
            wrong.put("/contents/0/parts", List.of("42", "\"hello\"", "{}", "[]", "null", "[42]", "[{}]",
                    "[{\"text\":\"a\",\"functionCall\":{\"name\":\"f\"}}]"));
            wrong.put("/contents/0/parts/0/text", notStrings);
            wrong.put("/systemInstruction", List.of("42", "\"be brief\"", "[]", "{}", "{\"parts\":[]}"));
            wrong.put("/tools", notArrays);
            wrong.put("/tools/0", List.of("42", "\"lookup\"", "[]"));
            wrong.put("/tools/0/functionDeclarations", notArrays);
            wrong.put("/tools/0/functionDeclarations/0", List.of("42", "{}", "{\"name\":\"\"}", "{\"name\":7}",
                    "{\"name\":\"f\",\"parameters\":\"object\"}"));
            wrong.put("/toolConfig", notObjects);
            wrong.put("/toolConfig/functionCallingConfig", notObjects);
            wrong.put("/toolConfig/functionCallingConfig/mode", List.of("42", "\"auto\"", "\"SOMETIMES\"", "{}"));
            wrong.put("/generationConfig", notObjects);
            wrong.put("/generationConfig/maxOutputTokens", List.of("0", "-1", "1.5", "\"many\"", "true",
                    "99999999999999999999", "[]"));
            wrong.put("/generationConfig/candidateCount", List.of("0", "9", "\"two\"", "2.5"));
            wrong.put("/generationConfig/temperature", List.of("-0.1", "2.5", "\"hot\"", "[]"));
            wrong.put("/generationConfig/topP", List.of("-1", "1.5", "\"all\""));
            wrong.put("/generationConfig/topK", List.of("-1", "\"ten\"", "1.5"));
            wrong.put("/generationConfig/stopSequences", List.of("\"stop\"", "[1]", "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]"));
            wrong.put("/safetySettings", List.of("{}", "[42]", "[{\"category\":1}]"));
            wrong.put("/cachedContent", notStrings);
            wrong.forEach((pointer, values) -> values.forEach(value -> body("wrong value at " + pointer,
                    replaced(pointer, value))));
            for (String pointer : List.of("", "/contents/0", "/contents/0/parts/0", "/generationConfig")) {
                body("unknown field at '" + pointer + "'", added(pointer, "colour", "\"red\""));
            }
            body("function call without a name", replaced("/contents/0/parts/0",
                    "{\"functionCall\":{\"args\":{}}}"));
            body("function call with args not an object", replaced("/contents/0/parts/0",
                    "{\"functionCall\":{\"name\":\"f\",\"args\":[1]}}"));
            body("function response without a response", replaced("/contents/0/parts/0",
                    "{\"functionResponse\":{\"name\":\"f\"}}"));
            body("function response not an object", replaced("/contents/0/parts/0",
                    "{\"functionResponse\":{\"name\":\"f\",\"response\":\"ok\"}}"));
            for (String top : List.of("[]", "\"text\"", "42", "true", "null", "{}", "", "   ",
                    validBody() + " " + validBody())) {
                send("wrong document", "POST", PATH, validHeaders(), top);
            }
            for (String path : List.of("/v1beta/models/mid", "/v1beta/models/:generateContent",
                    "/v1beta/models/mid:generate", "/v1beta/models/mid:countTokens", "/v2/models/mid:generateContent",
                    "/v1beta/models/mid:generateContent/extra", "/v1beta/models/a/b:generateContent",
                    "/v1beta/models/%25zz:generateContent", "/v1beta/models/no-such-model:generateContent",
                    "/v1beta/models/mid:streamGenerateContent", "/v1beta/models/mid:streamGenerateContent?alt=json",
                    "/v1beta/tunedModels/mid:generateContent", "/V1BETA/models/mid:generateContent",
                    "/v1beta/models/mid:generateContent%20", "/v1beta/models/" + "m".repeat(2000) + ":generateContent")) {
                send("bad path", "POST", path, validHeaders(), validBody().toString());
            }
            for (String method : List.of("PUT", "DELETE", "PATCH")) {
                send("wrong method", method, PATH, validHeaders(), validBody().toString());
            }
            Map<String, String> noKey = validHeaders();
            noKey.remove("x-goog-api-key");
            send("no credential", "POST", PATH, noKey, validBody().toString());
            send("unknown key in the query", "POST", PATH + "?key=AIza-wrong", noKey, validBody().toString());
            for (String key : List.of("AIza-wrong", "", world.provider("openai").apiKey(), "x".repeat(5000))) {
                Map<String, String> headers = validHeaders();
                headers.put("x-goog-api-key", key);
                send("bad key", "POST", PATH, headers, validBody().toString());
            }
            Map<String, String> bearer = new LinkedHashMap<>(noKey);
            bearer.put("Authorization", "Bearer not-a-token");
            send("bad bearer", "POST", PATH, bearer, validBody().toString());
            send("oversized body", "POST", PATH, validHeaders(), "{\"contents\":[{\"parts\":[{\"text\":\""
                    + "x".repeat(9 * 1024 * 1024) + "\"}]}]}");
            for (int i = 0; i < RANDOM_CASES; i++) {
                randomCase();
            }
            return requests;
        }

        private void randomCase() {
            String valid = validBody().toString();
            switch (random.nextInt(5)) {
                case 0 -> send("truncated JSON", "POST", PATH, validHeaders(),
                        valid.substring(0, random.nextInt(valid.length() - 1)));
                case 1 -> {
                    char[] chars = valid.toCharArray();
                    for (int n = 0; n < 3; n++) {
                        chars[random.nextInt(chars.length)] = "{}[]\",:\\x0".charAt(random.nextInt(10));
                    }
                    // Only what is still a JSON object the provider might serve is skipped: it would be no fault.
                    String corrupted = new String(chars);
                    if (!parsesAsValid(corrupted)) {
                        send("corrupted JSON", "POST", PATH, validHeaders(), corrupted);
                    }
                }
                case 2 -> {
                    int depth = 100 + random.nextInt(2000);
                    send("deep nesting", "POST", PATH, validHeaders(), "{\"contents\":" + "[".repeat(depth)
                            + "]".repeat(depth) + "}");
                }
                case 3 -> {
                    List<String> pointers = List.of("/generationConfig/maxOutputTokens",
                            "/generationConfig/candidateCount", "/generationConfig/topK");
                    body("huge number", replaced(pointers.get(random.nextInt(pointers.size())),
                            "1" + "0".repeat(10 + random.nextInt(400))));
                }
                default -> {
                    byte[] bytes = new byte[1 + random.nextInt(512)];
                    random.nextBytes(bytes);
                    requests.add(new MalformedRequest("random bytes", "POST", PATH, validHeaders(), bytes, false));
                }
            }
        }

        private static boolean parsesAsValid(String text) {
            try {
                JsonNode node = JSON.readTree(text);
                return node != null && node.isObject() && node.path("contents").isArray()
                        && node.path("contents").path(0).path("parts").path(0).path("text").isTextual();
            } catch (IOException e) {
                return false;
            }
        }

        private void body(String kind, String body) {
            send(kind, "POST", PATH, validHeaders(), body);
        }

        private void send(String kind, String method, String path, Map<String, String> headers, String body) {
            requests.add(new MalformedRequest(kind, method, path, headers, body.getBytes(StandardCharsets.UTF_8),
                    false));
        }

        private static String replaced(String pointer, String value) {
            ObjectNode body = validBody();
            int slash = pointer.lastIndexOf('/');
            JsonNode parent = body.at(pointer.substring(0, slash));
            String last = pointer.substring(slash + 1);
            JsonNode replacement = parse(value);
            if (parent instanceof ObjectNode object) {
                object.set(last, replacement);
            } else {
                ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last), replacement);
            }
            return body.toString();
        }

        private static String added(String pointer, String field, String value) {
            ObjectNode body = validBody();
            ((ObjectNode) (pointer.isEmpty() ? body : body.at(pointer))).set(field, parse(value));
            return body.toString();
        }

        private static JsonNode parse(String value) {
            try {
                return JSON.readTree(value);
            } catch (IOException e) {
                throw new IllegalArgumentException(value, e);
            }
        }
    }

    private static List<Answer> sendAll(List<MalformedRequest> requests) throws InterruptedException {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<Answer>> futures = new ArrayList<>();
        for (MalformedRequest request : requests) {
            if (!inFlight.tryAcquire(PER_REQUEST_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS)) {
                throw new AssertionError("no request finished within " + PER_REQUEST_TIMEOUT.multipliedBy(2)
                        + " although each has a timeout: the client is stuck");
            }
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gemini.origin() + request.path()))
                    .timeout(PER_REQUEST_TIMEOUT)
                    .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(builder::header);
            futures.add(client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray())
                    .handle((response, failure) -> {
                        inFlight.release();
                        return new Answer(request, response, failure);
                    }));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }

    record Answer(MalformedRequest request, HttpResponse<byte[]> response, Throwable failure) {

        String statusLabel() {
            return response == null ? "no answer" : Integer.toString(response.statusCode());
        }

        Optional<String> problem() {
            if (response == null) {
                return Optional.of("no answer: " + failure);
            }
            int status = response.statusCode();
            String text = new String(response.body(), StandardCharsets.UTF_8);
            String shown = text.length() <= 300 ? text : text.substring(0, 300) + "...";
            if (status < 400 || status > 499) {
                return Optional.of("status " + status + " (expected 4xx): " + shown);
            }
            if (response.headers().firstValue("x-request-id").filter(id -> !id.isBlank()).isEmpty()) {
                return Optional.of("status " + status + " without an x-request-id header: " + shown);
            }
            JsonNode error;
            try {
                error = JSON.readTree(text).path("error");
            } catch (IOException e) {
                return Optional.of("status " + status + " with a body that is not JSON: " + shown);
            }
            if (error.path("code").asInt() != status || !error.path("message").isTextual()
                    || error.path("message").asText().isBlank()
                    || !error.path("status").asText().matches("[A-Z][A-Z_]+")) {
                return Optional.of("status " + status + " not in Google's shape {error: {code, message, status}}: "
                        + shown);
            }
            if (MalformedRequestFuzzTest.JAVA_INTERNALS.matcher(text).find()) {
                return Optional.of("status " + status + " with Java internals in its body: " + shown);
            }
            return Optional.empty();
        }
    }
}
