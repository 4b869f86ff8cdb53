package dev.brownout.internal.sut;

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
 * The {@code openai-responses} adapter: the SUT is a gateway (or an agent's endpoint) that speaks the OpenAI
 * Responses API. Each task is one {@code POST {base}/responses} with the prompt as {@code input}, streamed or not.
 * It reports what it saw rather than judging it: the response's status ({@code completed}, or why it is
 * {@code incomplete}) as the finish reason, the usage received, and whether a stream ended with its terminal
 * event ({@code response.completed} or {@code response.incomplete}) or simply ended. An {@code error} event or a
 * {@code response.failed} is a 502; an event that is not JSON is skipped and counted; a body that breaks off is an
 * {@link AbortedReplyException}.
 */
public final class OpenAiResponsesSut implements HttpDialectSut {

    private final URI responses;
    private final String apiKey;
    private final String model;
    private final Map<String, String> headers;
    private final ObjectNode extraBody;
    private final HttpClient http;

    private OpenAiResponsesSut(URI baseUrl, String apiKey, String model, Map<String, String> headers,
                               ObjectNode extraBody) {
        String base = baseUrl.toString();
        this.responses = URI.create((base.endsWith("/") ? base : base + "/") + "responses");
        this.apiKey = apiKey;
        this.model = model;
        this.headers = Map.copyOf(headers);
        this.extraBody = extraBody.deepCopy();
        this.http = GatewayHttp.client();
    }

    /**
     * @param baseUrl   what an OpenAI SDK would take, e.g. {@code http://127.0.0.1:8787/v1}
     * @param apiKey    sent as {@code Authorization: Bearer}; null for none
     * @param headers   extra request headers, e.g. a gateway's routing header
     * @param extraBody fields merged into every request (e.g. {@code temperature}); the adapter's own fields
     *                  ({@code model}, {@code input}, {@code stream}) win over them
     */
    public static OpenAiResponsesSut of(URI baseUrl, String apiKey, String model, Map<String, String> headers,
                                        ObjectNode extraBody) {
        return new OpenAiResponsesSut(baseUrl, apiKey, model, headers, extraBody);
    }

    @Override
    public String adapterName() {
        return SutAdapter.OPENAI_RESPONSES.label();
    }

    @Override
    public GatewayRequest request(SutRequest request) {
        ObjectNode body = extraBody.deepCopy();
        body.put("model", model);
        body.put("input", request.prompt());
        return post(request, body);
    }

    /**
     * As agents on this API continue: {@code previous_response_id} of the last reply and one
     * {@code function_call_output} item per call as the {@code input}. When the last reply carried no id, the whole
     * conversation instead: the prompt, then per round its {@code function_call} items and their outputs.
     */
    @Override
    public GatewayRequest followUp(SutRequest request, List<ToolRound> rounds) {
        ObjectNode body = extraBody.deepCopy();
        body.put("model", model);
        ToolRound last = rounds.getLast();
        if (last.replyId() != null) {
            body.put("previous_response_id", last.replyId());
            addOutputs(body.putArray("input"), last);
            return post(request, body);
        }
        ArrayNode input = body.putArray("input");
        input.addObject().put("role", "user").put("content", request.prompt());
        for (ToolRound round : rounds) {
            String text = round.reply().answer();
            if (text != null && !text.isEmpty()) {
                input.addObject().put("role", "assistant").put("content", text);
            }
            for (SutReply.ToolCall call : round.reply().toolCalls()) {
                input.addObject().put("type", "function_call").put("call_id", call.id()).put("name", call.name())
                        .put("arguments", call.argumentsJson());
            }
            addOutputs(input, round);
        }
        return post(request, body);
    }

    private static void addOutputs(ArrayNode input, ToolRound round) {
        for (int i = 0; i < round.results().size(); i++) {
            input.addObject().put("type", "function_call_output").put("call_id", round.reply().toolCalls().get(i).id())
                    .put("output", round.results().get(i));
        }
    }

    private GatewayRequest post(SutRequest request, ObjectNode body) {
        if (request.stream()) {
            body.put("stream", true);
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (SutTool tool : request.tools()) {
                tools.addObject().put("type", "function").put("name", tool.name())
                        .put("description", tool.description()).set("parameters", GatewayHttp.schema(tool));
            }
        }
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("Content-Type", "application/json");
        if (apiKey != null) {
            sent.put("Authorization", "Bearer " + apiKey);
        }
        sent.putAll(headers);
        return new GatewayRequest(responses, sent, body.toString());
    }

    @Override
    public SutReply readWhole(int status, String body, long arrivedNanos) throws UnreadableReplyException {
        if (status / 100 != 2) {
            return new SutReply(status, body, null, arrivedNanos);
        }
        JsonNode response = GatewayHttp.jsonObject(body, "OpenAI response");
        return new SutReply(status, outputText(response), response.path("model").asText(null), arrivedNanos, false,
                finishReason(response), usage(response.path("usage")), SutReply.Ending.WHOLE_BODY, 0,
                toolCalls(response));
    }

