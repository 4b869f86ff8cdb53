package dev.brownout.fakes.internal.openai;

import dev.brownout.fakes.auth.AuthResult;
import dev.brownout.fakes.behaviour.RateLimitStatus;
import dev.brownout.fakes.catalog.ModelProfile;
import dev.brownout.fakes.internal.exchange.ChatMessage;
import dev.brownout.fakes.internal.exchange.ChatRequest;
import dev.brownout.fakes.internal.exchange.ChoicePlan;
import dev.brownout.fakes.internal.exchange.Dialect;
import dev.brownout.fakes.internal.exchange.ErrorReply;
import dev.brownout.fakes.internal.exchange.Exchange;
import dev.brownout.fakes.internal.exchange.Ids;
import dev.brownout.fakes.internal.exchange.InvalidRequestException;
import dev.brownout.fakes.internal.exchange.Reply;
import dev.brownout.fakes.internal.exchange.StreamEncoder;
import dev.brownout.fakes.internal.exchange.TokenCounter;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * OpenAI's Responses API, {@code POST /v1/responses}, which an {@code openai} provider serves beside Chat
 * Completions on the same listener, base URL and credential. Credential, rate-limit headers and error bodies are
 * Chat Completions' own (the real API shares them); requests, bodies and streams are the Responses API's. Each
 * response the provider plans is kept (see {@link ResponseStore}) so a later request can continue it with {@code
 * previous_response_id}.
 */
public final class ResponsesDialect implements Dialect {

    private final OpenAiDialect openai = new OpenAiDialect();
    private final ResponseStore store;

    /** A Responses API that keeps the default number of responses for {@code previous_response_id}. */
    public ResponsesDialect() {
        this(ResponseStore.DEFAULT_MAX_RESPONSES, ResponseStore.DEFAULT_MAX_CHARS);
    }

    /**
     * A Responses API whose store of responses is bounded as given; the oldest are forgotten past either bound.
     *
     * @param maxResponses         how many responses are kept at most
     * @param maxConversationChars how many characters of conversation are kept at most, over all responses
     */
    public ResponsesDialect(int maxResponses, long maxConversationChars) {
        this.store = new ResponseStore(maxResponses, maxConversationChars);
    }

    @Override
    public String name() {
        return openai.name();
    }

    @Override
    public String api() {
        return "responses";
    }

    @Override
    public String completionPath() {
        return "/v1/responses";
    }

    @Override
    public String baseUrlPath() {
        return openai.baseUrlPath();
    }

    @Override
    public TokenCounter tokens() {
        return openai.tokens();
    }

    @Override
    public String requestIdHeader() {
        return openai.requestIdHeader();
    }

    @Override
    public String newRequestId(SplittableRandom random) {
        return openai.newRequestId(random);
    }

    @Override
    public String newReplyId(SplittableRandom random) {
        return Ids.hex("resp_", 48, random);
    }

    @Override
    public String newToolCallId(SplittableRandom random) {
        return openai.newToolCallId(random);
    }

    @Override
    public String credential(Exchange exchange) {
        return openai.credential(exchange);
    }

    @Override
    public Optional<ErrorReply> checkHeaders(Exchange exchange) {
        return openai.checkHeaders(exchange);
    }

    @Override
    public ChatRequest parse(byte[] body) throws InvalidRequestException {
        return ResponsesParser.parse(body, store);
    }

    /** Keeps the response's conversation (without the instructions) and what its object echoes. */
    @Override
    public void planned(ChatRequest request, Reply reply) {
        List<ChatMessage> conversation = new ArrayList<>();
        String instructions = null;
        for (ChatMessage message : request.messages()) {
            if (message.role().equals(ResponsesParser.INSTRUCTIONS_ROLE)) {
                instructions = message.text();
            } else {
                conversation.add(message);
            }
        }
        ChoicePlan choice = ResponseObject.choice(reply);
        conversation.add(new ChatMessage("assistant", choice.toolCall() != null ? "" : choice.text()));
        store.keep(reply.id(), new ResponseStore.Kept(conversation, instructions, request.maxTokens()));
    }

    @Override
    public void rateLimitHeaders(Exchange exchange, RateLimitStatus status) {
        openai.rateLimitHeaders(exchange, status);
    }

    @Override
    public void writeError(Exchange exchange, ErrorReply error) {
        openai.writeError(exchange, error);
    }

    @Override
    public ErrorReply unauthorized(AuthResult result) {
        return openai.unauthorized(result);
    }

    @Override
    public ErrorReply unknownModel(String model) {
        return openai.unknownModel(model);
    }

    @Override
    public ErrorReply rateLimited(String model, RateLimitStatus status) {
        return openai.rateLimited(model, status);
    }

    @Override
    public ErrorReply errorFor(int status, String code, String model) {
        return openai.errorFor(status, code, model);
    }

    /** The whole response; composing it completes the response, so it can be continued (also if the body is cut). */
    @Override
    public byte[] body(Reply reply) {
        ResponseStore.Kept echo = store.find(reply.id()).orElse(null);
        store.completed(reply.id());
        long outputTokens = reply.outputTokens();
        return ResponseObject.of(reply, echo, ResponseObject.finalStatus(reply), true, outputTokens, null)
                .toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public StreamEncoder streamEncoder(Reply reply) {
        return new ResponsesStream(reply, store);
    }

    /** Nothing: {@code GET /v1/models} is Chat Completions' dialect's, on the same listener. */
    @Override
    public void mountExtras(RoutesConfig routes, List<ModelProfile> models, Predicate<Context> admitted) {
    }
}
