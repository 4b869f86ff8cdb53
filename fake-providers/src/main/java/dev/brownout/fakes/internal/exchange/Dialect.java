package dev.brownout.fakes.internal.exchange;

import dev.brownout.fakes.auth.AuthResult;
import dev.brownout.fakes.behaviour.RateLimitStatus;
import dev.brownout.fakes.catalog.ModelProfile;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * An LLM API's wire format: how a request is read and validated, and how replies, streams, errors and
 * rate-limit headers are written. Pacing, faults, auth and the ledger are the endpoint's, shared by all.
 */
public interface Dialect {

    /** {@code openai}, {@code anthropic} or {@code gemini}. */
    String name();

    /**
     * The API this wire format is, as the ledger names it: {@code chat.completions}, {@code messages},
     * {@code responses}.
     */
    String api();

    /**
     * The path of the completion endpoint, e.g. {@code /v1/chat/completions}; for a dialect whose path carries the
     * model, the pattern of it, e.g. {@code /v1beta/models/{model}:generateContent}.
     */
    String completionPath();

    /**
     * Whether a POST to this path (as sent, not decoded) is a completion request in this wire format although it
     * is not {@link #completionPath()} itself: Gemini's paths carry the model and the method. None by default.
     */
    default boolean isCompletionPath(String path) {
        return false;
    }

    /** The path the dialect's official SDK appends its routes to: what goes into {@code base_url}. */
    String baseUrlPath();

    TokenCounter tokens();

    String requestIdHeader();

    String newRequestId(SplittableRandom random);

    String newReplyId(SplittableRandom random);

    String newToolCallId(SplittableRandom random);

    /** The credential the request presented, or null. */
    String credential(Exchange exchange);

    /** Dialect-required headers that are missing or wrong (e.g. {@code anthropic-version}). */
    Optional<ErrorReply> checkHeaders(Exchange exchange);

    /** Reads and validates a completion request; a refusal carries the status and the dialect's message. */
    ChatRequest parse(byte[] body) throws InvalidRequestException;

    /**
     * Reads and validates a completion request that is more than its body: Gemini's model, and whether it streams,
     * are in the path and query. By default the body alone.
     */
    default ChatRequest parse(Exchange exchange, byte[] body) throws InvalidRequestException {
        return parse(body);
    }

    void rateLimitHeaders(Exchange exchange, RateLimitStatus status);

    void writeError(Exchange exchange, ErrorReply error);

    ErrorReply unauthorized(AuthResult result);

    ErrorReply unknownModel(String model);

    ErrorReply rateLimited(String model, RateLimitStatus status);

    /**
     * The dialect's usual error for a status, as an injected fault sends it. With a {@code code} (null for none)
     * that the dialect knows, e.g. {@code context_length_exceeded}, the message and type are the ones the real
     * API sends with it; any other code is carried as given.
     */
    ErrorReply errorFor(int status, String code, String model);

    /**
     * Learns the reply planned for a request before it is sent; a dialect that keeps conversations (the Responses
     * API's {@code previous_response_id}) remembers it here. Most dialects keep nothing.
     */
    default void planned(ChatRequest request, Reply reply) {
    }

    /** The complete, non-streaming response body. */
    byte[] body(Reply reply);

    StreamEncoder streamEncoder(Reply reply);

    /** Routes besides the completion endpoint, e.g. {@code GET /v1/models}; {@code admitted} authenticates or answers the refusal. */
    void mountExtras(RoutesConfig routes, List<ModelProfile> models, java.util.function.Predicate<Context> admitted);
}