    @Override
    public HttpClient http() {
        return http;
    }

    @Override
    public ReplyStream readStream() {
        return new Events();
    }

    /** The text of the response's message items, joined: what an SDK's {@code outputText()} gives. */
    private static String outputText(JsonNode response) {
        StringBuilder text = new StringBuilder();
        for (JsonNode item : response.path("output")) {
            if (!"message".equals(item.path("type").asText())) {
                continue;
            }
            for (JsonNode part : item.path("content")) {
                if ("output_text".equals(part.path("type").asText())) {
                    text.append(part.path("text").asText(""));
                }
            }
        }
        return text.toString();
    }

    /** The response's {@code function_call} items, in order. */
    private static List<SutReply.ToolCall> toolCalls(JsonNode response) {
        List<SutReply.ToolCall> calls = new ArrayList<>();
        for (JsonNode item : response.path("output")) {
            if ("function_call".equals(item.path("type").asText())) {
                calls.add(new SutReply.ToolCall(GatewayHttp.text(item.path("call_id")), item.path("name").asText(""),
                        item.path("arguments").asText("")));
            }
        }
        return calls;
    }

    /** {@code completed}, or the reason a response is {@code incomplete} (e.g. {@code max_output_tokens}). */
    private static String finishReason(JsonNode response) {
        String status = GatewayHttp.text(response.path("status"));
        if ("incomplete".equals(status)) {
            String reason = GatewayHttp.text(response.path("incomplete_details").path("reason"));
            return reason != null ? reason : status;
        }
        return status;
    }

    /** {@code usage} of a response, or null when it is not an object. */
    private static SutReply.Usage usage(JsonNode usage) {
        return usage.isObject() ? new SutReply.Usage(GatewayHttp.count(usage, "input_tokens"),
                GatewayHttp.count(usage, "output_tokens")) : null;
    }

    /** What the typed events of one stream add up to. */
    private static final class Events extends EventStreamReader {
        private final StringBuilder answer = new StringBuilder();
        private final ToolCallParts calls = new ToolCallParts();
        private String model;
        private String finishReason;
        private SutReply.Usage usage;
        private long firstByte;
        private boolean error;
        private boolean terminated;

        /** Takes one event; false at its terminal event or an error, which end the stream for the caller. */
        @Override
        boolean event(JsonNode event, long receivedNanos) {
            String type = event.path("type").asText("");
            switch (type) {
                case "response.output_text.delta" -> {
                    String delta = event.path("delta").asText("");
                    if (!delta.isEmpty()) {
                        if (firstByte == 0) {
                            firstByte = receivedNanos;
                        }
                        answer.append(delta);
                    }
                    return true;
                }
                case "response.created", "response.in_progress" -> {
                    model = event.path("response").path("model").asText(model);
                    replyId(GatewayHttp.text(event.path("response").path("id")));
                    return true;
                }
                case "response.output_item.added", "response.output_item.done" -> {
                    JsonNode item = event.path("item");
                    if ("function_call".equals(item.path("type").asText())) {
                        int position = event.path("output_index").asInt(0);
                        calls.add(position, GatewayHttp.text(item.path("call_id")), GatewayHttp.text(item.path("name")),
                                "");
                        if (type.equals("response.output_item.done")) {
                            calls.whole(position, GatewayHttp.text(item.path("arguments")));
                        }
                    }
                    return true;
                }
                case "response.function_call_arguments.delta" -> {
                    if (firstByte == 0) {
                        firstByte = receivedNanos;
                    }
                    calls.add(event.path("output_index").asInt(0), null, null, event.path("delta").asText(""));
                    return true;
                }
                case "response.function_call_arguments.done" -> {
                    calls.whole(event.path("output_index").asInt(0), GatewayHttp.text(event.path("arguments")));
                    return true;
                }
                case "response.completed", "response.incomplete" -> {
                    JsonNode response = event.path("response");
                    model = response.path("model").asText(model);
                    finishReason = finishReason(response);
                    usage = usage(response.path("usage"));
                    terminated = true;
                    return false;
                }
                case "error", "response.failed" -> {
                    error = true;
                    return false;
                }
                default -> {
                    return true;
                }
            }
        }

        @Override
        SutReply reply(int status, boolean done, int malformed) {
            if (error) {
                return new SutReply(502, answer.toString(), model, firstByte, false, finishReason, usage,
                        SutReply.Ending.ERROR_EVENT, malformed, calls.calls());
            }
            return new SutReply(status, answer.toString(), model, firstByte, false, finishReason, usage,
                    terminated || done ? SutReply.Ending.TERMINATOR : SutReply.Ending.CLEAN_END, malformed,
                    calls.calls());
        }
    }
}
