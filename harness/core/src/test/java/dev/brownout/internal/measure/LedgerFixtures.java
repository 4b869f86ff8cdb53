package dev.brownout.internal.measure;

import dev.brownout.fakes.ledger.CallOutcome;
import dev.brownout.fakes.ledger.ProviderCall;
import dev.brownout.internal.record.ExchangeRecord;
import dev.brownout.reports.ReplyUsage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Hand-built ledger entries and exchanges; times are milliseconds from {@link #ORIGIN}. */
final class LedgerFixtures {

    static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");

    private long seq;

    /** A complete 200 call for the task on {@code primary}, model {@code mid}, costing nothing, at 0 ms. */
    Call call(String taskId) {
        return new Call(++seq, taskId);
    }

    static Answer exchange(String taskId) {
        return new Answer(taskId);
    }

    static final class Call {
        private final long seq;
        private final String taskId;
        private String provider = "primary";
        private String model = "mid";
        private String servedModel = "mid";
        private int status = 200;
        private CallOutcome outcome = CallOutcome.COMPLETE;
        private long atMillis;
        private long durationMillis;
        private String cost = "0";
        private long inputTokens;
        private long outputTokens;
        private Long retryAfterMillis;
        private String authFailure;
        private String credentialOwner;
        private List<String> faults = List.of();
        private Integer toolStep;
        private String toolCall;

        private Call(long seq, String taskId) {
            this.seq = seq;
            this.taskId = taskId;
        }

        Call provider(String name) {
            provider = name;
            return this;
        }

        /** The model asked for and the one that served, the same. */
        Call model(String id) {
            model = id;
            servedModel = id;
            return this;
        }

        Call served(String id) {
            servedModel = id;
            return this;
        }

        Call at(long millis) {
            atMillis = millis;
            return this;
        }

        Call took(long millis) {
            durationMillis = millis;
            return this;
        }

        Call cost(String usd) {
            cost = usd;
            return this;
        }

        Call tokens(long in, long out) {
            inputTokens = in;
            outputTokens = out;
            return this;
        }

        /** An HTTP error: no model served, nothing sent. */
        Call error(int httpStatus) {
            status = httpStatus;
            outcome = CallOutcome.ERROR;
            servedModel = null;
            return this;
        }

        Call retryAfter(long millis) {
            retryAfterMillis = millis;
            return this;
        }

        Call outcome(CallOutcome ending) {
            outcome = ending;
            return this;
        }

        /** The faults the ledger says hit the call, e.g. {@code stall:clean}. */
        Call faults(String... labels) {
            faults = List.of(labels);
            return this;
        }

        /** The step of a multi-step task the call was made at: the tool results its conversation held. */
        Call step(int step) {
            toolStep = step;
            return this;
        }

        /** The tool the reply called. */
        Call calledTool(String name) {
            toolCall = name;
            return this;
        }

        Call credential(String owner, String failure) {
            credentialOwner = owner;
            authFailure = failure;
            return this;
        }

        ProviderCall build() {
            return new ProviderCall(seq, ORIGIN.plusMillis(atMillis), provider, "openai", model, servedModel,
                    "req_" + seq, "key", status, outcome, true, inputTokens, outputTokens, new BigDecimal(cost), taskId,
                    null, null, authFailure, credentialOwner, faults, null, durationMillis,
                    status >= 400 ? "http_" + status : null, retryAfterMillis, null, null, null, toolStep, toolCall);
        }
    }

    static final class Answer {
        private final String taskId;
        private String phase = "steady";
        private double intendedMs;
        private double latencyMs = 100;
        private String outcome = "answered";
        private int status = 200;
        private String model = "mid";
        private boolean truncated;
        private String truncation;
        private String errorClass;
        private double score = 1;
        private ReplyUsage usage;

        private Answer(String taskId) {
            this.taskId = taskId;
        }

        Answer phase(String name) {
            phase = name;
            return this;
        }

        /** When it was due (and sent), in ms from {@link #ORIGIN}. */
        Answer at(double millis) {
            intendedMs = millis;
            return this;
        }

        Answer latency(double millis) {
            latencyMs = millis;
            return this;
        }

        /** The SUT's own error, e.g. 503. */
        Answer error(int httpStatus) {
            outcome = "error";
            status = httpStatus;
            model = null;
            score = 0;
            return this;
        }

        /** An error the caller's SDK raises without an HTTP error status: a broken connection, an error event. */
        Answer failed(String error, int httpStatus) {
            error(httpStatus);
            errorClass = error;
            return this;
        }

        Answer timeout() {
            outcome = "timeout";
            status = 0;
            model = null;
            score = 0;
            return this;
        }

        Answer claimed(String claimedModel) {
            model = claimedModel;
            return this;
        }

        Answer truncated() {
            truncated = true;
            return this;
        }

        /** Judged truncated as it ended, from the reply alone, for {@code reason}. */
        Answer truncation(String reason) {
            truncated = true;
            truncation = reason;
            return this;
        }

        Answer score(double grade) {
            score = grade;
            return this;
        }

        /** The usage block the reply carried; none unless given. */
        Answer usage(Long inputTokens, Long outputTokens) {
            usage = new ReplyUsage(inputTokens, outputTokens);
            return this;
        }

        ExchangeRecord build() {
            return new ExchangeRecord(taskId, "arithmetic", phase, intendedMs, intendedMs, null, intendedMs + latencyMs,
                    latencyMs, outcome, status, errorClass != null ? errorClass
                    : "error".equals(outcome) ? "http_" + status : null, model, truncated,
                    score, "42", "answer", "prompt", truncation, null, usage, null, 0);
        }
    }
}
