package dev.brownout.fakes.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Generates bad requests for one provider from a fixed seed, so a failing request can be generated again.
 * Every request is bad in exactly one way on top of a request the provider would otherwise serve; the
 * provider must refuse each with a 4xx in its dialect's error shape.
 *
 * <p>First comes every hand-listed case (each known field with each wrong type, every missing required
 * field, bad roles, bad content parts, bad tools, out-of-range numbers, wrong methods, unknown paths, bad
 * credentials, wrong content types, oversized bodies); then random cases fill up to the asked count:
 * random bytes, truncated and corrupted JSON, deep nesting, huge numbers, unknown model names.
 */
final class MalformedRequestGenerator {

    /** Above the listener's limit of {@code FakeHttpServer.MAX_REQUEST_BYTES} (8 MiB). */
    static final int OVERSIZED_BYTES = 9 * 1024 * 1024;
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The provider under test, as a client sees it. */
    record Target(String dialect, String completionPath, String apiKey, String foreignApiKey) {
        boolean anthropic() {
            return dialect.equals("anthropic");
        }

        /** OpenAI's Responses API, whose conversation is {@code input} rather than {@code messages}. */
        boolean responses() {
            return completionPath.equals("/v1/responses");
        }

        /** The field that holds the conversation. */
        String conversation() {
            return responses() ? "input" : "messages";
        }
    }

    private final Target target;
    private final SplittableRandom random;

    MalformedRequestGenerator(Target target, long seed) {
        this.target = target;
        this.random = new SplittableRandom(seed);
    }

    List<MalformedRequest> generate(int count) {
        List<MalformedRequest> requests = new ArrayList<>(listedCases());
        List<Supplier<MalformedRequest>> randomKinds = List.of(
                this::randomBytes, this::truncatedJson, this::corruptedJson, this::deepNesting, this::hugeNumber,
                this::unknownModel, this::randomWrongType, this::unknownPath);
        while (requests.size() < count) {
            requests.add(randomKinds.get(random.nextInt(randomKinds.size())).get());
        }
        return requests;
    }

    // the hand-listed cases

