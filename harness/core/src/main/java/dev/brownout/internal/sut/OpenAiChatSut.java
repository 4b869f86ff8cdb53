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
 * The {@code openai-chat} adapter: the SUT is a gateway that speaks OpenAI Chat Completions. Each task is
 * one {@code POST {base}/chat/completions} with the prompt as the user message, streamed or not (a stream asks
 * for its usage chunk). It reports what it saw rather than judging it: the finish reason and usage block
 * received, and whether a stream ended with {@code data: [DONE]} or simply ended. A mid-stream error event is
 * a 502; a chunk that is not JSON is skipped and counted; a body that breaks off is an
 * {@link AbortedReplyException}.
 */
public final class OpenAiChatSut implements HttpDialectSut {

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
    public String adapterName() {
        return SutAdapter.OPENAI_CHAT.label();
    }

    @Override
    public GatewayRequest request(SutRequest request) {
        ArrayNode messages = Mappers.json().createArrayNode();
        messages.addObject().put("role", "user").put("content", request.prompt());
        return post(request, messages);
    }

    /**
     * The prompt, then per round the assistant message with its {@code tool_calls} (and its text, if it had any)
     * and one {@code tool} message per call with its result.
     */
    @Override
    public GatewayRequest followUp(SutRequest request, List<ToolRound> rounds) {
        ArrayNode messages = Mappers.json().createArrayNode();
        messages.addObject().put("role", "user").put("content", request.prompt());
        for (ToolRound round : rounds) {
            ObjectNode assistant = messages.addObject().put("role", "assistant");
            String text = round.reply().answer();
            if (text == null || text.isEmpty()) {
                assistant.putNull("content");
            } else {
                assistant.put("content", text);
            }
            ArrayNode calls = assistant.putArray("tool_calls");
            for (SutReply.ToolCall call : round.reply().toolCalls()) {
                ObjectNode sent = calls.addObject().put("id", call.id()).put("type", "function");
                sent.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
            }
            for (int i = 0; i < round.results().size(); i++) {
                messages.addObject().put("role", "tool").put("tool_call_id", round.reply().toolCalls().get(i).id())
                        .put("content", round.results().get(i));
            }
        }
        return post(request, messages);
    }

    private GatewayRequest post(SutRequest request, ArrayNode messages) {
        ObjectNode body = extraBody.deepCopy();
        body.put("model", model);
        body.set("messages", messages);
        if (request.stream()) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (SutTool tool : request.tools()) {
                tools.addObject().put("type", "function").putObject("function").put("name", tool.name())
                        .put("description", tool.description()).set("parameters", GatewayHttp.schema(tool));
            }
        }
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("Content-Type", "application/json");
        if (apiKey != null) {
            sent.put("Authorization", "Bearer " + apiKey);
        }
        sent.putAll(headers);
        return new GatewayRequest(completions, sent, body.toString());
    }

    @Override
    public SutReply readWhole(int status, String body, long arrivedNanos) throws UnreadableReplyException {
        if (status / 100 != 2) {
            return new SutReply(status, body, null, arrivedNanos);
        }
        JsonNode completion = GatewayHttp.jsonObject(body, "OpenAI chat completion");
        JsonNode choice = completion.path("choices").path(0);
        String content = choice.path("message").path("content").asText(null);
        List<SutReply.ToolCall> calls = new ArrayList<>();
        for (JsonNode call : choice.path("message").path("tool_calls")) {
            JsonNode function = call.path("function");
            calls.add(new SutReply.ToolCall(GatewayHttp.text(call.path("id")), function.path("name").asText(""),
                    function.path("arguments").asText("")));
        }
        return new SutReply(status, content, completion.path("model").asText(null), arrivedNanos, false,
                GatewayHttp.text(choice.path("finish_reason")), usage(completion.path("usage")),
                SutReply.Ending.WHOLE_BODY, 0, calls);
    }

    @Override
    public HttpClient http() {
        return http;
    }

    @Override
    public ReplyStream readStream() {
        return new Chunks();
    }

    /** {@code usage} of a completion or a chunk, or null when it is not an object (absent, or null in a chunk). */
    private static SutReply.Usage usage(JsonNode usage) {
        return usage.isObject() ? new SutReply.Usage(GatewayHttp.count(usage, "prompt_tokens"),
                GatewayHttp.count(usage, "completion_tokens")) : null;
    }

    /** What the chunks of one stream add up to. */
    private static final class Chunks extends EventStreamReader {
        private final StringBuilder answer = new StringBuilder();
        private final ToolCallParts calls = new ToolCallParts();
        private String model;
        private String finishReason;
        private SutReply.Usage usage;
        private long firstByte;
        private boolean error;

        /** Takes one chunk; false at an error event, which ends the stream for the caller. */
        @Override
        boolean event(JsonNode chunk, long receivedNanos) {
            if (chunk.has("error")) {
                error = true;
                return false;
            }
            model = chunk.path("model").asText(model);
            replyId(GatewayHttp.text(chunk.path("id")));
            JsonNode choice = chunk.path("choices").path(0);
            for (JsonNode call : choice.path("delta").path("tool_calls")) {
                // tool call deltas are keyed by index: the first names the call, the rest add to its arguments
                int index = call.path("index").asInt(0);
                JsonNode function = call.path("function");
                calls.add(index, GatewayHttp.text(call.path("id")), GatewayHttp.text(function.path("name")),
                        function.path("arguments").asText(""));
                if (firstByte == 0) {
                    firstByte = receivedNanos;
                }
            }
            JsonNode content = choice.path("delta").path("content");
            if (content.isTextual() && !content.asText().isEmpty()) {
                if (firstByte == 0) {
                    firstByte = receivedNanos;
                }
                answer.append(content.asText());
            }
            String finish = GatewayHttp.text(choice.path("finish_reason"));
            finishReason = finish == null ? finishReason : finish;
            SutReply.Usage reported = usage(chunk.path("usage"));
            usage = reported == null ? usage : reported;
            return true;
        }

        @Override
        SutReply reply(int status, boolean done, int malformed) {
            if (error) {
                return new SutReply(502, answer.toString(), model, firstByte, false, finishReason, usage,
                        SutReply.Ending.ERROR_EVENT, malformed, calls.calls());
            }
            return new SutReply(status, answer.toString(), model, firstByte, false, finishReason, usage,
                    done ? SutReply.Ending.TERMINATOR : SutReply.Ending.CLEAN_END, malformed, calls.calls());
        }
    }
}
