package dev.brownout.fakes.internal.exchange;

import dev.brownout.fakes.behaviour.CutMode;
import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the endpoint learns about a call while serving it; becomes one ledger entry at the end. */
final class CallDraft {

    final Instant time = Instant.now();
    final long arrivalNanos = System.nanoTime();
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
    Integer retryCount;
    String authFailure;
    String credentialOwner;
    List<String> faults = List.of();
    Long ttftMillis;
    String errorType;
    Long retryAfterMillis;
    /** How late the first token went out against its plan, and the latest streamed token, in real ms. */
    Double firstTokenLateMs;
    Double maxTokenLateMs;
    boolean recorded;
    /** How the endpoint closes the connection under the client once the call is recorded; null: it does not. */
    CutMode abruptEnd;

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

    /** Notes how late the first token (or the whole body), planned for {@code plannedNanos}, is going out now. */
    void firstTokenLate(long plannedNanos) {
        if (firstTokenLateMs == null) {
            firstTokenLateMs = Math.max(0, System.nanoTime() - plannedNanos) / 1e6;
        }
    }

    /** Notes how late a streamed token, planned for {@code plannedNanos}, is going out now; the worst is kept. */
    void tokenLate(long plannedNanos) {
        double late = Math.max(0, System.nanoTime() - plannedNanos) / 1e6;
        if (maxTokenLateMs == null || late > maxTokenLateMs) {
            maxTokenLateMs = late;
        }
    }

    void firstTokenNow() {
        if (ttftMillis == null) {
            ttftMillis = (System.nanoTime() - arrivalNanos) / 1_000_000;
        }
    }

    ProviderCall toCall(long seq, String provider, String dialect) {
        return new ProviderCall(seq, time, provider, dialect, model, servedModel, requestId, principal, status,
                outcome, stream, inputTokens, outputTokens, costUsd, taskId, correct, retryCount, authFailure,
                credentialOwner, faults, ttftMillis, (System.nanoTime() - arrivalNanos) / 1_000_000, errorType,
                retryAfterMillis, firstTokenLateMs, maxTokenLateMs);
    }
}
