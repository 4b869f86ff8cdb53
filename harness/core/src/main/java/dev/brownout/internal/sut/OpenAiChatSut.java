package dev.brownout.internal.sut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brownout.fakes.config.Mappers;
import dev.brownout.sut.SutClient;
import dev.brownout.sut.SutReply;
import dev.brownout.sut.SutRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code openai-chat} adapter: the SUT is a gateway that speaks OpenAI Chat Completions. Each task is
 * one {@code POST {base}/chat/completions} with the prompt as the user message, streamed or not. A stream
 * that ends without {@code data: [DONE]} is reported as truncated; a mid-stream error event as a 502.
 */
public final class OpenAiChatSut implements SutClient {

    private static final String DONE = "[DONE]";

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
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long arrived = System.nanoTime();
        if (!GatewayHttp.succeeded(response)) {
            return new SutReply(response.statusCode(), response.body(), null, arrived);
        }
        JsonNode completion = Mappers.json().readTree(response.body());
        String content = completion.path("choices").path(0).path("message").path("content").asText(null);
        return new SutReply(response.statusCode(), content, completion.path("model").asText(null), arrived);
    }

    private SutReply streamed(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        if (!GatewayHttp.succeeded(response)) {
            return GatewayHttp.refusal(response);
        }
        StringBuilder answer = new StringBuilder();
        String servedBy = null;
        long firstByte = 0;
        try (Stream<String> lines = response.body()) {
            Iterator<String> iterator = lines.iterator();
            while (iterator.hasNext()) {
                String line = iterator.next();
                if (!line.startsWith("data:")) {
                    continue;
                }
                String data = line.substring(5).trim();
                if (data.equals(DONE)) {
                    return new SutReply(response.statusCode(), answer.toString(), servedBy, firstByte, false);
                }
                JsonNode chunk = Mappers.json().readTree(data);
                if (chunk.has("error")) {
                    return new SutReply(502, answer.toString(), servedBy, firstByte, false);
                }
                servedBy = chunk.path("model").asText(servedBy);
                JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
                if (content.isTextual() && !content.asText().isEmpty()) {
                    if (firstByte == 0) {
                        firstByte = System.nanoTime();
                    }
                    answer.append(content.asText());
                }
            }
        }
        return new SutReply(response.statusCode(), answer.toString(), servedBy, firstByte, true);
    }
}
