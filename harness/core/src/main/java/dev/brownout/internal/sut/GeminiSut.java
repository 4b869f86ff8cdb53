package dev.brownout.internal.sut;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.sut.GatewayRequest;
import dev.brownout.sut.ReplyStream;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;
import dev.brownout.sut.SutTool;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code gemini} adapter: the SUT is a gateway that speaks Google's Gemini API. Each task is one {@code POST
 * {base}/v1beta/models/{model}:generateContent} (or {@code :streamGenerateContent?alt=sse}) with the prompt as the
 * one user turn. It reports what it saw rather than judging it: the first candidate's {@code finishReason} as
 * received ({@code STOP}, {@code MAX_TOKENS}, ...), {@code usageMetadata}, {@code modelVersion}, and how a stream
 * ended. Gemini has no {@code [DONE]}: a stream whose last event carried a finish reason ended with its terminator,
 * one that stops without it simply ended (a cut, as a reader can tell). An event carrying {@code error} is a 502; an
 * event that is not JSON is skipped and counted; a body that breaks off is an {@link AbortedReplyException}.
 * <p>
 * A task's tools are offered as {@code functionDeclarations}; the {@code functionCall} parts of a reply are its tool
 * calls. Gemini gives a call no id on the wire, so each gets {@code call-<n>}, its place in the reply; the follow-up
 * names results by the function's name, as the API does.
 */
public final class GeminiSut implements HttpDialectSut {

    private final URI generate;
    private final URI streamGenerate;
    private final String apiKey;
    private final Map<String, String> headers;
    private final ObjectNode extraBody;
    private final HttpClient http;

    private GeminiSut(URI baseUrl, String apiKey, String model, Map<String, String> headers, ObjectNode extraBody) {
        String base = baseUrl.toString();
        // A model named as the API names it ("models/gemini-2.5-flash") is the same model.
        String id = model.startsWith("models/") ? model.substring("models/".length()) : model;
        String models = (base.endsWith("/") ? base : base + "/") + "v1beta/models/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        this.generate = URI.create(models + ":generateContent");
        this.streamGenerate = URI.create(models + ":streamGenerateContent?alt=sse");
        this.apiKey = apiKey;
        this.headers = Map.copyOf(headers);
        this.extraBody = extraBody.deepCopy();
        this.http = GatewayHttp.client();
    }

    /**
     * @param baseUrl   what Google's SDKs take as their base URL: the origin, e.g. {@code http://127.0.0.1:8787};
     *                  the adapter adds {@code v1beta/models/...}
     * @param apiKey    sent as {@code x-goog-api-key}; null for none
     * @param model     the model named in the path, with or without the API's {@code models/} prefix
     * @param headers   extra request headers, e.g. a gateway's routing header
     * @param extraBody fields merged into every request (e.g. {@code generationConfig}); the adapter's own
     *                  {@code contents} wins over them
     */
    public static GeminiSut of(URI baseUrl, String apiKey, String model, Map<String, String> headers,
                               ObjectNode extraBody) {
        return new GeminiSut(baseUrl, apiKey, model, headers, extraBody);
    }

    @Override
    public String adapterName() {
        return SutAdapter.GEMINI.label();
    }

    @Override
    public GatewayRequest request(SutRequest request) {
        return post(request, List.of());
    }

    /**
     * The prompt's user turn, then per round the model turn (its text if it had any, then its {@code functionCall}
     * parts) and a user turn of one {@code functionResponse} part per call, the result under {@code result}.
     */
    @Override
    public GatewayRequest followUp(SutRequest request, List<ToolRound> rounds) {
        return post(request, rounds);
    }

    private GatewayRequest post(SutRequest request, List<ToolRound> rounds) {
        ObjectNode body = extraBody.deepCopy();
        ArrayNode contents = body.putArray("contents");
        ObjectNode turn = contents.addObject();
        turn.put("role", "user");
        turn.putArray("parts").addObject().put("text", request.prompt());
        for (ToolRound round : rounds) {
            ArrayNode said = contents.addObject().put("role", "model").putArray("parts");
            String text = round.reply().answer();
            if (text != null && !text.isEmpty()) {
                said.addObject().put("text", text);
            }
            for (SutReply.ToolCall call : round.reply().toolCalls()) {
                ObjectNode functionCall = said.addObject().putObject("functionCall");
                functionCall.put("name", call.name());
                functionCall.set("args", args(call.argumentsJson()));
            }
            ArrayNode results = contents.addObject().put("role", "user").putArray("parts");
            for (int i = 0; i < round.results().size(); i++) {
                ObjectNode response = results.addObject().putObject("functionResponse");
                response.put("name", round.reply().toolCalls().get(i).name());
                response.putObject("response").put("result", round.results().get(i));
            }
        }
        if (!request.tools().isEmpty()) {
            ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
            for (SutTool tool : request.tools()) {
                declarations.addObject().put("name", tool.name()).put("description", tool.description())
                        .set("parameters", schema(GatewayHttp.schema(tool)));
            }
        }
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("Content-Type", "application/json");
        if (apiKey != null) {
            sent.put("x-goog-api-key", apiKey);
        }
        sent.putAll(headers);
        return new GatewayRequest(request.stream() ? streamGenerate : generate, sent, body.toString());
    }

