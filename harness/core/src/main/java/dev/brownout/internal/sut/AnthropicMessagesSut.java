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
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code anthropic-messages} adapter: the SUT is a gateway that speaks the Messages API. Each task is
 * one {@code POST {base}/v1/messages}, streamed or not. It reports what it saw rather than judging it: the stop
 * reason and usage received, and whether a stream ended with {@code message_stop} or simply ended. An
 * {@code error} event is a 502; an event that is not JSON is skipped and counted; a body that breaks off is an
 * {@link AbortedReplyException}.
 */
public final class AnthropicMessagesSut implements HttpDialectSut {

    static final String VERSION = "2023-06-01";

    private final URI endpoint;
    private final String apiKey;
    private final String model;
    private final int maxTokens;
    private final Map<String, String> headers;
    private final ObjectNode extraBody;
    private final HttpClient http;

    private AnthropicMessagesSut(URI baseUrl, String apiKey, String model, int maxTokens, Map<String, String> headers) {
        String base = baseUrl.toString();
        this.endpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/messages");
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
    public String adapterName() {
        return SutAdapter.ANTHROPIC_MESSAGES.label();
    }

    @Override
    public GatewayRequest request(SutRequest request) {
        ArrayNode messages = Mappers.json().createArrayNode();
        messages.addObject().put("role", "user").put("content", request.prompt());
        return post(request, messages);
    }

    /**
     * The prompt, then per round the assistant turn with its text (if it had any) and its {@code tool_use} blocks,
     * and a user turn of one {@code tool_result} block per call.
     */
    @Override
    public GatewayRequest followUp(SutRequest request, List<ToolRound> rounds) {
        ArrayNode messages = Mappers.json().createArrayNode();
        messages.addObject().put("role", "user").put("content", request.prompt());
        for (ToolRound round : rounds) {
            ArrayNode said = messages.addObject().put("role", "assistant").putArray("content");
            String text = round.reply().answer();
            if (text != null && !text.isBlank()) {
                // the API refuses empty text blocks
                said.addObject().put("type", "text").put("text", text);
            }
            for (SutReply.ToolCall call : round.reply().toolCalls()) {
                said.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name())
                        .set("input", input(call.argumentsJson()));
            }
            ArrayNode results = messages.addObject().put("role", "user").putArray("content");
            for (int i = 0; i < round.results().size(); i++) {
                results.addObject().put("type", "tool_result").put("tool_use_id", round.reply().toolCalls().get(i).id())
                        .put("content", round.results().get(i));
            }
        }
        return post(request, messages);
    }

    /**
     * A call's arguments as the object {@code tool_use.input} must be; arguments a broken stream left unreadable
     * go back as {@code {}}, as the model's call cannot be repeated in any other shape.
     */
    private static ObjectNode input(String argumentsJson) {
        try {
            JsonNode node = Mappers.json().readTree(argumentsJson);
            return node instanceof ObjectNode object ? object : Mappers.json().createObjectNode();
        } catch (JsonProcessingException e) {
            return Mappers.json().createObjectNode();
        }
    }

    private GatewayRequest post(SutRequest request, ArrayNode messages) {
        ObjectNode body = extraBody.deepCopy();
        body.put("model", model);
        body.put("max_tokens", maxTokens);
        body.set("messages", messages);
        if (request.stream()) {
            body.put("stream", true);
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (SutTool tool : request.tools()) {
                tools.addObject().put("name", tool.name()).put("description", tool.description())
                        .set("input_schema", GatewayHttp.schema(tool));
            }
        }
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("Content-Type", "application/json");
        sent.put("anthropic-version", VERSION);
        if (apiKey != null) {
            sent.put("x-api-key", apiKey);
        }
        sent.putAll(headers);
        return new GatewayRequest(endpoint, sent, body.toString());
    }

