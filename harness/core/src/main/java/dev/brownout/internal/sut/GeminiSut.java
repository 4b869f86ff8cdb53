package dev.brownout.internal.sut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.sut.GatewayRequest;
import dev.brownout.sut.ReplyStream;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code gemini} adapter: the SUT is a gateway that speaks Google's Gemini API. Each task is one {@code POST
 * {base}/v1beta/models/{model}:generateContent} (or {@code :streamGenerateContent?alt=sse}) with the prompt as the
 * one user turn. It reports what it saw rather than judging it: the first candidate's {@code finishReason} as
 * received ({@code STOP}, {@code MAX_TOKENS}, ...), {@code usageMetadata}, {@code modelVersion}, and how a stream
 * ended. Gemini has no {@code [DONE]}: a stream whose last event carried a finish reason ended with its terminator,
 * one that stops without it simply ended (a cut, as a reader can tell). An event carrying {@code error} is a 502; an
 * event that is not JSON is skipped and counted; a body that breaks off is an {@link AbortedReplyException}.
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
        ObjectNode body = extraBody.deepCopy();
        ObjectNode turn = body.putArray("contents").addObject();
        turn.put("role", "user");
        turn.putArray("parts").addObject().put("text", request.prompt());
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("Content-Type", "application/json");
        if (apiKey != null) {
            sent.put("x-goog-api-key", apiKey);
        }
        sent.putAll(headers);
        return new GatewayRequest(request.stream() ? streamGenerate : generate, sent, body.toString());
    }

    @Override
    public SutReply readWhole(int status, String body, long arrivedNanos) throws UnreadableReplyException {
        if (status / 100 != 2) {
            return new SutReply(status, body, null, arrivedNanos);
        }
        JsonNode response = GatewayHttp.jsonObject(body, "Gemini response");
        StringBuilder text = new StringBuilder();
        appendText(response, text);
        return new SutReply(status, text.toString(), GatewayHttp.text(response.path("modelVersion")), arrivedNanos, false,
                finishReason(response), usage(response.path("usageMetadata")), SutReply.Ending.WHOLE_BODY, 0);
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
            appendText(chunk, answer);
            if (firstByte == 0 && answer.length() > before) {
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
                        SutReply.Ending.ERROR_EVENT, malformed);
            }
            return new SutReply(status, answer.toString(), modelVersion, firstByte, false, finishReason, usage,
                    finishReason != null || done ? SutReply.Ending.TERMINATOR : SutReply.Ending.CLEAN_END, malformed);
        }
    }
}