    /**
     * A JSON Schema cut to the subset Gemini's {@code Schema} reads ({@code type}, {@code description},
     * {@code properties}, {@code required}, and {@code items} and {@code enum} of the same kinds), as the API refuses
     * fields it does not know, such as {@code additionalProperties} or {@code $schema}.
     */
    static JsonNode schema(JsonNode jsonSchema) {
        ObjectNode kept = Mappers.json().createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = jsonSchema.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "type", "description" -> {
                    if (value.isTextual()) {
                        kept.set(field.getKey(), value);
                    }
                }
                case "required", "enum" -> {
                    if (value.isArray()) {
                        kept.set(field.getKey(), value);
                    }
                }
                case "items" -> {
                    if (value.isObject()) {
                        kept.set("items", schema(value));
                    }
                }
                case "properties" -> {
                    if (value.isObject()) {
                        ObjectNode properties = kept.putObject("properties");
                        value.fields().forEachRemaining(property -> properties.set(property.getKey(),
                                property.getValue().isObject() ? schema(property.getValue())
                                        : Mappers.json().createObjectNode()));
                    }
                }
                default -> {
                    // outside Gemini's subset: the API would refuse the request
                }
            }
        }
        return kept;
    }

    /**
     * A call's arguments as the object {@code functionCall.args} must be; arguments that are not an object go back
     * as {@code {}}, as the model's call cannot be repeated in any other shape.
     */
    private static ObjectNode args(String argumentsJson) {
        try {
            JsonNode node = Mappers.json().readTree(argumentsJson);
            return node instanceof ObjectNode object ? object : Mappers.json().createObjectNode();
        } catch (JsonProcessingException e) {
            return Mappers.json().createObjectNode();
        }
    }

    @Override
    public SutReply readWhole(int status, String body, long arrivedNanos) throws UnreadableReplyException {
        if (status / 100 != 2) {
            return new SutReply(status, body, null, arrivedNanos);
        }
        JsonNode response = GatewayHttp.jsonObject(body, "Gemini response");
        StringBuilder text = new StringBuilder();
        appendText(response, text);
        List<SutReply.ToolCall> calls = new ArrayList<>();
        appendCalls(response, calls);
        return new SutReply(status, text.toString(), GatewayHttp.text(response.path("modelVersion")), arrivedNanos, false,
                finishReason(response), usage(response.path("usageMetadata")), SutReply.Ending.WHOLE_BODY, 0, calls);
    }

    @Override
    public HttpClient http() {
        return http;
    }

    @Override
    public ReplyStream readStream() {
        return new Chunks();
    }

    /** Appends the first candidate's text parts, leaving out thoughts: what an SDK's {@code text()} gives. */
    private static void appendText(JsonNode response, StringBuilder text) {
        for (JsonNode part : response.path("candidates").path(0).path("content").path("parts")) {
            if (part.path("text").isTextual() && !part.path("thought").asBoolean(false)) {
                text.append(part.get("text").asText());
            }
        }
    }

    /**
     * Appends the first candidate's {@code functionCall} parts, each a whole call, numbered on from the calls
     * already read: in a stream, every chunk's calls add to those of the chunks before it.
     */
    private static void appendCalls(JsonNode response, List<SutReply.ToolCall> calls) {
        for (JsonNode part : response.path("candidates").path(0).path("content").path("parts")) {
            JsonNode call = part.path("functionCall");
            if (call.isObject()) {
                JsonNode args = call.path("args");
                calls.add(new SutReply.ToolCall("call-" + calls.size(), call.path("name").asText(""),
                        args.isObject() ? args.toString() : "{}"));
            }
        }
    }

    private static String finishReason(JsonNode response) {
        return GatewayHttp.text(response.path("candidates").path(0).path("finishReason"));
    }

    /** {@code usageMetadata}, or null when it is not an object. */
    private static SutReply.Usage usage(JsonNode usage) {
        return usage.isObject() ? new SutReply.Usage(GatewayHttp.count(usage, "promptTokenCount"),
                GatewayHttp.count(usage, "candidatesTokenCount")) : null;
    }

    /** What the chunks of one stream add up to. */
    private static final class Chunks extends EventStreamReader {
        private final StringBuilder answer = new StringBuilder();
        private final List<SutReply.ToolCall> calls = new ArrayList<>();
        private String modelVersion;
        private String finishReason;
        private SutReply.Usage usage;
        private long firstByte;
        private boolean error;

        /** Takes one chunk; false at the one with the finish reason, or at an error, which end the stream. */
        @Override
        boolean event(JsonNode chunk, long receivedNanos) {
            if (chunk.has("error")) {
                error = true;
                return false;
            }
            int before = answer.length();
            int callsBefore = calls.size();
            appendText(chunk, answer);
            appendCalls(chunk, calls);
            if (firstByte == 0 && (answer.length() > before || calls.size() > callsBefore)) {
                firstByte = receivedNanos;
            }
            String version = GatewayHttp.text(chunk.path("modelVersion"));
            modelVersion = version != null ? version : modelVersion;
            if (chunk.path("usageMetadata").isObject()) {
                usage = usage(chunk.get("usageMetadata"));
            }
            finishReason = GeminiSut.finishReason(chunk);
            return finishReason == null;
        }

        @Override
        SutReply reply(int status, boolean done, int malformed) {
            if (error) {
                return new SutReply(502, answer.toString(), modelVersion, firstByte, false, finishReason, usage,
                        SutReply.Ending.ERROR_EVENT, malformed, calls);
            }
            return new SutReply(status, answer.toString(), modelVersion, firstByte, false, finishReason, usage,
                    finishReason != null || done ? SutReply.Ending.TERMINATOR : SutReply.Ending.CLEAN_END, malformed,
                    calls);
        }
    }
}