    @Override
    public SutReply readWhole(int status, String body, long arrivedNanos) throws UnreadableReplyException {
        if (status / 100 != 2) {
            return new SutReply(status, body, null, arrivedNanos);
        }
        JsonNode message = GatewayHttp.jsonObject(body, "Anthropic message");
        StringBuilder text = new StringBuilder();
        List<SutReply.ToolCall> calls = new ArrayList<>();
        for (JsonNode block : message.path("content")) {
            String type = block.path("type").asText();
            if ("text".equals(type)) {
                text.append(block.path("text").asText());
            } else if ("tool_use".equals(type)) {
                calls.add(new SutReply.ToolCall(GatewayHttp.text(block.path("id")), block.path("name").asText(""),
                        block.path("input").isMissingNode() ? "{}" : block.path("input").toString()));
            }
        }
        JsonNode usage = message.path("usage");
        return new SutReply(status, text.toString(), message.path("model").asText(null), arrivedNanos, false,
                GatewayHttp.text(message.path("stop_reason")), usage.isObject()
                ? new SutReply.Usage(GatewayHttp.count(usage, "input_tokens"), GatewayHttp.count(usage, "output_tokens"))
                : null, SutReply.Ending.WHOLE_BODY, 0, calls);
    }

    @Override
    public HttpClient http() {
        return http;
    }

    @Override
    public ReplyStream readStream() {
        return new Events();
    }

    /**
     * What the events of one stream add up to. The stream's usage block is {@code message_delta}'s (its
     * input tokens from {@code message_start} when it leaves them out): the one that arrives with the stop
     * reason at the end of the answer, so a stream cut before it has none.
     */
    private static final class Events extends EventStreamReader {
        private final StringBuilder answer = new StringBuilder();
        private final ToolCallParts calls = new ToolCallParts("{}");
        private String model;
        private String stopReason;
        private Long inputTokens;
        private SutReply.Usage usage;
        private long firstByte;
        private boolean stopped;
        private boolean error;

        /** Takes one event; false at {@code message_stop} or an {@code error} event, either of which ends the stream. */
        @Override
        boolean event(JsonNode event, long receivedNanos) {
            switch (event.path("type").asText()) {
                case "message_start" -> {
                    model = event.path("message").path("model").asText(null);
                    replyId(GatewayHttp.text(event.path("message").path("id")));
                    inputTokens = GatewayHttp.count(event.path("message").path("usage"), "input_tokens");
                }
                case "content_block_start" -> {
                    JsonNode block = event.path("content_block");
                    if ("tool_use".equals(block.path("type").asText())) {
                        calls.add(event.path("index").asInt(0), GatewayHttp.text(block.path("id")),
                                GatewayHttp.text(block.path("name")), "");
                    }
                }
                case "content_block_delta" -> {
                    JsonNode partial = event.path("delta").path("partial_json");
                    int index = event.path("index").asInt(0);
                    if (partial.isTextual() && calls.has(index)) {
                        if (firstByte == 0) {
                            firstByte = receivedNanos;
                        }
                        calls.add(index, null, null, partial.asText());
                    }
                    JsonNode text = event.path("delta").path("text");
                    if (text.isTextual() && !text.asText().isEmpty()) {
                        if (firstByte == 0) {
                            firstByte = receivedNanos;
                        }
                        answer.append(text.asText());
                    }
                }
                case "message_delta" -> {
                    String reason = GatewayHttp.text(event.path("delta").path("stop_reason"));
                    stopReason = reason == null ? stopReason : reason;
                    JsonNode reported = event.path("usage");
                    if (reported.isObject()) {
                        Long input = GatewayHttp.count(reported, "input_tokens");
                        usage = new SutReply.Usage(input == null ? inputTokens : input,
                                GatewayHttp.count(reported, "output_tokens"));
                    }
                }
                case "message_stop" -> {
                    stopped = true;
                    return false;
                }
                case "error" -> {
                    error = true;
                    return false;
                }
                default -> {
                    // ping, content_block_stop: nothing the answer needs.
                }
            }
            return true;
        }

        @Override
        SutReply reply(int status, boolean done, int malformed) {
            String text = answer.toString();
            if (error) {
                return new SutReply(502, text, model, firstByte, false, stopReason, usage, SutReply.Ending.ERROR_EVENT,
                        malformed, calls.calls());
            }
            return new SutReply(status, text, model, firstByte, false, stopReason, usage,
                    stopped ? SutReply.Ending.TERMINATOR : SutReply.Ending.CLEAN_END, malformed, calls.calls());
        }
    }
}
