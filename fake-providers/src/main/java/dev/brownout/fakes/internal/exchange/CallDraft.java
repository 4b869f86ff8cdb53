package dev.brownout.fakes.internal.exchange;

import dev.brownout.fakes.catalog.ModelProfile;
import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the endpoint learns about a call while serving it; becomes one ledger entry at the end. */
final class CallDraft {

    final Instant time = Instant.now();
    final long arrivalNanos = System.nanoTime();
    /** The API the call was addressed to ({@code chat.completions}, {@code responses}, ...); null for other routes. */
    String api;
    String model;
    String servedModel;
    String requestId;
    String principal;
    int status;
    CallOutcome outcome = CallOutcome.ERROR;
    boolean stream;
    long inputTokens;
    long outputTokens;
    BigDecimal costUsd = BigDecimal.ZERO;
    String taskId;
    Boolean correct;
    /** The number of tool results after the task's user message; null for a call without a task. */
    Integer toolStep;
    /** The tool the reply called; null when it answered in text or not at all. */
    String toolCall;
    Integer retryCount;
    String authFailure;
    String credentialOwner;
    List<String> faults = List.of();
    Long ttftMillis;
    String errorType;
    Long retryAfterMillis;
    boolean recorded;
    /** The model that answered, whose price the call costs; null until one was chosen. */
    ModelProfile served;
    /** How late the first token and the latest token went out against their planned instants; null until one did. */
    Long firstTokenLateNanos;
    Long maxTokenLateNanos;

    /** The call ends with an HTTP error instead of an answer. */
    void failed(ErrorReply error) {
        status = error.status();
        outcome = CallOutcome.ERROR;
        errorType = error.code() != null ? error.code() : "http_" + error.status();
        retryAfterMillis = retryAfterMillis(error);
    }

    /** The wait the error's headers ask for: {@code retry-after-ms} when sent, else {@code retry-after} seconds. */
    private static Long retryAfterMillis(ErrorReply error) {
        String millis = error.headers().get("retry-after-ms");
        String seconds = error.headers().get("retry-after");
        try {
            if (millis != null) {
                return Long.parseLong(millis.trim());
            }
            if (seconds != null) {
                return Long.parseLong(seconds.trim()) * 1000;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    void firstTokenNow() {
        if (ttftMillis == null) {
            ttftMillis = (System.nanoTime() - arrivalNanos) / 1_000_000;
        }
    }

    /** A token was handed to the connection {@code lateNanos} after its planned instant (clamped at 0). */
    void tokenSent(long lateNanos) {
        long late = Math.max(0, lateNanos);
        if (firstTokenLateNanos == null) {
            firstTokenLateNanos = late;
        }
        if (maxTokenLateNanos == null || late > maxTokenLateNanos) {
            maxTokenLateNanos = late;
        }
    }

    ProviderCall toCall(long seq, String provider, String dialect) {
        return new ProviderCall(seq, time, provider, dialect, model, servedModel, requestId, principal, status,
                outcome, stream, inputTokens, outputTokens, costUsd, taskId, correct, retryCount, authFailure,
                credentialOwner, faults, ttftMillis, (System.nanoTime() - arrivalNanos) / 1_000_000, errorType,
                retryAfterMillis, millis(firstTokenLateNanos), millis(maxTokenLateNanos), api, toolStep, toolCall);
    }

    private static Double millis(Long nanos) {
        return nanos == null ? null : nanos / 1e6;
    }
}
