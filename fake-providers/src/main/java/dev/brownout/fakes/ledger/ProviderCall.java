package dev.brownout.fakes.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One call a fake provider saw: who asked for which model, who actually served it, what was sent and what
 * it cost. Tokens and cost count what was actually streamed, so a cut stream costs what it sent.
 *
 * @param model           the model the request named (and the response reported)
 * @param servedModel     the model that really answered (differs under silent substitution)
 * @param principal       the credential's owner, when known
 * @param status          the HTTP status sent, 0 for a request that was never answered
 * @param taskId          the id in the task header of the last user message (a canary or a user task), if any
 * @param correct         whether the canary answer sent was correct; null without a canary. For a step of a chain
 *                        canary: whether it is what a correct run of the whole chain sends at that step
 * @param retryCount      the client's {@code X-Stainless-Retry-Count}, when sent
 * @param authFailure     why the credential was refused, if it was
 * @param credentialOwner the fake that issued a foreign credential presented here: a leak
 * @param faults          the faults that applied to this call
 * @param ttftMillis      time from arrival to the first output token sent, when one was
 * @param retryAfterMillis the wait the response's {@code retry-after-ms} header asked for, or null when the
 *                        response carried no {@code retry-after}
 * @param firstTokenLateMs how much later than planned the first output token was handed to the connection, in
 *                        milliseconds (never negative); null for a non-streaming call or one that sent no token
 * @param maxTokenLateMs  the same for the latest token of the call, the first included; null when firstTokenLateMs is
 * @param api             the API the call was addressed to: {@code chat.completions}, {@code responses} (both on an
 *                        {@code openai} provider) or {@code messages}; null for other routes (models, unknown paths)
 *                        and in ledgers written before it was recorded
 * @param toolStep        for a call that carries a task, the number of tool results sent back after the task's user
 *                        message: the step a multi-step tool task has reached (0 for its first call); null without a
 *                        task and in ledgers written before it was recorded
 * @param toolCall        the name of the tool the reply called; null when it answered in text, did not answer, or in
 *                        ledgers written before it was recorded
 */
public record ProviderCall(long seq, Instant time, String provider, String dialect, String model,
                           String servedModel, String requestId, String principal, int status,
                           CallOutcome outcome, boolean stream, long inputTokens, long outputTokens,
                           BigDecimal costUsd, String taskId, Boolean correct, Integer retryCount,
                           String authFailure, String credentialOwner, List<String> faults, Long ttftMillis,
                           long durationMillis, String errorType, Long retryAfterMillis, Double firstTokenLateMs,
                           Double maxTokenLateMs, String api, Integer toolStep, String toolCall) {

    /** A call without its tool step and tool call, as ledgers written before they were recorded have it. */
    public ProviderCall(long seq, Instant time, String provider, String dialect, String model, String servedModel,
                        String requestId, String principal, int status, CallOutcome outcome, boolean stream,
                        long inputTokens, long outputTokens, BigDecimal costUsd, String taskId, Boolean correct,
                        Integer retryCount, String authFailure, String credentialOwner, List<String> faults,
                        Long ttftMillis, long durationMillis, String errorType, Long retryAfterMillis,
                        Double firstTokenLateMs, Double maxTokenLateMs, String api) {
        this(seq, time, provider, dialect, model, servedModel, requestId, principal, status, outcome, stream,
                inputTokens, outputTokens, costUsd, taskId, correct, retryCount, authFailure, credentialOwner, faults,
                ttftMillis, durationMillis, errorType, retryAfterMillis, firstTokenLateMs, maxTokenLateMs, api, null,
                null);
    }

    /** A call without the API it was addressed to, as ledgers written before it was recorded have it. */
    public ProviderCall(long seq, Instant time, String provider, String dialect, String model, String servedModel,
                        String requestId, String principal, int status, CallOutcome outcome, boolean stream,
                        long inputTokens, long outputTokens, BigDecimal costUsd, String taskId, Boolean correct,
                        Integer retryCount, String authFailure, String credentialOwner, List<String> faults,
                        Long ttftMillis, long durationMillis, String errorType, Long retryAfterMillis,
                        Double firstTokenLateMs, Double maxTokenLateMs) {
        this(seq, time, provider, dialect, model, servedModel, requestId, principal, status, outcome, stream,
                inputTokens, outputTokens, costUsd, taskId, correct, retryCount, authFailure, credentialOwner, faults,
                ttftMillis, durationMillis, errorType, retryAfterMillis, firstTokenLateMs, maxTokenLateMs, null, null,
                null);
    }

    /** A call without lateness figures: one that streamed no token, or recorded elsewhere than by a fake. */
    public ProviderCall(long seq, Instant time, String provider, String dialect, String model, String servedModel,
                        String requestId, String principal, int status, CallOutcome outcome, boolean stream,
                        long inputTokens, long outputTokens, BigDecimal costUsd, String taskId, Boolean correct,
                        Integer retryCount, String authFailure, String credentialOwner, List<String> faults,
                        Long ttftMillis, long durationMillis, String errorType, Long retryAfterMillis) {
        this(seq, time, provider, dialect, model, servedModel, requestId, principal, status, outcome, stream,
                inputTokens, outputTokens, costUsd, taskId, correct, retryCount, authFailure, credentialOwner, faults,
                ttftMillis, durationMillis, errorType, retryAfterMillis, null, null, null, null, null);
    }

    public boolean credentialLeak() {
        return credentialOwner != null;
    }
}