    private List<MalformedRequest> listedCases() {
        List<MalformedRequest> cases = new ArrayList<>();
        wrongTypes().forEach((field, values) -> {
            for (String value : values) {
                cases.add(json("wrong-type " + field, with(field, value)));
            }
        });
        for (String field : requiredFields()) {
            ObjectNode body = validBody();
            body.remove(field);
            cases.add(json("missing " + field, body.toString()));
        }
        outOfRange().forEach((field, values) -> {
            for (String value : values) {
                cases.add(json("out-of-range " + field, with(field, value)));
            }
        });
        for (String topLevel : List.of("[]", "\"text\"", "42", "true", "null", "[" + validBody() + "]", "{}")) {
            cases.add(json("wrong top-level type", topLevel));
        }
        cases.add(json("empty body", ""));
        cases.add(json("whitespace body", "   \n  "));
        cases.add(json("two JSON documents", validBody() + " " + validBody()));
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            cases.add(new MalformedRequest("wrong method " + method, method, target.completionPath(), validHeaders(),
                    method.equals("GET") || method.equals("DELETE") ? null : bytes(validBody().toString()), false));
        }
        cases.add(new MalformedRequest("wrong method POST on models", "POST", "/v1/models", validHeaders(),
                bytes(validBody().toString()), false));
        for (String path : List.of("/", "/v1", "/v1/", "/v2/chat/completions", "/v1/chat/completion",
                "/v1/chat/completions/extra", "/v1/complete", "/v1/completions", "/v1/responses", "/v1/embeddings",
                "/v1/messages/batches", "/V1/MESSAGES", "/v1//messages", "/v1/chat/completions%20",
                "/v1/messages%3F", "/%7Ejunk", "/v1/" + "a".repeat(2000))) {
            if (!path.equals(target.completionPath())) {
                cases.add(new MalformedRequest("unknown path", "POST", path, validHeaders(),
                        bytes(validBody().toString()), false));
            }
        }
        cases.add(new MalformedRequest("unknown path", "POST",
                target.anthropic() ? "/v1/chat/completions" : "/v1/messages", validHeaders(),
                bytes(validBody().toString()), false));
        cases.addAll(badCredentials());
        if (target.anthropic()) {
            for (String version : List.of("", "latest", "2023-6-1", "2023-06-01;drop", "x".repeat(300))) {
                Map<String, String> headers = validHeaders();
                headers.put("anthropic-version", version);
                cases.add(new MalformedRequest("bad anthropic-version", "POST", target.completionPath(), headers,
                        bytes(validBody().toString()), false));
            }
            Map<String, String> headers = validHeaders();
            headers.remove("anthropic-version");
            cases.add(new MalformedRequest("missing anthropic-version", "POST", target.completionPath(), headers,
                    bytes(validBody().toString()), false));
        }
        cases.addAll(wrongContentTypes());
        cases.add(oversized(false));
        cases.add(oversized(true));
        return cases;
    }

    /** Per known field, JSON values of a type the dialect refuses there. */
    private Map<String, List<String>> wrongTypes() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("model", List.of("42", "true", "[]", "{}", "null", "[\"mid\"]"));
        if (target.responses()) {
            return responsesWrongTypes(fields);
        }
        fields.put("messages", List.of("\"hello\"", "1", "true", "{}", "null", "[]", "{\"role\":\"user\"}"));
        fields.put("messages.0", List.of("\"hello\"", "1", "true", "[]", "null"));
        fields.put("stream", List.of("\"yes\"", "1", "[]", "{}", "\"true\""));
        fields.put("temperature", List.of("\"hot\"", "true", "[]", "{}", "\"0.5\""));
        fields.put("top_p", List.of("\"x\"", "false", "[1]", "{}"));
        fields.put("tools", List.of("\"x\"", "1", "true", "{}", "[\"x\"]", "[{}]", "[1]", "[null]"));
        if (target.anthropic()) {
            fields.put("max_tokens", List.of("\"64\"", "1.5", "true", "[]", "{}", "null"));
            fields.put("messages.0.role", List.of("1", "true", "[]", "{}", "null", "\"system\"", "\"robot\"",
                    "\"\"", "\"tool\""));
            fields.put("messages.0.content", List.of("1", "true", "{}", "null", "[{\"type\":\"bogus\"}]",
                    "[{\"text\":\"x\"}]", "[{\"type\":\"text\"}]", "[{\"type\":\"text\",\"text\":5}]", "[\"str\"]",
                    "[1]", "[null]", "[{\"type\":\"tool_result\"}]", "[{\"type\":\"tool_use\",\"id\":\"x\"}]",
                    "[{\"type\":\"tool_result\",\"tool_use_id\":\"t\",\"content\":5}]",
                    "[{\"type\":\"tool_result\",\"tool_use_id\":\"t\",\"content\":[{\"type\":\"nope\"}]}]"));
            fields.put("system", List.of("1", "true", "{}", "[{\"type\":\"bogus\"}]", "[1]",
                    "[{\"type\":\"text\",\"text\":false}]"));
            fields.put("tools", List.of("\"x\"", "1", "true", "{}", "[\"x\"]", "[{}]", "[{\"name\":\"t\"}]",
                    "[{\"name\":5,\"input_schema\":{}}]", "[null]"));
            fields.put("tool_choice", List.of("\"auto\"", "1", "true", "[]", "{}", "{\"type\":\"bogus\"}",
                    "{\"type\":5}"));
        } else {
            fields.put("n", List.of("\"2\"", "1.5", "true", "[]", "{}"));
            fields.put("max_tokens", List.of("\"100\"", "1.5", "true", "[]", "{}"));
            fields.put("max_completion_tokens", List.of("\"100\"", "2.5", "false", "[]", "{}"));
            fields.put("stream_options", List.of("\"x\"", "1", "true", "[]"));
            fields.put("messages.0.role", List.of("1", "true", "[]", "{}", "null", "\"robot\"", "\"\"",
                    "\"USER\""));
            fields.put("messages.0.content", List.of("1", "true", "{}", "null", "[{\"type\":1}]",
                    "[{\"text\":\"x\"}]", "[{\"type\":\"text\"}]", "[{\"type\":\"text\",\"text\":5}]", "[\"str\"]",
                    "[1]", "[null]"));
            fields.put("messages.0", List.of("\"hello\"", "1", "true", "[]", "null",
                    "{\"role\":\"tool\",\"content\":\"a tool message without tool_call_id\"}"));
            fields.put("tools", List.of("\"x\"", "1", "true", "{}", "[\"x\"]", "[{}]", "[1]", "[null]",
                    "[{\"type\":\"function\"}]", "[{\"type\":\"function\",\"function\":{\"name\":5}}]",
                    "[{\"type\":\"function\",\"function\":{\"name\":\"bad name!\"}}]",
                    "[{\"type\":\"function\",\"function\":{\"name\":\"" + "n".repeat(65) + "\"}}]"));
            fields.put("tool_choice", List.of("1", "true", "[]", "\"sometimes\"", "{}",
                    "{\"type\":\"function\",\"function\":{\"name\":\"not_a_tool\"}}",
                    "{\"type\":\"function\",\"function\":{\"name\":{}}}"));
        }
        return fields;
    }

    /** Per field of a Responses request, JSON values the real API refuses there. */
    private Map<String, List<String>> responsesWrongTypes(Map<String, List<String>> fields) {
        fields.put("input", List.of("1", "true", "{}", "null", "[]", "[1]", "[null]", "[\"x\"]",
                "{\"role\":\"user\"}"));
        fields.put("input.0", List.of("\"hello\"", "1", "true", "[]", "null", "{}", "{\"type\":5}",
                "{\"type\":\"bogus\"}", "{\"role\":\"user\"}", "{\"type\":\"function_call_output\"}",
                "{\"type\":\"function_call_output\",\"call_id\":\"c\"}",
                "{\"type\":\"function_call_output\",\"call_id\":5,\"output\":\"x\"}",
                "{\"type\":\"function_call_output\",\"call_id\":\"c\",\"output\":5}",
                "{\"type\":\"function_call\",\"call_id\":\"c\",\"name\":\"f\"}",
                "{\"type\":\"function_call\",\"call_id\":\"c\",\"name\":\"f\",\"arguments\":{}}"));
        fields.put("input.0.role", List.of("1", "true", "[]", "{}", "null", "\"robot\"", "\"\"", "\"tool\"",
                "\"USER\""));
        fields.put("input.0.content", List.of("1", "true", "{}", "null", "[{\"type\":1}]", "[{\"text\":\"x\"}]",
                "[{\"type\":\"input_text\"}]", "[{\"type\":\"input_text\",\"text\":5}]",
                "[{\"type\":\"bogus\"}]", "[\"str\"]", "[1]", "[null]"));
        fields.put("instructions", List.of("1", "true", "[]", "{}"));
        fields.put("previous_response_id", List.of("1", "true", "[]", "{}", "\"resp_unknown\"", "\"\""));
        fields.put("max_output_tokens", List.of("\"100\"", "1.5", "true", "[]", "{}"));
        fields.put("stream_options", List.of("\"x\"", "1", "true", "[]"));
        fields.put("store", List.of("\"yes\"", "1", "[]", "{}"));
        fields.put("metadata", List.of("\"x\"", "1", "true", "[]"));
        fields.put("tools", List.of("\"x\"", "1", "true", "{}", "[\"x\"]", "[{}]", "[1]", "[null]",
                "[{\"type\":\"function\"}]", "[{\"type\":\"function\",\"name\":5}]",
                "[{\"type\":\"function\",\"name\":\"bad name!\"}]",
                "[{\"type\":\"function\",\"name\":\"" + "n".repeat(65) + "\"}]",
                "[{\"type\":\"function\",\"name\":\"f\",\"parameters\":\"x\"}]"));
        fields.put("tool_choice", List.of("1", "true", "[]", "\"sometimes\"", "{}",
                "{\"type\":\"function\",\"name\":\"not_a_tool\"}", "{\"type\":\"function\",\"name\":{}}",
                "{\"type\":\"function\"}", "{\"type\":5}"));
        return fields;
    }

    private List<String> requiredFields() {
        if (target.responses()) {
            return List.of("model", "input");
        }
        return target.anthropic() ? List.of("model", "messages", "max_tokens") : List.of("model", "messages");
    }

    /** Per numeric field, values of the right type but outside what the dialect accepts. */
    private Map<String, List<String>> outOfRange() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (target.anthropic()) {
            fields.put("max_tokens", List.of("0", "-1", "-2147483648", "2147483648", "10000000"));
            fields.put("temperature", List.of("1.5", "-0.1", "1000"));
            fields.put("top_p", List.of("2", "-1"));
        } else if (target.responses()) {
            fields.put("max_output_tokens", List.of("0", "-1", "15", "2147483648"));
            fields.put("temperature", List.of("2.5", "-1", "1e10"));
            fields.put("top_p", List.of("1.5", "-0.5"));
            fields.put("stream_options", List.of("{\"include_obfuscation\":true}", "{}"));
        } else {
            fields.put("n", List.of("0", "-1", "129", "100000"));
            fields.put("max_tokens", List.of("0", "-5", "2147483647", "2147483648"));
            fields.put("max_completion_tokens", List.of("0", "-1", "2147483647"));
            fields.put("temperature", List.of("2.5", "-1", "1e10"));
            fields.put("top_p", List.of("1.5", "-0.5"));
            fields.put("stream_options", List.of("{\"include_usage\":true}", "{}"));
        }
        return fields;
    }

    private List<MalformedRequest> badCredentials() {
        List<Map<String, String>> variants = new ArrayList<>();
        String header = target.anthropic() ? "x-api-key" : "Authorization";
        String prefix = target.anthropic() ? "" : "Bearer ";
        for (String credential : List.of("", "garbage", target.foreignApiKey(), target.apiKey() + "x",
                target.apiKey().toUpperCase(), "k".repeat(4000), "Basic dXNlcjpwYXNz")) {
            Map<String, String> headers = validHeaders();
            headers.put(header, credential.startsWith("Basic") ? credential : prefix + credential);
            variants.add(headers);
        }
        Map<String, String> none = validHeaders();
        none.remove(header);
        variants.add(none);
        Map<String, String> bearerOnly = validHeaders();
        bearerOnly.remove(header);
        bearerOnly.put("Authorization", "Bearer");
        variants.add(bearerOnly);
        return variants.stream().map(headers -> new MalformedRequest("bad credential", "POST",
                target.completionPath(), headers, bytes(validBody().toString()), false)).toList();
    }

    private List<MalformedRequest> wrongContentTypes() {
        List<MalformedRequest> cases = new ArrayList<>();
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("application/x-www-form-urlencoded", "model=mid&messages=hello&max_tokens=10");
        bodies.put("text/plain", "please answer: what is 2 + 2?");
        bodies.put("application/xml", "<request><model>mid</model><messages>hello</messages></request>");
        bodies.put("multipart/form-data; boundary=xyz",
                "--xyz\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nmid\r\n--xyz--\r\n");
        bodies.put("application/octet-stream", "\u0000\u0001\u0002binary");
        bodies.forEach((contentType, body) -> {
            Map<String, String> headers = validHeaders();
            headers.put("Content-Type", contentType);
            cases.add(new MalformedRequest("wrong content type " + contentType.split(";")[0], "POST",
                    target.completionPath(), headers, bytes(body), false));
        });
        return cases;
    }

    private MalformedRequest oversized(boolean chunked) {
        ObjectNode body = validBody();
        // Valid JSON whose only fault is its size, so nothing but the size limit can refuse it.
        messageZero(body).put("content", "a".repeat(OVERSIZED_BYTES));
        return new MalformedRequest("oversized body" + (chunked ? " (chunked)" : ""), "POST", target.completionPath(),
                validHeaders(), bytes(body.toString()), chunked);
    }

    // the random cases

    private MalformedRequest randomBytes() {
        byte[] body = new byte[random.nextInt(1, 2048)];
        random.nextBytes(body);
        // A random byte string that happens to be a JSON object would be a valid-shaped request by chance.
        body[0] = (byte) (random.nextBoolean() ? 0 : 0xFF);
        return new MalformedRequest("random bytes", "POST", target.completionPath(), validHeaders(), body, false);
    }

    private MalformedRequest truncatedJson() {
        String json = validBody().toString();
        // Any strict prefix of a JSON object is unfinished: it lacks the closing brace.
        return json("truncated JSON", json.substring(0, random.nextInt(1, json.length())));
    }

    private MalformedRequest corruptedJson() {
        String json = validBody().toString();
        String junk = "{}[]:,\"\\'/#\u0000\u0007x-+.eE";
        for (int attempt = 0; attempt < 20; attempt++) {
            StringBuilder corrupted = new StringBuilder(json);
            int at = random.nextInt(corrupted.length());
            char replacement = junk.charAt(random.nextInt(junk.length()));
            if (random.nextBoolean()) {
                corrupted.setCharAt(at, replacement);
            } else {
                corrupted.insert(at, replacement);
            }
            if (!parses(corrupted.toString())) {
                return json("corrupted JSON", corrupted.toString());
            }
        }
        return truncatedJson();
    }

    private MalformedRequest deepNesting() {
        int depth = random.nextInt(1_001, 20_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        String nested = open.repeat(depth) + "1" + close.repeat(depth);
        String body = switch (random.nextInt(3)) {
            case 0 -> nested;
            case 1 -> with(target.conversation(), nested);
            default -> with("metadata", nested);
        };
        return json("deeply nested JSON", body);
    }

    private MalformedRequest hugeNumber() {
        List<String> numeric = target.anthropic() ? List.of("max_tokens", "temperature", "top_p")
                : target.responses() ? List.of("max_output_tokens", "temperature", "top_p")
                : List.of("n", "max_tokens", "max_completion_tokens", "temperature", "top_p");
        String field = numeric.get(random.nextInt(numeric.size()));
        String value = switch (random.nextInt(5)) {
            case 0 -> "1e400";
            case 1 -> "-1e400";
            case 2 -> "9".repeat(random.nextInt(20, 60));
            case 3 -> "9".repeat(random.nextInt(1_001, 5_000));
            default -> "1" + "0".repeat(random.nextInt(300, 900)) + ".5";
        };
        return json("huge number " + field, with(field, value));
    }

    private MalformedRequest unknownModel() {
        StringBuilder model = new StringBuilder("no-such-model-");
        int length = random.nextInt(1, 40);
        for (int i = 0; i < length; i++) {
            model.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        ObjectNode body = validBody();
        body.put("model", model.toString());
        return json("unknown model", body.toString());
    }

    private MalformedRequest randomWrongType() {
        List<Map.Entry<String, List<String>>> fields = new ArrayList<>(wrongTypes().entrySet());
        Map.Entry<String, List<String>> field = fields.get(random.nextInt(fields.size()));
        String value = field.getValue().get(random.nextInt(field.getValue().size()));
        return json("wrong-type " + field.getKey(), with(field.getKey(), value));
    }

    private MalformedRequest unknownPath() {
        StringBuilder path = new StringBuilder("/v1");
        int segments = random.nextInt(1, 4);
        for (int s = 0; s < segments; s++) {
            path.append('/');
            int length = random.nextInt(1, 12);
            for (int i = 0; i < length; i++) {
                path.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
            }
        }
        String method = List.of("POST", "GET", "PUT", "DELETE", "PATCH").get(random.nextInt(5));
        boolean withBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        return new MalformedRequest("unknown path", method, path.toString(), validHeaders(),
                withBody ? bytes(validBody().toString()) : null, false);
    }

    // building blocks

    /** A request the provider serves with 200. */
    ObjectNode validBody() {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", random.nextBoolean() ? "mid" : "small");
        if (target.anthropic()) {
            body.put("max_tokens", random.nextInt(1, 256));
        }
        ArrayNode messages = body.putArray(target.conversation());
        messages.addObject().put("role", "user").put("content", "say something number " + random.nextInt(1000));
        if (target.responses() && random.nextBoolean()) {
            body.put("instructions", "Answer briefly.");
        }
        if (random.nextInt(4) == 0) {
            body.put("stream", true);
        }
        return body;
    }

    Map<String, String> validHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (target.anthropic()) {
            headers.put("x-api-key", target.apiKey());
            headers.put("anthropic-version", "2023-06-01");
        } else {
            headers.put("Authorization", "Bearer " + target.apiKey());
        }
        return headers;
    }

    /**
     * A valid body with {@code field} (a dotted path such as {@code messages.0.role}) set to the raw JSON
     * {@code value}, spliced as text so values Jackson would not build (a 5,000-digit number, nesting deeper
     * than its limit) are sent as they are.
     */
    private String with(String field, String value) {
        ObjectNode body = validBody();
        if (field.equals("stream_options")) {
            // A wrong type is tested with stream on, where stream_options itself is allowed; an object is
            // tested with stream off, where it is not.
            if (value.startsWith("{")) {
                body.remove("stream");
            } else {
                body.put("stream", true);
            }
        }
        String marker = "\"__marker_" + random.nextLong(Long.MAX_VALUE) + "__\"";
        RawValue placeholder = new RawValue(marker);
        String[] parts = field.split("\\.");
        ObjectNode parent = body;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = parent.get(parts[i]);
            if (next instanceof ArrayNode array) {
                int index = Integer.parseInt(parts[++i]);
                if (i == parts.length - 1) {
                    array.set(index, JSON.getNodeFactory().rawValueNode(placeholder));
                    return body.toString().replace(marker, value);
                }
                next = array.get(index);
            }
            parent = (ObjectNode) next;
        }
        parent.putRawValue(parts[parts.length - 1], placeholder);
        return body.toString().replace(marker, value);
    }

    private ObjectNode messageZero(ObjectNode body) {
        return (ObjectNode) body.get(target.conversation()).get(0);
    }

    private MalformedRequest json(String kind, String body) {
        return new MalformedRequest(kind, "POST", target.completionPath(), validHeaders(), bytes(body), false);
    }

    private static boolean parses(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && !node.isMissingNode();
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
