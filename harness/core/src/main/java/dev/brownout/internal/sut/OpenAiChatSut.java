package dev.brownout.internal.sut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.sut.SutClient;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code openai-chat} adapter: the SUT is a gateway that speaks OpenAI Chat Completions. Each task is
 * one {@code POST {base}/chat/completions} with the prompt as the user message, streamed or not (a stream asks
 * for its usage chunk). It reports what it saw rather than judging it: the finish reason and usage block
 * received, and whether a stream ended with {@code data: [DONE]} or simply ended. A mid-stream error event is
 * a 502; a chunk that is not JSON is skipped and counted; a body that breaks off is an
 * {@link AbortedReplyException}.
 */
public final class OpenAiChatSut implements SutClient {

    private final URI completions;
    private final String apiKey;
    private final String model;
    private final Map<String, String> headers;
    private final ObjectNode extraBody;
    private final HttpClient http;

    private OpenAiChatSut(URI baseUrl, String apiKey, String model, Map<String, String> headers) {
        String base = baseUrl.toString();
        this.completions = URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
        this.apiKey = apiKey;
        this.model = model;
        this.headers = Map.copyOf(headers);
        this.extraBody = Mappers.json().createObjectNode();
        this.http = GatewayHttp.client();
    }

    /**
     * @param baseUrl what an OpenAI SDK would take, e.g. {@code http://127.0.0.1:8787/v1}
     * @param apiKey  sent as {@code Authorization: Bearer}; null for none
     * @param headers extra request headers, e.g. a gateway's routing header
     */
    public static OpenAiChatSut of(URI baseUrl, String apiKey, String model, Map<String, String> headers) {
        return new OpenAiChatSut(baseUrl, apiKey, model, headers);
    }

    /**
     * The same, with fields merged into every request (e.g. {@code temperature}); the adapter's own fields
     * ({@code model}, {@code messages}, the stream options) win over them.
     */
    public static OpenAiChatSut of(URI baseUrl, String apiKey, String model, Map<String, String> headers,
                                   ObjectNode extraBody) {
        OpenAiChatSut sut = new OpenAiChatSut(baseUrl, apiKey, model, headers);
        sut.extraBody.setAll(extraBody.deepCopy());
        return sut;
    }

    @Override
    public SutReply send(SutRequest request) throws IOException, InterruptedException {
        ObjectNode body = extraBody.deepCopy();
        body.put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", request.prompt());
        if (request.stream()) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(completions)
                .timeout(request.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        headers.forEach(builder::header);
        return request.stream() ? streamed(builder.build()) : whole(builder.build());
    }

    private SutReply whole(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (!GatewayHttp.succeeded(response)) {
            return GatewayHttp.refusalOf(response);
        }
        String body = GatewayHttp.wholeBody(response);
        long arrived = System.nanoTime();
        JsonNode completion = Mappers.json().readTree(body);
        JsonNode choice = completion.path("choices").path(0);
        String content = choice.path("message").path("content").asText(null);
        return new SutReply(response.statusCode(), content, completion.path("model").asText(null), arrived, false,
                GatewayHttp.text(choice.path("finish_reason")), usage(completion.path("usage")),
                SutReply.Ending.WHOLE_BODY, 0);
    }

    private SutReply streamed(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        if (!GatewayHttp.succeeded(response)) {
            return GatewayHttp.refusal(response);
        }
        Chunks chunks = new Chunks();
        GatewayHttp.StreamRead read = GatewayHttp.readEvents(response, chunks::add);
        String answer = chunks.answer.toString();
        if (chunks.error) {
            return new SutReply(502, answer, chunks.model, chunks.firstByte, false, chunks.finishReason, chunks.usage,
                    SutReply.Ending.ERROR_EVENT, read.malformed());
        }
        return new SutReply(response.statusCode(), answer, chunks.model, chunks.firstByte, false, chunks.finishReason,
                chunks.usage, read.done() ? SutReply.Ending.TERMINATOR : SutReply.Ending.CLEAN_END, read.malformed());
    }

    /** {@code usage} of a completion or a chunk, or null when it is not an object (absent, or null in a chunk). */
    private static SutReply.Usage usage(JsonNode usage) {
        return usage.isObject() ? new SutReply.Usage(GatewayHttp.count(usage, "prompt_tokens"),
                GatewayHttp.count(usage, "completion_tokens")) : null;
    }

    /** What the chunks of one stream added up to. */
    private static final class Chunks {
        private final StringBuilder answer = new StringBuilder();
        private String model;
        private String finishReason;
        private SutReply.Usage usage;
        private long firstByte;
        private boolean error;

        /** Takes one chunk; false at an error event, which ends the stream for the caller. */
        boolean add(JsonNode chunk) {
            if (chunk.has("error")) {
                error = true;
                return false;
            }
            model = chunk.path("model").asText(model);
            JsonNode choice = chunk.path("choices").path(0);
            JsonNode content = choice.path("delta").path("content");
            if (content.isTextual() && !content.asText().isEmpty()) {
                if (firstByte == 0) {
                    firstByte = System.nanoTime();
                }
                answer.append(content.asText());
            }
            String finish = GatewayHttp.text(choice.path("finish_reason"));
            finishReason = finish == null ? finishReason : finish;
            SutReply.Usage reported = usage(chunk.path("usage"));
            usage = reported == null ? usage : reported;
            return true;
        }
    }
}
