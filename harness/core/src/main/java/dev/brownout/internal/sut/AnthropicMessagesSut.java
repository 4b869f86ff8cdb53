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
 * The {@code anthropic-messages} adapter: the SUT is a gateway that speaks the Messages API. Each task is
 * one {@code POST {base}/v1/messages}, streamed or not. A stream that ends without {@code message_stop} is
 * reported as truncated; an {@code error} event as a 502.
 */
public final class AnthropicMessagesSut implements SutClient {

    static final String VERSION = "2023-06-01";

    private final URI messages;
    private final String apiKey;
    private final String model;
    private final int maxTokens;
    private final Map<String, String> headers;
    private final ObjectNode extraBody;
    private final HttpClient http;

    private AnthropicMessagesSut(URI baseUrl, String apiKey, String model, int maxTokens, Map<String, String> headers) {
        String base = baseUrl.toString();
        this.messages = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/messages");
        this.apiKey = apiKey;
        this.model = model;
        this.maxTokens = maxTokens;
        this.headers = Map.copyOf(headers);
        this.extraBody = Mappers.json().createObjectNode();
        this.http = GatewayHttp.client();
    }

    /**
     * @param baseUrl what the official Anthropic SDK would take, e.g. {@code http://127.0.0.1:8787}
     * @param apiKey  sent as {@code x-api-key}; null for none
     */
    public static AnthropicMessagesSut of(URI baseUrl, String apiKey, String model, int maxTokens,
                                          Map<String, String> headers) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max_tokens must be at least 1");
        }
        return new AnthropicMessagesSut(baseUrl, apiKey, model, maxTokens, headers);
    }

    /**
     * The same, with fields merged into every request (e.g. {@code temperature}); the adapter's own fields
     * ({@code model}, {@code max_tokens}, {@code messages}, {@code stream}) win over them.
     */
    public static AnthropicMessagesSut of(URI baseUrl, String apiKey, String model, int maxTokens,
                                          Map<String, String> headers, ObjectNode extraBody) {
        AnthropicMessagesSut sut = of(baseUrl, apiKey, model, maxTokens, headers);
        sut.extraBody.setAll(extraBody.deepCopy());
        return sut;
    }

    @Override
    public SutReply send(SutRequest request) throws IOException, InterruptedException {
        ObjectNode body = extraBody.deepCopy();
        body.put("model", model);
        body.put("max_tokens", maxTokens);
        body.putArray("messages").addObject().put("role", "user").put("content", request.prompt());
        if (request.stream()) {
            body.put("stream", true);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(messages)
                .timeout(request.timeout())
                .header("Content-Type", "application/json")
                .header("anthropic-version", VERSION)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (apiKey != null) {
            builder.header("x-api-key", apiKey);
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
        JsonNode message = Mappers.json().readTree(response.body());
        StringBuilder text = new StringBuilder();
        for (JsonNode block : message.path("content")) {
            if ("text".equals(block.path("type").asText())) {
                text.append(block.path("text").asText());
            }
        }
        return new SutReply(response.statusCode(), text.toString(), message.path("model").asText(null), arrived);
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
                JsonNode event = Mappers.json().readTree(line.substring(5).trim());
                switch (event.path("type").asText()) {
                    case "message_start" -> servedBy = event.path("message").path("model").asText(null);
                    case "content_block_delta" -> {
                        JsonNode text = event.path("delta").path("text");
                        if (text.isTextual() && !text.asText().isEmpty()) {
                            if (firstByte == 0) {
                                firstByte = System.nanoTime();
                            }
                            answer.append(text.asText());
                        }
                    }
                    case "message_stop" -> {
                        return new SutReply(response.statusCode(), answer.toString(), servedBy, firstByte, false);
                    }
                    case "error" -> {
                        return new SutReply(502, answer.toString(), servedBy, firstByte, false);
                    }
                    default -> {
                        // ping, content_block_start/stop, message_delta: nothing the answer needs.
                    }
                }
            }
        }
        return new SutReply(response.statusCode(), answer.toString(), servedBy, firstByte, true);
    }
}
